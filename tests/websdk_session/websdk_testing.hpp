#pragma once

// Web SDK tests over real loopback sockets against the Web SDK emulator. Every wait is for an
// event (the emulator's wait_until, the stream's callbacks); time appears only as an upper bound.

#include <eventwire/emulator/websdk_emulator.hpp>
#include <eventwire/testing/run_coroutine.hpp>
#include <eventwire/websdk/client.hpp>
#include <eventwire/websdk/event_stream.hpp>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <cstddef>
#include <exception>
#include <optional>
#include <string>
#include <system_error>
#include <variant>
#include <vector>

namespace eventwire::testing::websdk {

namespace asio = boost::asio;
using namespace std::chrono_literals;
using steady = std::chrono::steady_clock;

using eventwire::testing::run;

// Counts occurrences of something and lets a coroutine await a count.
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

// The io_context and an emulator for one test; stops the emulator and drains on destruction.
struct emulator_fixture {
  explicit emulator_fixture(emulator::websdk_emulator_options options = quiet()) {
    emu.emplace(io.get_executor(), std::move(options));
  }
  ~emulator_fixture() {
    emu->stop();
    io.restart();
    io.run_for(2s);
  }
  emulator_fixture(const emulator_fixture&) = delete;
  emulator_fixture& operator=(const emulator_fixture&) = delete;

  static emulator::websdk_emulator_options quiet() {
    emulator::websdk_emulator_options o;
    o.heartbeat_interval = 200ms;
    return o;
  }

  asio::io_context io;
  std::optional<emulator::websdk_emulator> emu;
};

// Client or stream options with `emu`'s URL and credentials.
template <class Options>
Options options_for(const emulator::websdk_emulator& emu) {
  Options o;
  o.url = emu.base_url().to_string();
  o.username = "admin";
  o.application_id = "eventwire";
  o.password = "admin";
  return o;
}

inline eventwire::websdk::client_options client_options(const emulator::websdk_emulator& emu) {
  return options_for<eventwire::websdk::client_options>(emu);
}

// An emulator and a client signed in to it, for BOOST_FIXTURE_TEST_SUITE: each test has `io`,
// `emu` and the client `c`.
struct client_fixture {
  emulator_fixture base;
  asio::io_context& io = base.io;
  emulator::websdk_emulator& emu = *base.emu;
  eventwire::websdk::client c{io.get_executor(), client_options(emu)};
};

// Options for a stream against `emu` with its credentials, fast reconnects and a short watchdog.
inline eventwire::websdk::event_stream_options stream_options(const emulator::websdk_emulator& emu) {
  auto o = options_for<eventwire::websdk::event_stream_options>(emu);
  o.silence_timeout = 1s;
  o.reconnect = session::reconnect_policy::delays({0ms, 20ms, 50ms, 100ms, 200ms, 200ms, 200ms}).jitter(0);
  o.close_timeout = 2s;
  return o;
}

// What a stream handed out, and awaitable counts of it.
struct stream_log {
  explicit stream_log(asio::any_io_executor ex)
      : events(ex), alarms(ex), acknowledgements(ex), skipped(ex), connected(ex), reconnecting(ex), ended(ex) {}

  counter events, alarms, acknowledgements, skipped, connected, reconnecting, ended;
  std::vector<std::string> event_types, sources, details;  // details: each event's Event JSON
  std::vector<std::int64_t> alarm_instances;
  std::vector<std::error_code> skipped_codes, reconnecting_codes;
  std::vector<std::string> skipped_details;
  std::error_code result;

  void attach(eventwire::websdk::event_stream& s) {
    s.on_message([this](const eventwire::websdk::stream_message& m, std::string_view) {
      std::string scratch;
      if (const auto* e = std::get_if<eventwire::websdk::event_notification>(&m)) {
        event_types.emplace_back(e->event_type.decode(scratch));
        sources.emplace_back(e->source_guid.decode(scratch));
        details.emplace_back(e->details_json);
        events.add();
      } else if (const auto* a = std::get_if<eventwire::websdk::alarm_triggered>(&m)) {
        alarm_instances.push_back(a->instance_id);
        alarms.add();
      } else if (std::holds_alternative<eventwire::websdk::alarm_acknowledged>(m)) {
        acknowledgements.add();
      }
    });
    s.on_skipped([this](std::error_code ec, std::string_view detail) {
      skipped_codes.push_back(ec);
      skipped_details.emplace_back(detail);
      skipped.add();
    });
    s.on_connected([this](std::string_view) { connected.add(); });
    s.on_reconnecting([this](std::error_code ec) {
      reconnecting_codes.push_back(ec);
      reconnecting.add();
    });
  }

  // Runs the stream in the background; `ended` counts its end, `result` keeps what run() said.
  void start(asio::io_context& io, eventwire::websdk::event_stream& s) {
    asio::co_spawn(io, s.run(), [this](std::exception_ptr e, std::error_code ec) {
      if (e) std::rethrow_exception(e);
      result = ec;
      ended.add();
    });
  }
};

}  // namespace eventwire::testing::websdk
