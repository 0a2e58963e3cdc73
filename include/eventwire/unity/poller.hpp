#pragma once

#include <eventwire/auth/token_provider.hpp>
#include <eventwire/state/checkpoint_store.hpp>
#include <eventwire/unity/fetch_page.hpp>
#include <eventwire/unity/poller_error.hpp>
#include <eventwire/unity/poller_options.hpp>

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <system_error>

namespace eventwire::unity {

// Takes one fetched page (notifications oldest first; the page views the poller's buffer and
// lives until the handler completes) and completes once its work is acknowledged (every sink
// made every event durable). An error ends run() with it; the position is then not advanced.
using page_handler = std::function<boost::asio::awaitable<std::error_code>(const fetch_page&)>;

struct poller_statistics {
  std::uint64_t fetches = 0;        // fetch calls answered 200 with a page
  std::uint64_t notifications = 0;  // handed to the handler
  std::uint64_t retries = 0;        // waits after 429, 5xx and failures
  std::uint64_t positions_created = 0;
  std::uint64_t positions_rejected = 0;
  std::uint64_t token_refreshes = 0;  // forced after a 401
  std::uint64_t checkpoints = 0;      // positions stored
};

// The Webroot Unity notification poller. run() loads the position from the checkpoint store
// (none: creates one with POST .../subscriptions/{id}/position and stores it), then loops:
//   GET .../subscriptions/{id}/fetch?position=P, hand the page to the handler, store NextPosition
//   once the handler completed, then fetch again at once if MoreAvailable, else after the poll
//   interval.
// Pages are handled one at a time, in order, so a crash repeats at most the page being handled.
// A 401 gets one forced token refresh and one retry; 429, 5xx, transport failures and pages that
// do not decode wait as the retry policy (and Retry-After) says; a rejected position (400) is
// handled by options.on_rejected_position. The poller moves bytes and never parses: pages and
// answers are decoded by codecs/unity. Tokens never appear in logs or errors.
class poller {
 public:
  poller(boost::asio::any_io_executor ex, poller_options options, auth::token_provider& tokens,
         state::checkpoint_store& checkpoints);
  ~poller();
  poller(const poller&) = delete;
  poller& operator=(const poller&) = delete;

  // Runs until stop() (then {}) or a failure it cannot recover from.
  boost::asio::awaitable<std::error_code> run(page_handler on_page);
  // Ends run() soon: a pending request, wait or handler is abandoned (the page's position is
  // then not stored). Never blocks; final: a stopped poller does not run again (make a new
  // one), and stop() before run() makes run() return at once.
  void stop() noexcept;

  const poller_options& options() const noexcept;
  const poller_statistics& statistics() const noexcept;
  // The position fetched from next (empty before run() loaded or created one).
  const std::string& position() const noexcept;
  // One sentence about the last failure or recovered problem, for logs.
  const std::string& last_error_detail() const noexcept;

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

}  // namespace eventwire::unity
