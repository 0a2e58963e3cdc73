#pragma once

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

namespace eventwire::signalr::detail {

// A flag coroutines on one thread can wait for: a timer that never expires by itself, whose
// cancel() wakes every waiter. The expiry is set once, so a waiter never disturbs another.
class event_flag {
 public:
  explicit event_flag(boost::asio::any_io_executor ex)
      : timer_(std::move(ex), boost::asio::steady_timer::time_point::max()) {}

  void set() {
    set_ = true;
    timer_.cancel();
  }
  void reset() noexcept { set_ = false; }
  bool is_set() const noexcept { return set_; }

  // Wakes every current waiter without setting the flag (they re-check their own condition).
  void poke() { timer_.cancel(); }

  // Returns once the flag is set, or false at once if this coroutine was cancelled.
  boost::asio::awaitable<bool> wait() {
    while (!set_) {
      // Checked first too: awaiting an operation after cancellation would throw.
      auto cs = co_await boost::asio::this_coro::cancellation_state;
      if (cs.cancelled() != boost::asio::cancellation_type::none) co_return false;
      co_await timer_.async_wait(boost::asio::as_tuple(boost::asio::use_awaitable));
    }
    co_return true;
  }

  // One wake-up: returns after the next set() or poke() (or cancellation).
  boost::asio::awaitable<void> wait_once() {
    co_await timer_.async_wait(boost::asio::as_tuple(boost::asio::use_awaitable));
  }

 private:
  boost::asio::steady_timer timer_;
  bool set_ = false;
};

}  // namespace eventwire::signalr::detail
