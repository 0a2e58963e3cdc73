#include "signalr_notifier.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <algorithm>

namespace eventwire::emulator::detail {

namespace asio = boost::asio;

void signalr_notifier::notify() noexcept {
  for (asio::steady_timer* timer : waiting_) timer->cancel();
}

void signalr_notifier::stop() noexcept {
  stopped_ = true;
  notify();
}

asio::awaitable<bool> signalr_notifier::wait_until(const std::function<bool()>& condition,
                                                   clock::time_point deadline) {
  asio::steady_timer timer(co_await asio::this_coro::executor);
  for (;;) {
    if (condition()) co_return true;
    if (stopped_ || clock::now() >= deadline) co_return false;
    timer.expires_at(deadline);
    waiting_.push_back(&timer);
    co_await timer.async_wait(asio::as_tuple(asio::use_awaitable));
    waiting_.erase(std::find(waiting_.begin(), waiting_.end(), &timer));
    const auto state = co_await asio::this_coro::cancellation_state;
    if (state.cancelled() != asio::cancellation_type::none) co_return condition();
  }
}

}  // namespace eventwire::emulator::detail
