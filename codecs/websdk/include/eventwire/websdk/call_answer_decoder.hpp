#pragma once

#include <eventwire/websdk/call_answer.hpp>
#include <eventwire/websdk/decode_limits.hpp>
#include <eventwire/websdk/detail/decode_failure.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <system_error>

namespace eventwire::websdk {

// Decodes a call's answer (see call_answer.hpp). Result may be absent, null, any value or an
// object; in an object, `alarminstanceid` (an integer), `Acknowledged`, `IsActive` and
// `IsRecipient` or `Contains` (booleans; both at once is a duplicate) are read, null reading as absent, and other keys are skipped. See stream_decoder for the
// envelope, errors and error paths.
class call_answer_decoder {
 public:
  using limits = decode_limits;

  call_answer_decoder() = default;
  explicit call_answer_decoder(const limits& l) : limits_(l) {}

  std::error_code decode(std::string_view json, call_answer& out);

  std::string_view error_path() const noexcept { return failure_.path(); }
  std::error_code json_error() const noexcept { return failure_.json_error(); }
  std::size_t error_offset() const noexcept { return failure_.offset(); }
  std::string describe_error() const { return failure_.describe(); }

 private:
  limits limits_;
  std::string key_scratch_;
  std::string value_scratch_;
  detail::decode_failure failure_;
};

}  // namespace eventwire::websdk
