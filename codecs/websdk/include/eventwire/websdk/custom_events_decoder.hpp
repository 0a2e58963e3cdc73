#pragma once

#include <eventwire/websdk/custom_events.hpp>
#include <eventwire/websdk/decode_limits.hpp>
#include <eventwire/websdk/detail/decode_failure.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

namespace eventwire::websdk {

// Decodes the custom-event and supported-event answers (see custom_events.hpp). Result is an
// object (absent or null: nothing) whose `CustomEvents` or `SupportedCustomEvents` (the same
// list; both at once is a duplicate) is an array of custom events and whose `SupportedEvents` is
// an array of strings; null lists read as empty, unknown keys are skipped. See stream_decoder for
// the envelope, errors and error paths.
class custom_events_decoder {
 public:
  using limits = decode_limits;

  custom_events_decoder() = default;
  explicit custom_events_decoder(const limits& l) : limits_(l) {}

  std::error_code decode(std::string_view json, custom_events_answer& out);

  std::string_view error_path() const noexcept { return failure_.path(); }
  std::error_code json_error() const noexcept { return failure_.json_error(); }
  std::size_t error_offset() const noexcept { return failure_.offset(); }
  std::string describe_error() const { return failure_.describe(); }

 private:
  limits limits_;
  std::vector<custom_event> events_;
  std::vector<json::raw_string> supported_;
  std::string key_scratch_;
  std::string value_scratch_;
  detail::decode_failure failure_;
};

}  // namespace eventwire::websdk
