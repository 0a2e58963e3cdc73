#pragma once

#include <iosfwd>
#include <system_error>
#include <type_traits>

namespace eventwire::source {

// Failures of the Mission Control web token request (GET /v4/WebToken).
enum class missioncontrol_error {
  credentials_refused = 1,  // 401/403: wrong username or password
  token_request_failed,     // another non-200 status
  invalid_token_answer,     // the answer is not a web token (missioncontrol::web_token_decoder)
  invalid_url,              // the configured base URL is not an http(s) URL
};

const std::error_category& missioncontrol_error_category() noexcept;

inline std::error_code make_error_code(missioncontrol_error e) noexcept {
  return {static_cast<int>(e), missioncontrol_error_category()};
}

std::ostream& operator<<(std::ostream& os, missioncontrol_error e);

}  // namespace eventwire::source

template <>
struct std::is_error_code_enum<eventwire::source::missioncontrol_error> : std::true_type {};
