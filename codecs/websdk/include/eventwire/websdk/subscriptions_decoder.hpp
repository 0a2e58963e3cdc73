#pragma once

#include <eventwire/websdk/decode_limits.hpp>
#include <eventwire/websdk/detail/decode_failure.hpp>
#include <eventwire/websdk/subscriptions.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

namespace eventwire::websdk {

// Decodes the answer to `GET /events/subscribed`. Result is an array (absent or null: no
// subscriptions) of objects with EventType (required) and Entities (required, an array of
// strings; null reads as empty). Unknown keys are skipped; see stream_decoder for the envelope,
// errors and error paths. `max_elements` bounds the items and the entities of each item.
class subscriptions_decoder {
 public:
  using limits = decode_limits;

  subscriptions_decoder() = default;
  explicit subscriptions_decoder(const limits& l) : limits_(l) {}

  std::error_code decode(std::string_view json, subscriptions_answer& out);

  std::string_view error_path() const noexcept { return failure_.path(); }
  std::error_code json_error() const noexcept { return failure_.json_error(); }
  std::size_t error_offset() const noexcept { return failure_.offset(); }
  std::string describe_error() const { return failure_.describe(); }

 private:
  limits limits_;
  std::vector<event_subscription> items_;
  std::vector<json::raw_string> entities_;
  std::vector<std::pair<std::size_t, std::size_t>> ranges_;  // of entities_, per item
  std::string key_scratch_;
  std::string value_scratch_;
  detail::decode_failure failure_;
};

}  // namespace eventwire::websdk
