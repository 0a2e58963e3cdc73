// Stopping in every state never hangs; destroying a running connection is safe.

#include "session_testing.hpp"

namespace {

namespace asio = boost::asio;
namespace emulator = eventwire::emulator;
namespace signalr = eventwire::signalr;
namespace testing = eventwire::testing;
using namespace std::chrono_literals;
using asio::awaitable;
using signalr::session_error;
using steady = std::chrono::steady_clock;

}  // namespace

BOOST_AUTO_TEST_SUITE(hub_connection_stop)

BOOST_AUTO_TEST_CASE(stop_while_connected_sends_close_and_fails_pending_invokes) {
  testing::hub_fixture fixture;
  auto& hub = *fixture.hub;
  hub.on_invocation("Echo", [](std::string_view a, const emulator::signalr_connection_info&) {
    return emulator::signalr_completion::with_result(std::string(a));
  });
  signalr::hub_connection c(fixture.io.get_executor(), testing::options_for(hub));
  testing::lifecycle_log events(fixture.io.get_executor());
  events.attach(c);
  testing::run(fixture.io, [&]() -> awaitable<void> {
    BOOST_TEST_REQUIRE(!co_await c.start());
    emulator::signalr_hub_faults silent;
    silent.silent = true;
    hub.set_faults(silent);
    std::optional<std::error_code> outcome;
    testing::counter done(fixture.io.get_executor());
    asio::co_spawn(fixture.io, [&]() -> awaitable<void> {
      auto [ec, r] = co_await c.invoke("Echo", "1");
      outcome = ec;
      done.add();
    }, asio::detached);
    BOOST_TEST_REQUIRE(co_await hub.wait_for_invocations("Echo", 1));
    const auto started = steady::now();
    co_await c.stop();
    BOOST_TEST((steady::now() - started < 3s));
    BOOST_TEST_REQUIRE(co_await done.wait_for(1));
    BOOST_TEST(*outcome == session_error::stopped);
    BOOST_TEST(outcome->message() == "connection stopped");
    BOOST_TEST(c.state() == signalr::connection_state::disconnected);
    BOOST_TEST_REQUIRE(events.closed_errors.size() == 1u);
    BOOST_TEST(!events.closed_errors[0], "a stop closes without error");
    BOOST_TEST(!co_await c.wait_closed());
    BOOST_TEST(events.reconnecting.count() == 0u);
    hub.set_faults({});
    BOOST_TEST_REQUIRE(co_await hub.wait_until([&] {
      const auto history = hub.connection_history();
      return !history.empty() && history.back().close_received && hub.connections().empty();
    }));
  }());
}

BOOST_AUTO_TEST_CASE(stop_without_start_returns_at_once) {
  testing::hub_fixture fixture;
  signalr::hub_connection c(fixture.io.get_executor(), testing::options_for(*fixture.hub));
  testing::run(fixture.io, [&]() -> awaitable<void> {
    co_await c.stop();
    co_await c.stop();
    BOOST_TEST(c.state() == signalr::connection_state::disconnected);
  }());
}

BOOST_AUTO_TEST_CASE(stop_while_connecting_ends_the_start) {
  testing::hub_fixture fixture;
  auto& hub = *fixture.hub;
  emulator::signalr_hub_faults slow;
  slow.handshake_delay = 30s;
  hub.set_faults(slow);
  signalr::hub_connection c(fixture.io.get_executor(), testing::options_for(hub));
  testing::run(fixture.io, [&]() -> awaitable<void> {
    std::optional<std::error_code> started;
    testing::counter done(fixture.io.get_executor());
    asio::co_spawn(fixture.io, [&]() -> awaitable<void> {
      started = co_await c.start();
      done.add();
    }, asio::detached);
    BOOST_TEST_REQUIRE(co_await hub.wait_until([&] { return hub.connections_accepted() == 1; }));
    BOOST_TEST(c.state() == signalr::connection_state::connecting);
    const auto t0 = steady::now();
    co_await c.stop();
    BOOST_TEST((steady::now() - t0 < 2s));
    BOOST_TEST_REQUIRE(co_await done.wait_for(1));
    BOOST_TEST(*started == session_error::stopped);
    BOOST_TEST(c.state() == signalr::connection_state::disconnected);
  }());
}

BOOST_AUTO_TEST_CASE(stop_during_the_reconnect_delay) {
  testing::hub_fixture fixture;
  auto& hub = *fixture.hub;
  auto options = testing::options_for(hub);
  options.reconnect = eventwire::session::reconnect_policy::delays({1h}).jitter(0.0);
  signalr::hub_connection c(fixture.io.get_executor(), options);
  testing::lifecycle_log events(fixture.io.get_executor());
  events.attach(c);
  testing::run(fixture.io, [&]() -> awaitable<void> {
    BOOST_TEST_REQUIRE(!co_await c.start());
    hub.drop_all();
    BOOST_TEST_REQUIRE(co_await events.reconnecting.wait_for(1));
    BOOST_TEST(c.state() == signalr::connection_state::reconnecting);
    const auto t0 = steady::now();
    co_await c.stop();
    BOOST_TEST((steady::now() - t0 < 1s));
    BOOST_TEST(c.state() == signalr::connection_state::disconnected);
    BOOST_TEST_REQUIRE(events.closed_errors.size() == 1u);
    BOOST_TEST(!events.closed_errors[0]);
  }());
}

BOOST_AUTO_TEST_CASE(stop_during_a_reconnect_attempt) {
  testing::hub_fixture fixture;
  auto& hub = *fixture.hub;
  signalr::hub_connection c(fixture.io.get_executor(), testing::options_for(hub));
  testing::lifecycle_log events(fixture.io.get_executor());
  events.attach(c);
  testing::run(fixture.io, [&]() -> awaitable<void> {
    BOOST_TEST_REQUIRE(!co_await c.start());
    emulator::signalr_hub_faults slow;
    slow.handshake_delay = 30s;
    hub.set_faults(slow);
    hub.drop_all();
    BOOST_TEST_REQUIRE(co_await hub.wait_until([&] { return hub.connections_accepted() == 2; }));
    const auto t0 = steady::now();
    co_await c.stop();
    BOOST_TEST((steady::now() - t0 < 1s));
    BOOST_TEST(events.reconnected.count() == 0u);
    BOOST_TEST(c.state() == signalr::connection_state::disconnected);
  }());
}

BOOST_AUTO_TEST_CASE(stop_while_a_coroutine_handler_waits) {
  testing::hub_fixture fixture;
  auto& hub = *fixture.hub;
  signalr::hub_connection c(fixture.io.get_executor(), testing::options_for(hub));
  testing::counter entered(fixture.io.get_executor());
  c.on("ReceiveMessage", [&](const signalr::invocation&) -> awaitable<void> {
    entered.add();
    co_await testing::sleep_for(1h);  // cancelled by stop()
  });
  testing::run(fixture.io, [&]() -> awaitable<void> {
    BOOST_TEST_REQUIRE(!co_await c.start());
    hub.broadcast("ReceiveMessage", "[1]");
    BOOST_TEST_REQUIRE(co_await entered.wait_for(1));
    const auto t0 = steady::now();
    co_await c.stop();
    BOOST_TEST((steady::now() - t0 < 3s));
    BOOST_TEST(c.state() == signalr::connection_state::disconnected);
  }());
}

BOOST_AUTO_TEST_CASE(stop_when_the_server_does_not_answer_the_close_is_bounded) {
  testing::hub_fixture fixture;
  auto& hub = *fixture.hub;
  auto options = testing::options_for(hub);
  options.close_timeout = 300ms;
  signalr::hub_connection c(fixture.io.get_executor(), options);
  testing::run(fixture.io, [&]() -> awaitable<void> {
    BOOST_TEST_REQUIRE(!co_await c.start());
    emulator::signalr_hub_faults silent;
    silent.silent = true;
    hub.set_faults(silent);
    const auto t0 = steady::now();
    co_await c.stop();
    BOOST_TEST((steady::now() - t0 < 2s));
  }());
}

BOOST_AUTO_TEST_CASE(a_connection_can_start_again_after_stop) {
  testing::hub_fixture fixture;
  auto& hub = *fixture.hub;
  signalr::hub_connection c(fixture.io.get_executor(), testing::options_for(hub));
  testing::counter received(fixture.io.get_executor());
  c.on("ReceiveMessage", [&](const signalr::invocation&) { received.add(); });
  testing::run(fixture.io, [&]() -> awaitable<void> {
    BOOST_TEST_REQUIRE(!co_await c.start());
    co_await c.stop();
    BOOST_TEST_REQUIRE(co_await hub.wait_until([&] { return hub.connections().empty(); }));
    BOOST_TEST_REQUIRE(!co_await c.start());
    hub.broadcast("ReceiveMessage", "[1]");
    BOOST_TEST_REQUIRE(co_await received.wait_for(1));
    co_await c.stop();
  }());
}

BOOST_AUTO_TEST_CASE(a_coroutine_handler_may_stop_the_connection) {
  testing::hub_fixture fixture;
  auto& hub = *fixture.hub;
  auto options = testing::options_for(hub);
  std::vector<std::string> errors;
  options.log = [&](signalr::log_level level, std::string_view text) {
    if (level == signalr::log_level::error) errors.emplace_back(text);
  };
  signalr::hub_connection c(fixture.io.get_executor(), options);
  c.on("Goodbye", [&](const signalr::invocation&) -> awaitable<void> { co_await c.stop(); });
  testing::run(fixture.io, [&]() -> awaitable<void> {
    BOOST_TEST_REQUIRE(!co_await c.start());
    hub.broadcast("Goodbye", "[]");
    BOOST_TEST(!co_await c.wait_closed());
    BOOST_TEST(c.state() == signalr::connection_state::disconnected);
    BOOST_TEST(errors.empty(), (errors.empty() ? std::string() : errors.front()));
  }());
}

BOOST_AUTO_TEST_CASE(destroying_a_running_connection_is_safe) {
  testing::hub_fixture fixture;
  auto& hub = *fixture.hub;
  bool called_after = false;
  testing::run(fixture.io, [&]() -> awaitable<void> {
    auto c = std::make_unique<signalr::hub_connection>(fixture.io.get_executor(), testing::options_for(hub));
    c->on("ReceiveMessage", [&](const signalr::invocation&) { called_after = true; });
    c->on_closed([&](std::error_code) { called_after = true; });
    BOOST_TEST_REQUIRE(!co_await c->start());
    c.reset();
    hub.broadcast("ReceiveMessage", "[1]");
    BOOST_TEST_REQUIRE(co_await hub.wait_until([&] { return hub.connections().empty(); }));
  }());
  BOOST_TEST(!called_after);
}

BOOST_AUTO_TEST_SUITE_END()
