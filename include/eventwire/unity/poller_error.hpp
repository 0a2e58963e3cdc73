#pragma once

#include <iosfwd>
#include <system_error>

namespace eventwire::unity {

// Failures of a unity::poller beyond the codec's (unity::error), the transport's (net::error)
// and the checkpoint store's (state::error). poller::last_error_detail() says more, with the
// server's own error text where there is one.
enum class poller_error {
  already_running = 1,    // run() while running
  invalid_options,        // no subscription id, a poll interval below 1 s, no checkpoint key
  checkpoint_failed,      // the checkpoint store could not load or store the position
  position_rejected,      // the server refused the position (expired or foreign) and the policy stops
  subscription_not_found, // 404 for the subscription
  unauthorized,           // 401 even with a refreshed token
  token_unavailable,      // the token provider failed
  unexpected_status,      // an HTTP status the API does not answer with
  invalid_page,           // a fetch answer that does not decode (truncated, not a page)
  invalid_position_answer,// the position call's answer has no Position
  retry_gave_up,          // the retry policy gave up after 429, 5xx or transport failures
  too_many_requests,      // 429 (a retry reason)
  server_error,           // 5xx (a retry reason)
};

const std::error_category& poller_error_category() noexcept;

inline std::error_code make_error_code(poller_error e) noexcept {
  return {static_cast<int>(e), poller_error_category()};
}

std::ostream& operator<<(std::ostream& os, poller_error e);

}  // namespace eventwire::unity

template <>
struct std::is_error_code_enum<eventwire::unity::poller_error> : std::true_type {};
