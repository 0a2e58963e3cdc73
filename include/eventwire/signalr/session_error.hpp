#pragma once

#include <iosfwd>
#include <system_error>

namespace eventwire::signalr {

// Failures of a hub_connection beyond the codec's (signalr::error) and the transports'
// (net::error). Timeouts compare equal to std::errc::timed_out, the two limits to
// codec::condition::limit_exceeded, the server's refusals to codec::condition::
// protocol_violation where the server broke the protocol; hub_connection::last_error_detail()
// has the server's own text where there is one.
enum class session_error {
  stopped = 1,          // stop() was called
  connection_lost,      // the connection ended before the invocation completed
  not_connected,        // invoke or send while not connected
  already_started,      // start() on a connection that is not disconnected
  invalid_url,
  negotiate_failed,     // negotiate answered with a status other than 200
  negotiate_error,      // negotiate answered {"error": ...}
  negotiate_redirect_limit,
  no_websockets_transport,
  unauthorized,         // 401 even with a refreshed token
  token_unavailable,    // the access token source failed
  handshake_timeout,
  server_timeout,
  server_closed,        // a Close message without allowReconnect
  server_closed_with_error,
  invocation_error,     // the server answered the invocation with an error (the text is returned)
  invocation_cancelled, // the caller cancelled the invoke
  send_queue_full,
  reconnect_gave_up,    // the reconnect policy gave up
};

const std::error_category& session_error_category() noexcept;

std::ostream& operator<<(std::ostream& os, session_error e);

inline std::error_code make_error_code(session_error e) noexcept {
  return {static_cast<int>(e), session_error_category()};
}

}  // namespace eventwire::signalr

template <>
struct std::is_error_code_enum<eventwire::signalr::session_error> : std::true_type {};
