#pragma once

#include <eventwire/net/http_options.hpp>
#include <eventwire/net/url.hpp>
#include <eventwire/session/reconnect_policy.hpp>
#include <eventwire/unity/position.hpp>

#include <chrono>
#include <cstdint>
#include <functional>
#include <iosfwd>
#include <string>
#include <string_view>

namespace eventwire::unity {

// What a poller does when the server rejects its position (expired after the retention period,
// or made for another subscription).
enum class rejected_position_policy {
  stop,                 // run() ends with poller_error::position_rejected
  restart_from_oldest,  // create a position at the oldest notification kept ("horizon") and go on
};

std::ostream& operator<<(std::ostream& os, rejected_position_policy p);

struct poller_options {
  net::url base_url;            // e.g. https://unityapi.webrootcloudav.com
  std::string subscription_id;  // the subscription to fetch
  std::string checkpoint_key;   // where the position is kept, e.g. "webroot/position"
  // The wait after a page without MoreAvailable; at least 1 s (less is invalid_options).
  std::chrono::steady_clock::duration poll_interval = std::chrono::seconds(10);
  // The first position when the store has none.
  position_request initial_position{position_type::oldest, {}};
  rejected_position_policy on_rejected_position = rejected_position_policy::stop;
  // After 429, 5xx, a transport failure, an undecodable page or a token failure: the wait before
  // the next attempt (at least Retry-After when the server sent one), or give up.
  session::reconnect_policy retry = session::reconnect_policy::exponential(
      std::chrono::seconds(1), 2.0, std::chrono::seconds(60));
  std::chrono::seconds max_retry_after = std::chrono::seconds(600);  // a longer Retry-After is capped
  net::http_options http;  // body_limit bounds a page (1000 notifications are about 1 MB)
  // Told every failed attempt that will be retried (`problem` true: its reason and the wait) and
  // the first success after failures (false); one sentence each, never a token. None: silent.
  std::function<void(bool problem, std::string_view sentence)> log{};
};

}  // namespace eventwire::unity
