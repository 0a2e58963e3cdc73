#include "watch.hpp"

#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

namespace eventwire::faults {

namespace asio = boost::asio;
using steady = std::chrono::steady_clock;

asio::awaitable<bool> watch_until(child_program& program, const std::function<void()>& look,
                                  const std::function<bool()>& done, steady::duration limit) {
  asio::steady_timer timer(co_await asio::this_coro::executor);
  const auto deadline = steady::now() + limit;
  for (;;) {
    look();
    if (done()) co_return true;
    if (steady::now() >= deadline || program.poll()) co_return false;
    timer.expires_after(std::chrono::milliseconds(20));
    co_await timer.async_wait(asio::use_awaitable);
  }
}

}  // namespace eventwire::faults
