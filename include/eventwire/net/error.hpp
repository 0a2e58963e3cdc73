#pragma once

#include <iosfwd>
#include <system_error>

namespace eventwire::net {

// Failures of the transports beyond plain socket and TLS library errors. Every timeout
// compares equal to std::errc::timed_out, every limit to codec::condition::limit_exceeded and
// every malformed input to std::errc::invalid_argument, so a session can react to the kind.
enum class error {
  invalid_url = 1,
  missing_scheme,
  unsupported_scheme,
  invalid_port,
  empty_host,
  invalid_pin,
  ca_file_unreadable,
  connect_timeout,
  handshake_timeout,
  write_timeout,
  read_timeout,
  certificate_rejected,
  certificate_pin_mismatch,
  too_many_redirects,
  redirect_without_location,
  insecure_redirect,
  response_too_large,
  header_too_large,
  message_too_large,
  upgrade_refused,
  websocket_closed,
  connection_closed,
  end_of_body,
  not_connected,
  upgrade_invalid,
};

const std::error_category& error_category() noexcept;

std::ostream& operator<<(std::ostream& os, error e);

inline std::error_code make_error_code(error e) noexcept {
  return {static_cast<int>(e), error_category()};
}

}  // namespace eventwire::net

template <>
struct std::is_error_code_enum<eventwire::net::error> : std::true_type {};
