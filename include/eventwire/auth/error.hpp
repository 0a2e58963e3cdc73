#pragma once

#include <iosfwd>
#include <system_error>

namespace eventwire::auth {

// Failures of secret sources and token providers. The messages name kinds, never values; the
// name of the variable, file or command and the server's own text come with each failure as a
// separate sentence (secret::resolve's text, token_provider::last_error_detail()).
// Timeouts compare equal to std::errc::timed_out, size limits to
// codec::condition::limit_exceeded, malformed responses to codec::condition::protocol_violation,
// incomplete settings to std::errc::invalid_argument, and rejected credentials
// (invalid_client, invalid_grant, unauthorized_client) to std::errc::permission_denied.
enum class error {
  environment_variable_not_set = 1,
  secret_empty,
  secret_file_unreadable,
  secret_too_large,
  secret_command_not_started,
  secret_command_failed,
  secret_command_killed,
  secret_command_timeout,
  invalid_oauth2_settings,
  token_endpoint_status,
  invalid_token_response,
  unsupported_token_type,
  invalid_request,
  invalid_client,
  invalid_grant,
  unauthorized_client,
  unsupported_grant_type,
  invalid_scope,
  oauth2_error,
};

const std::error_category& error_category() noexcept;

std::ostream& operator<<(std::ostream& os, error e);

inline std::error_code make_error_code(error e) noexcept {
  return {static_cast<int>(e), error_category()};
}

}  // namespace eventwire::auth

template <>
struct std::is_error_code_enum<eventwire::auth::error> : std::true_type {};
