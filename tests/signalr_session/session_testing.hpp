#pragma once

// hub_connection tests over real loopback sockets against the SignalR hub emulator. Every wait
// is for an event (the emulator's wait_for_*, the connection's callbacks); time appears only as
// an upper bound.

#include <eventwire/emulator/signalr_hub.hpp>
#include <eventwire/signalr/hub_connection.hpp>
#include <eventwire/testing/run_coroutine.hpp>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/bind_cancellation_slot.hpp>
#include <boost/asio/cancellation_signal.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <cstddef>
#include <exception>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <system_error>
#include <vector>

namespace eventwire::testing {

namespace asio = boost::asio;
using namespace std::chrono_literals;
using steady = std::chrono::steady_clock;

// Runs `io` until every coroutine left has ended (after servers were stopped).
inline void drain(asio::io_context& io) {
  io.restart();
  io.run_for(5s);
}

// The io_context and a hub for one test. On destruction it stops the hub and runs the
// io_context until every coroutine has ended, so nothing is torn down with work still pending.
struct hub_fixture {
  explicit hub_fixture(emulator::signalr_hub_options options = {}) { hub.emplace(io.get_executor(), std::move(options)); }
  ~hub_fixture() {
    hub->stop_now();
    io.restart();
    io.run_for(5s);
  }
  hub_fixture(const hub_fixture&) = delete;
  hub_fixture& operator=(const hub_fixture&) = delete;

  asio::io_context io;
  std::optional<emulator::signalr_hub> hub;
};

// Counts occurrences of something (a callback, a message) and lets a coroutine await a count.
class counter {
 public:
  explicit counter(asio::any_io_executor ex) : timer_(std::move(ex), steady::time_point::max()) {}

  void add() {
    ++count_;
    timer_.cancel();
  }
  std::size_t count() const noexcept { return count_; }

  // True once the count reaches n; false after `limit`.
  asio::awaitable<bool> wait_for(std::size_t n, steady::duration limit = 10s) {
    const auto deadline = steady::now() + limit;
    asio::steady_timer guard(timer_.get_executor(), deadline);
    guard.async_wait([this](boost::system::error_code ec) {
      if (!ec) timer_.cancel();
    });
    while (count_ < n && steady::now() < deadline)
      co_await timer_.async_wait(asio::as_tuple(asio::use_awaitable));
    guard.cancel();
    co_return count_ >= n;
  }

 private:
  asio::steady_timer timer_;
  std::size_t count_ = 0;
};

// What a connection's lifecycle callbacks saw.
struct lifecycle_log {
  explicit lifecycle_log(asio::any_io_executor ex) : reconnecting(ex), reconnected(ex), closed(ex), connected(ex) {}

  counter reconnecting;
  counter reconnected;
  counter closed;
  counter connected;  // on_connected hook runs
  std::vector<std::error_code> reconnecting_errors;
  std::vector<std::string> reconnected_ids;
  std::vector<std::error_code> closed_errors;

  void attach(signalr::hub_connection& c) {
    c.on_reconnecting([this](std::error_code ec) {
      reconnecting_errors.push_back(ec);
      reconnecting.add();
    });
    c.on_reconnected([this](std::string_view id) {
      reconnected_ids.emplace_back(id);
      reconnected.add();
    });
    c.on_closed([this](std::error_code ec) {
      closed_errors.push_back(ec);
      closed.add();
    });
  }
};

// Client options for `hub` with short timers suited to tests.
inline signalr::hub_options options_for(const emulator::signalr_hub& hub) {
  signalr::hub_options o;
  o.url = hub.url();
  o.reconnect = session::reconnect_policy::delays({0ms, 10ms, 50ms, 100ms}).jitter(0.0);
  o.close_timeout = 2s;
  return o;
}

// A token source handing out the given tokens in order (the last one forever), counting calls.
struct token_sequence {
  std::vector<std::string> tokens;
  std::size_t calls = 0;

  signalr::access_token_source source() {
    return [this]() -> asio::awaitable<std::tuple<std::error_code, std::string>> {
      const std::size_t i = calls < tokens.size() ? calls : tokens.size() - 1;
      ++calls;
      co_return std::tuple{std::error_code{}, tokens[i]};
    };
  }
};

inline asio::awaitable<void> sleep_for(steady::duration d) {
  asio::steady_timer t(co_await asio::this_coro::executor, d);
  co_await t.async_wait(asio::as_tuple(asio::use_awaitable));
}

}  // namespace eventwire::testing
