#include <eventwire/auth/cached_token_provider.hpp>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <algorithm>

namespace eventwire::auth {

namespace asio = boost::asio;
using result = std::tuple<std::error_code, access_token>;

static std::error_code cancelled() { return std::make_error_code(std::errc::operation_canceled); }

// One fetch in progress, which the callers that arrive meanwhile wait for: a timer that never
// expires by itself and is cancelled when the fetch ends.
struct cached_token_provider::flight {
  explicit flight(asio::any_io_executor ex)
      : signal(std::move(ex), std::chrono::steady_clock::time_point::max()) {}

  asio::steady_timer signal;
  bool done = false;
  bool abandoned = false;  // the fetching caller was cancelled or its frame destroyed
  result outcome;

  void finish(result r, bool abandon) {
    outcome = std::move(r);
    abandoned = abandon;
    done = true;
    signal.cancel();
  }

  asio::awaitable<void> wait() {
    if (done) co_return;
    co_await signal.async_wait(asio::as_tuple(asio::use_awaitable));
  }
};

cached_token_provider::cached_token_provider(token_cache_policy policy)
    : policy_(std::move(policy)) {}

cached_token_provider::~cached_token_provider() = default;

std::chrono::system_clock::time_point cached_token_provider::now() const {
  return policy_.now ? policy_.now() : std::chrono::system_clock::now();
}

bool cached_token_provider::unexpired(std::chrono::system_clock::time_point at) const {
  return token_ && (!token_->expires_at || at < *token_->expires_at);
}

bool cached_token_provider::fresh(std::chrono::system_clock::time_point at) const {
  if (!token_) return false;
  if (!token_->expires_at) return true;
  const auto lifetime =
      std::max(*token_->expires_at - fetched_at_, std::chrono::system_clock::duration::zero());
  const auto share = std::chrono::duration_cast<std::chrono::system_clock::duration>(
      lifetime * policy_.refresh_fraction);
  return at < *token_->expires_at - std::min(policy_.refresh_margin, share);
}

asio::awaitable<result> cached_token_provider::do_get(bool force_refresh) {
  for (;;) {
    if (!force_refresh && fresh(now())) co_return result{std::error_code{}, *token_};
    if (flight_ && flight_->done) flight_.reset();
    if (flight_) {
      const auto joined = flight_;
      co_await joined->wait();
      if (!joined->done) co_return result{cancelled(), access_token{}};
      if (joined->abandoned) continue;
      co_return joined->outcome;
    }

    auto mine = std::make_shared<flight>(co_await asio::this_coro::executor);
    flight_ = mine;
    // Ends the flight as abandoned if this coroutine leaves without finishing it (an exception,
    // or its frame destroyed while suspended), so that no waiter waits forever.
    struct guard {
      std::shared_ptr<flight> f;
      ~guard() {
        if (!f->done) f->finish(result{cancelled(), access_token{}}, true);
      }
    } unfinished{mine};

    auto [ec, token] = co_await fetch(force_refresh);
    const auto cancelled =
        (co_await asio::this_coro::cancellation_state).cancelled() != asio::cancellation_type::none;
    const auto at = now();
    result outcome;
    if (!ec) {
      token_ = std::move(token);
      fetched_at_ = at;
      set_error_detail({});
      outcome = result{std::error_code{}, *token_};
    } else if (!force_refresh && unexpired(at)) {
      outcome = result{std::error_code{}, *token_};
    } else {
      outcome = result{ec, access_token{}};
    }
    mine->finish(outcome, ec && cancelled);
    if (flight_ == mine) flight_.reset();
    co_return outcome;
  }
}

}  // namespace eventwire::auth
