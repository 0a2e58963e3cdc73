#pragma once

#include <iosfwd>
#include <system_error>

namespace eventwire::websdk {

// Failures of a websdk::event_stream beyond the codecs' (websdk::error, multipart::error) and the
// transports' (net::error). event_stream::last_error_detail() adds the server's own text where
// there is one.
enum class stream_error {
  stopped = 1,          // stop() was called
  already_running,      // run() while it runs
  invalid_url,          // the base URL is not http or https
  unauthorized,         // 401: wrong user name, application id or password
  http_status,          // a call answered with an HTTP status other than 200
  call_failed,          // a call answered Rsp.Status other than Ok
  not_a_stream,         // GET /events did not answer a multipart/mixed stream
  part_too_large,       // a part passed max_part_size (skipped)
  part_not_json,        // a part's Content-type is not text/json (skipped)
  stream_ended,         // the server ended the stream
  reconnect_gave_up,    // the reconnect policy gave up
  no_subscriptions,     // subscribe/unsubscribe with an empty list
};

const std::error_category& stream_error_category() noexcept;

inline std::error_code make_error_code(stream_error e) noexcept {
  return {static_cast<int>(e), stream_error_category()};
}

std::ostream& operator<<(std::ostream& os, stream_error e);

}  // namespace eventwire::websdk

template <>
struct std::is_error_code_enum<eventwire::websdk::stream_error> : std::true_type {};
