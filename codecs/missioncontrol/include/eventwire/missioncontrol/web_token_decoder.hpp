#pragma once

#include <eventwire/json/reader.hpp>
#include <eventwire/missioncontrol/detail/decode_failure.hpp>
#include <eventwire/missioncontrol/web_token.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <system_error>

namespace eventwire::missioncontrol {

// Decodes the body of a `GET /v4/WebToken` answer in one pass. `Token` is required and must be a
// non-empty string (a view into the body); `ValidUntil` (an ISO 8601 string; no offset is read
// as UTC) and `MillisecondsValid` (an integer in 0..2147483647, the OpenAPI's int32 without the
// negative half) are optional, absent or null. Keys match in any ASCII case, a known key given
// twice is an error, unknown keys are skipped.
class web_token_decoder {
 public:
  struct options {
    std::size_t max_depth = json::reader::default_max_depth;
  };

  web_token_decoder() = default;
  explicit web_token_decoder(const options& o) : options_(o) {}

  std::error_code decode(std::string_view json, web_token& out);

  std::string_view error_key() const noexcept { return failure_.key(); }
  std::error_code json_error() const noexcept { return failure_.json_error(); }
  std::size_t error_offset() const noexcept { return failure_.offset(); }
  std::string describe_error() const { return failure_.describe(); }

 private:
  options options_;
  std::string key_scratch_;
  std::string value_scratch_;
  detail::decode_failure failure_;
};

}  // namespace eventwire::missioncontrol
