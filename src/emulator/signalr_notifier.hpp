#pragma once

#include <boost/asio/awaitable.hpp>
#include <boost/asio/steady_timer.hpp>

#include <chrono>
#include <functional>
#include <vector>

namespace eventwire::emulator::detail {

// Lets coroutines wait for a condition over state that other code changes: each waiter sleeps
// on its own timer set to its deadline, and notify() (called after every change that matters)
// cancels those timers so the waiters check their conditions again. Without waiters notify()
// costs next to nothing, so hot paths may call it freely.
class signalr_notifier {
 public:
  using clock = std::chrono::steady_clock;

  void notify() noexcept;
  // Ends every wait, now and later, with the condition's value at that moment.
  void stop() noexcept;

  // true once `condition` holds; false at `deadline`, or when the waiting coroutine is cancelled
  // or the notifier stopped and the condition still does not hold. `condition` must outlive the
  // wait: pass a named variable (g++ 12 destroys some temporaries of a co_await expression
  // twice, a std::function among them).
  boost::asio::awaitable<bool> wait_until(const std::function<bool()>& condition, clock::time_point deadline);

 private:
  std::vector<boost::asio::steady_timer*> waiting_;
  bool stopped_ = false;
};

}  // namespace eventwire::emulator::detail
