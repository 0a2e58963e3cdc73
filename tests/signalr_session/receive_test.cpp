// Receiving server invocations: every record layout the emulator can produce, handlers, keep-alive.

#include "session_testing.hpp"

#include <eventwire/json/reader.hpp>

namespace {

namespace asio = boost::asio;
namespace emulator = eventwire::emulator;
namespace signalr = eventwire::signalr;
namespace testing = eventwire::testing;
namespace json = eventwire::json;
using namespace std::chrono_literals;
using asio::awaitable;

// The integer in an invocation's first argument.
std::int64_t first_integer(const signalr::invocation& inv) {
  auto it = inv.arguments.begin();
  BOOST_TEST_REQUIRE((it != inv.arguments.end()));
  json::reader r(*it);
  std::int64_t v = -1;
  BOOST_TEST_REQUIRE(r.read_int64(v));
  return v;
}

// Broadcasts `n` invocations [0] .. [n-1] under `faults` and checks that all arrive in order.
void receive_in_order(const emulator::signalr_hub_faults& faults, int n) {
  testing::hub_fixture fixture;
  auto& io = fixture.io;
  auto& hub = *fixture.hub;
  signalr::hub_connection c(io.get_executor(), testing::options_for(hub));
  std::vector<std::int64_t> got;
  testing::counter received(io.get_executor());
  c.on("ReceiveMessage", [&](const signalr::invocation& inv) {
    got.push_back(first_integer(inv));
    received.add();
  });
  testing::run(io, [&]() -> awaitable<void> {
    const auto ec = co_await c.start();
    BOOST_TEST_REQUIRE(!ec, ec.message() << ": " << c.last_error_detail());
    BOOST_TEST_REQUIRE(co_await hub.wait_for_connections(1));
    hub.set_faults(faults);
    for (int i = 0; i < n; ++i) hub.broadcast("ReceiveMessage", "[" + std::to_string(i) + "]");
    BOOST_TEST_REQUIRE(co_await received.wait_for(static_cast<std::size_t>(n)));
    std::vector<std::int64_t> expected(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) expected[static_cast<std::size_t>(i)] = i;
    BOOST_TEST(got == expected, boost::test_tools::per_element());
    BOOST_TEST(c.statistics().connects == 1u);
    BOOST_TEST(c.statistics().invocations == static_cast<std::uint64_t>(n));
    co_await c.stop();
  }());
}

}  // namespace

BOOST_AUTO_TEST_SUITE(hub_connection_receive)

BOOST_AUTO_TEST_CASE(one_record_per_message) {
  receive_in_order({}, 500);
}

BOOST_AUTO_TEST_CASE(many_records_per_message) {
  emulator::signalr_hub_faults f;
  f.records_per_message = 7;
  receive_in_order(f, 500);
}

BOOST_AUTO_TEST_CASE(records_coalesced_as_aspnet_core_does) {
  emulator::signalr_hub_faults f;
  f.records_per_message = 0;
  receive_in_order(f, 2000);
}

BOOST_AUTO_TEST_CASE(records_split_across_messages) {
  emulator::signalr_hub_faults f;
  f.messages_per_record = 3;
  receive_in_order(f, 300);
}

BOOST_AUTO_TEST_CASE(records_cut_into_many_small_messages) {
  emulator::signalr_hub_faults f;
  f.messages_per_record = 11;
  receive_in_order(f, 50);
}

BOOST_AUTO_TEST_CASE(handlers_match_case_insensitively_and_run_in_order) {
  testing::hub_fixture fixture;
  auto& io = fixture.io;
  auto& hub = *fixture.hub;
  signalr::hub_connection c(io.get_executor(), testing::options_for(hub));
  std::vector<std::string> calls;
  testing::counter received(io.get_executor());
  testing::counter other(io.get_executor());
  c.on("receivemessage", [&](const signalr::invocation&) { calls.push_back("first"); });
  c.on("RECEIVEMESSAGE", [&](const signalr::invocation&) {
    calls.push_back("second");
    received.add();
  });
  c.on("Other", [&](const signalr::invocation&) {
    calls.push_back("other");
    other.add();
  });
  testing::run(io, [&]() -> awaitable<void> {
    BOOST_TEST_REQUIRE(!co_await c.start());
    hub.broadcast("ReceiveMessage", "[1]");
    BOOST_TEST_REQUIRE(co_await received.wait_for(1));
    BOOST_TEST((calls == std::vector<std::string>{"first", "second"}));
    c.off("receiveMESSAGE");
    hub.broadcast("ReceiveMessage", "[2]");
    hub.broadcast("Other", "[]");
    BOOST_TEST_REQUIRE(co_await other.wait_for(1));
    BOOST_TEST((calls == std::vector<std::string>{"first", "second", "other"}), "the removed handlers saw nothing");
    co_await c.stop();
  }());
}

BOOST_AUTO_TEST_CASE(arguments_arrive_as_raw_json_views) {
  testing::hub_fixture fixture;
  auto& io = fixture.io;
  auto& hub = *fixture.hub;
  signalr::hub_connection c(io.get_executor(), testing::options_for(hub));
  std::vector<std::string> arguments;
  testing::counter received(io.get_executor());
  c.on("ReceiveMessage", [&](const signalr::invocation& inv) {
    for (std::string_view a : inv.arguments) arguments.emplace_back(a);
    received.add();
  });
  testing::run(io, [&]() -> awaitable<void> {
    BOOST_TEST_REQUIRE(!co_await c.start());
    hub.broadcast("ReceiveMessage", R"(["{\"id\":7,\"text\":\"caf\u00e9\"}",{"a":[1,2]},null])");
    BOOST_TEST_REQUIRE(co_await received.wait_for(1));
    BOOST_TEST_REQUIRE(arguments.size() == 3u);
    BOOST_TEST(arguments[0] == R"("{\"id\":7,\"text\":\"caf\u00e9\"}")");
    BOOST_TEST(arguments[1] == R"({"a":[1,2]})");
    BOOST_TEST(arguments[2] == "null");
    co_await c.stop();
  }());
}

BOOST_AUTO_TEST_CASE(an_invocation_without_a_handler_is_skipped) {
  testing::hub_fixture fixture;
  auto& io = fixture.io;
  auto& hub = *fixture.hub;
  signalr::hub_connection c(io.get_executor(), testing::options_for(hub));
  testing::counter received(io.get_executor());
  c.on("Known", [&](const signalr::invocation&) { received.add(); });
  testing::run(io, [&]() -> awaitable<void> {
    BOOST_TEST_REQUIRE(!co_await c.start());
    hub.broadcast("Unknown", "[1]");
    hub.broadcast("Known", "[2]");
    BOOST_TEST_REQUIRE(co_await received.wait_for(1));
    BOOST_TEST(c.state() == signalr::connection_state::connected);
    co_await c.stop();
  }());
}

BOOST_AUTO_TEST_CASE(a_throwing_handler_is_logged_and_reading_goes_on) {
  testing::hub_fixture fixture;
  auto& io = fixture.io;
  auto& hub = *fixture.hub;
  auto options = testing::options_for(hub);
  std::vector<std::string> logged;
  options.log = [&](signalr::log_level level, std::string_view text) {
    if (level == signalr::log_level::error) logged.emplace_back(text);
  };
  signalr::hub_connection c(io.get_executor(), options);
  testing::counter received(io.get_executor());
  c.on("ReceiveMessage", [&](const signalr::invocation& inv) {
    received.add();
    if (first_integer(inv) == 1) throw std::runtime_error("bad payload");
  });
  testing::run(io, [&]() -> awaitable<void> {
    BOOST_TEST_REQUIRE(!co_await c.start());
    hub.broadcast("ReceiveMessage", "[1]");
    hub.broadcast("ReceiveMessage", "[2]");
    BOOST_TEST_REQUIRE(co_await received.wait_for(2));
    BOOST_TEST_REQUIRE(logged.size() == 1u);
    BOOST_TEST(logged[0].find("bad payload") != std::string::npos);
    co_await c.stop();
  }());
}

BOOST_AUTO_TEST_CASE(a_ping_follows_the_handshake_and_keeps_the_connection_alive) {
  testing::hub_fixture fixture;
  auto& io = fixture.io;
  auto& hub = *fixture.hub;
  auto options = testing::options_for(hub);
  options.keep_alive_interval = 50ms;
  signalr::hub_connection c(io.get_executor(), options);
  testing::run(io, [&]() -> awaitable<void> {
    BOOST_TEST_REQUIRE(!co_await c.start());
    // The hub signals no state change for a ping, so its count is looked at every 100 ms.
    const auto four_pings = [&] {
      const auto all = hub.connections();
      return !all.empty() && all[0].pings_received >= 4;
    };
    for (int i = 0; i < 50 && !four_pings(); ++i) co_await hub.wait_until(four_pings, 100ms);
    BOOST_TEST_REQUIRE(four_pings());
    BOOST_TEST(c.statistics().pings_sent >= 4u);
    co_await c.stop();
  }());
}

BOOST_AUTO_TEST_CASE(sending_postpones_the_keep_alive_ping) {
  testing::hub_fixture fixture;
  auto& io = fixture.io;
  auto& hub = *fixture.hub;
  auto options = testing::options_for(hub);
  options.keep_alive_interval = 10min;
  signalr::hub_connection c(io.get_executor(), options);
  testing::run(io, [&]() -> awaitable<void> {
    BOOST_TEST_REQUIRE(!co_await c.start());
    BOOST_TEST_REQUIRE(!c.send("Notify", "1"));
    BOOST_TEST_REQUIRE(co_await hub.wait_for_invocations("Notify", 1));
    BOOST_TEST(hub.connections().at(0).pings_received == 1u, "only the one after the handshake");
    co_await c.stop();
  }());
}

BOOST_AUTO_TEST_CASE(a_slow_coroutine_handler_pauses_reading_without_a_server_timeout) {
  testing::hub_fixture fixture;
  auto& io = fixture.io;
  auto& hub = *fixture.hub;
  auto options = testing::options_for(hub);
  options.server_timeout = 300ms;
  signalr::hub_connection c(io.get_executor(), options);
  testing::lifecycle_log events(io.get_executor());
  events.attach(c);
  std::vector<std::int64_t> got;
  testing::counter received(io.get_executor());
  c.on("ReceiveMessage", [&](const signalr::invocation& inv) -> awaitable<void> {
    const auto v = first_integer(inv);  // before the pause: the view is valid across it too
    co_await testing::sleep_for(100ms);  // the slow work; reading waits for it
    got.push_back(v);
    received.add();
  });
  testing::run(io, [&]() -> awaitable<void> {
    BOOST_TEST_REQUIRE(!co_await c.start());
    for (int i = 0; i < 8; ++i) hub.broadcast("ReceiveMessage", "[" + std::to_string(i) + "]");
    BOOST_TEST_REQUIRE(co_await received.wait_for(8));
    BOOST_TEST((got == std::vector<std::int64_t>{0, 1, 2, 3, 4, 5, 6, 7}));
    BOOST_TEST(events.reconnecting.count() == 0u, "800 ms of handler work against a 300 ms server timeout");
    BOOST_TEST(c.statistics().connects == 1u);
    co_await c.stop();
  }());
}

BOOST_AUTO_TEST_SUITE_END()
