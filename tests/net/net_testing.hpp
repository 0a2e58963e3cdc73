#pragma once

#include <eventwire/testing/run_coroutine.hpp>

// Running coroutines over real loopback sockets in Boost.Test cases.

#include <eventwire/emulator/server.hpp>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <exception>
#include <functional>
#include <initializer_list>
#include <optional>

namespace eventwire::testing {

using namespace std::chrono_literals;
using clock = std::chrono::steady_clock;

// Stops the servers and checks that every coroutine ends: the io_context runs out of work.
inline void stop_and_drain(boost::asio::io_context& io,
                           std::initializer_list<emulator::server*> servers) {
  for (auto* s : servers) s->stop();
  io.restart();
  io.run_for(5s);
  BOOST_TEST(io.stopped(), "coroutines still running 5 s after stop()");
}

// Yields to the io_context until `condition` holds (no sleeping); false after `limit`.
inline boost::asio::awaitable<bool> eventually(std::function<bool()> condition,
                                               clock::duration limit = 5s) {
  const auto deadline = clock::now() + limit;
  auto ex = co_await boost::asio::this_coro::executor;
  while (!condition()) {
    if (clock::now() >= deadline) co_return false;
    co_await boost::asio::post(ex, boost::asio::use_awaitable);
  }
  co_return true;
}

inline emulator::server_options tls_server() {
  emulator::server_options options;
  options.tls = true;
  return options;
}

// A gate a coroutine waits at until another opens it: a timer that never expires by itself.
class gate {
 public:
  explicit gate(boost::asio::any_io_executor ex) : timer_(ex, clock::time_point::max()) {}
  boost::asio::awaitable<void> wait() {
    if (open_) co_return;
    co_await timer_.async_wait(boost::asio::as_tuple(boost::asio::use_awaitable));
  }
  void open() {
    open_ = true;
    timer_.cancel();
  }

 private:
  boost::asio::steady_timer timer_;
  bool open_ = false;
};

}  // namespace eventwire::testing
