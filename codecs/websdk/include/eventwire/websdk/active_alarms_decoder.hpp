#pragma once

#include <eventwire/websdk/active_alarm.hpp>
#include <eventwire/websdk/decode_limits.hpp>
#include <eventwire/websdk/detail/decode_failure.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

namespace eventwire::websdk {

// Decodes the answer to /activealarms or GetActiveAlarms() (see active_alarm.hpp). Result is an
// array (absent or null: none) of alarm objects. A modern name and its legacy alias in one
// object are a duplicate key; an unreadable DynamicContent is invalid_dynamic_content; contexts
// that must be decoded share `max_text_bytes`. See stream_decoder for the envelope, errors and
// error paths.
class active_alarms_decoder {
 public:
  using limits = decode_limits;

  active_alarms_decoder() = default;
  explicit active_alarms_decoder(const limits& l) : limits_(l) {}

  std::error_code decode(std::string_view json, active_alarms_answer& out);

  std::string_view error_path() const noexcept { return failure_.path(); }
  std::error_code json_error() const noexcept { return failure_.json_error(); }
  std::size_t error_offset() const noexcept { return failure_.offset(); }
  std::string describe_error() const { return failure_.describe(); }

 private:
  limits limits_;
  std::vector<active_alarm> alarms_;
  std::string text_;  // decoded contexts
  std::vector<std::size_t> context_at_;  // per alarm: offset into text_, or npos
  std::string xml_scratch_;
  std::string key_scratch_;
  std::string value_scratch_;
  detail::decode_failure failure_;
};

}  // namespace eventwire::websdk
