// Losing the connection in every way the emulator can arrange, and coming back.

#include "session_testing.hpp"

#include <eventwire/json/reader.hpp>
#include <eventwire/net/error.hpp>
#include <eventwire/signalr/error.hpp>

#include <algorithm>

namespace {

namespace asio = boost::asio;
namespace emulator = eventwire::emulator;
namespace signalr = eventwire::signalr;
namespace testing = eventwire::testing;
namespace json = eventwire::json;
using namespace std::chrono_literals;
using asio::awaitable;
using signalr::session_error;
using steady = std::chrono::steady_clock;

// A connection whose on_connected hook subscribes, as every source does.
struct subscribed_client {
  subscribed_client(emulator::signalr_hub& hub, asio::io_context& io, signalr::hub_options options)
      : connection(io.get_executor(), std::move(options)), events(io.get_executor()), arrivals(io.get_executor()) {
    hub.on_invocation("Subscribe", [](std::string_view, const emulator::signalr_connection_info&) {
      return emulator::signalr_completion::with_result("true");
    });
    events.attach(connection);
    connection.on_connected([this]() -> awaitable<std::error_code> {
      events.connected.add();
      auto [ec, result] = co_await connection.invoke("Subscribe", "\"all\"");
      co_return ec;
    });
    connection.on("ReceiveMessage", [this](const signalr::invocation& inv) {
      json::reader r(*inv.arguments.begin());
      std::int64_t v = -1;
      r.read_int64(v);
      received.push_back(v);
      ++received_count;
      arrivals.add();
    });
  }

  signalr::hub_connection connection;
  testing::lifecycle_log events;
  std::vector<std::int64_t> received;
  std::size_t received_count = 0;
  testing::counter arrivals;
};

void broadcast_range(emulator::signalr_hub& hub, int from, int to) {
  for (int i = from; i < to; ++i) hub.broadcast("ReceiveMessage", "[" + std::to_string(i) + "]");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(hub_connection_reconnect)

BOOST_AUTO_TEST_CASE(close_with_allow_reconnect_reconnects_and_subscribes_again) {
  testing::hub_fixture fixture;
  auto& hub = *fixture.hub;
  subscribed_client client(hub, fixture.io, testing::options_for(hub));
  auto& c = client.connection;
  testing::run(fixture.io, [&]() -> awaitable<void> {
    BOOST_TEST_REQUIRE(!co_await c.start());
    BOOST_TEST(hub.invocations_received("Subscribe") == 1u, "subscribed before start() returned");
    const std::string first_id = c.connection_id();
    hub.close_all("maintenance", true);
    BOOST_TEST_REQUIRE(co_await client.events.reconnected.wait_for(1));
    BOOST_TEST(hub.invocations_received("Subscribe") == 2u);
    BOOST_TEST(client.events.connected.count() == 2u);
    BOOST_TEST_REQUIRE(client.events.reconnecting_errors.size() == 1u);
    BOOST_TEST(client.events.reconnecting_errors[0] == session_error::server_closed_with_error);
    BOOST_TEST(client.events.reconnected_ids.at(0) == c.connection_id());
    BOOST_TEST(c.connection_id() != first_id);
    BOOST_TEST(c.state() == signalr::connection_state::connected);
    broadcast_range(hub, 0, 3);
    BOOST_TEST_REQUIRE(co_await client.arrivals.wait_for(3));
    co_await c.stop();
    BOOST_TEST(client.events.closed_errors.size() == 1u);
  }());
}

BOOST_AUTO_TEST_CASE(close_without_allow_reconnect_stops_with_the_server_text) {
  testing::hub_fixture fixture;
  auto& hub = *fixture.hub;
  subscribed_client client(hub, fixture.io, testing::options_for(hub));
  auto& c = client.connection;
  testing::run(fixture.io, [&]() -> awaitable<void> {
    BOOST_TEST_REQUIRE(!co_await c.start());
    hub.close_all("You are banned", false);
    const auto closed = co_await c.wait_closed();
    BOOST_TEST(closed == session_error::server_closed_with_error);
    BOOST_TEST(c.last_error_detail() == "Server returned an error on close: You are banned");
    BOOST_TEST_REQUIRE(client.events.closed_errors.size() == 1u);
    BOOST_TEST(client.events.closed_errors[0] == session_error::server_closed_with_error);
    BOOST_TEST(client.events.reconnecting.count() == 0u);
    BOOST_TEST(c.state() == signalr::connection_state::disconnected);
  }());
}

BOOST_AUTO_TEST_CASE(close_without_error_and_reconnect_ends_the_session) {
  testing::hub_fixture fixture;
  auto& hub = *fixture.hub;
  subscribed_client client(hub, fixture.io, testing::options_for(hub));
  auto& c = client.connection;
  testing::run(fixture.io, [&]() -> awaitable<void> {
    BOOST_TEST_REQUIRE(!co_await c.start());
    hub.close_all();
    BOOST_TEST(co_await c.wait_closed() == session_error::server_closed);
    BOOST_TEST(client.events.reconnecting.count() == 0u);
  }());
}

BOOST_AUTO_TEST_CASE(an_abrupt_drop_reconnects) {
  for (bool reset : {false, true}) {
    testing::hub_fixture fixture;
    auto& hub = *fixture.hub;
    subscribed_client client(hub, fixture.io, testing::options_for(hub));
    auto& c = client.connection;
    testing::run(fixture.io, [&]() -> awaitable<void> {
      BOOST_TEST_REQUIRE(!co_await c.start());
      hub.drop_all(reset);
      BOOST_TEST_REQUIRE(co_await client.events.reconnected.wait_for(1));
      BOOST_TEST(client.events.reconnecting.count() == 1u);
      BOOST_TEST(hub.invocations_received("Subscribe") == 2u);
      co_await c.stop();
    }());
  }
}

BOOST_AUTO_TEST_CASE(a_drop_after_n_messages_reconnects_and_nothing_after_it_is_lost) {
  testing::hub_fixture fixture;
  auto& hub = *fixture.hub;
  subscribed_client client(hub, fixture.io, testing::options_for(hub));
  auto& c = client.connection;
  testing::run(fixture.io, [&]() -> awaitable<void> {
    BOOST_TEST_REQUIRE(!co_await c.start());
    emulator::signalr_hub_faults f;
    f.drop_after_messages = 20;
    hub.set_faults(f);
    broadcast_range(hub, 0, 50);
    BOOST_TEST_REQUIRE(co_await client.events.reconnected.wait_for(1));
    broadcast_range(hub, 100, 110);
    for (std::size_t n = client.received_count + 1; client.received.empty() || client.received.back() != 109; ++n)
      BOOST_TEST_REQUIRE(co_await client.arrivals.wait_for(n));
    // The first connection delivered a prefix (the Subscribe completion counts as one of its
    // 20 messages); everything sent after the reconnect arrived.
    const auto split = std::find(client.received.begin(), client.received.end(), 100) - client.received.begin();
    BOOST_TEST(split >= 19);
    std::vector<std::int64_t> expected;
    for (int i = 0; i < split; ++i) expected.push_back(i);
    for (int i = 100; i < 110; ++i) expected.push_back(i);
    BOOST_TEST(client.received == expected, boost::test_tools::per_element());
    co_await c.stop();
  }());
}

BOOST_AUTO_TEST_CASE(the_server_timeout_reconnects) {
  testing::hub_fixture fixture;
  auto& hub = *fixture.hub;
  auto options = testing::options_for(hub);
  options.server_timeout = 300ms;
  options.keep_alive_interval = 100ms;
  subscribed_client client(hub, fixture.io, options);
  auto& c = client.connection;
  testing::run(fixture.io, [&]() -> awaitable<void> {
    BOOST_TEST_REQUIRE(!co_await c.start());
    emulator::signalr_hub_faults silent;
    silent.silent = true;
    hub.set_faults(silent);
    const auto silenced = steady::now();
    BOOST_TEST_REQUIRE(co_await client.events.reconnecting.wait_for(1));
    BOOST_TEST((steady::now() - silenced >= 250ms));
    BOOST_TEST(client.events.reconnecting_errors.at(0) == session_error::server_timeout);
    BOOST_TEST(client.events.reconnecting_errors.at(0).message() ==
               "Server timeout elapsed without receiving a message from the server.");
    hub.set_faults({});
    BOOST_TEST_REQUIRE(co_await client.events.reconnected.wait_for(1));
    co_await c.stop();
  }());
}

BOOST_AUTO_TEST_CASE(an_oversized_record_is_a_clear_error_and_reconnects) {
  testing::hub_fixture fixture;
  auto& hub = *fixture.hub;
  auto options = testing::options_for(hub);
  options.max_record_size = 2048;
  subscribed_client client(hub, fixture.io, options);
  auto& c = client.connection;
  testing::run(fixture.io, [&]() -> awaitable<void> {
    BOOST_TEST_REQUIRE(!co_await c.start());
    hub.broadcast_oversized("ReceiveMessage", 4096);
    BOOST_TEST_REQUIRE(co_await client.events.reconnected.wait_for(1));
    BOOST_TEST((client.events.reconnecting_errors.at(0) == signalr::error::record_too_large),
               client.events.reconnecting_errors.at(0).message());
    BOOST_TEST(client.received_count == 0u);
    co_await c.stop();
  }());
}

BOOST_AUTO_TEST_CASE(an_oversized_websocket_message_is_a_clear_error_and_reconnects) {
  testing::hub_fixture fixture;
  auto& hub = *fixture.hub;
  auto options = testing::options_for(hub);
  options.websocket.read_message_max = 4096;
  subscribed_client client(hub, fixture.io, options);
  auto& c = client.connection;
  testing::run(fixture.io, [&]() -> awaitable<void> {
    BOOST_TEST_REQUIRE(!co_await c.start());
    hub.broadcast_oversized("ReceiveMessage", 8192);
    BOOST_TEST_REQUIRE(co_await client.events.reconnected.wait_for(1));
    BOOST_TEST((client.events.reconnecting_errors.at(0) == eventwire::net::error::message_too_large),
               client.events.reconnecting_errors.at(0).message());
    co_await c.stop();
  }());
}

BOOST_AUTO_TEST_CASE(a_reconnect_asks_the_token_source_again) {
  emulator::signalr_hub_options ho;
  ho.token_check = [](std::string_view) -> std::optional<steady::time_point> { return steady::now() + 1h; };
  testing::hub_fixture fixture(ho);
  auto& hub = *fixture.hub;
  auto options = testing::options_for(hub);
  testing::token_sequence tokens{{"t1", "t2", "t3", "t4", "t5"}};
  options.access_token = tokens.source();
  subscribed_client client(hub, fixture.io, options);
  auto& c = client.connection;
  testing::run(fixture.io, [&]() -> awaitable<void> {
    BOOST_TEST_REQUIRE(!co_await c.start());
    BOOST_TEST(hub.connections().at(0).access_token == "t2");
    hub.drop_all();
    BOOST_TEST_REQUIRE(co_await client.events.reconnected.wait_for(1));
    BOOST_TEST(tokens.calls == 4u);
    BOOST_TEST(hub.connections().at(0).access_token == "t4");
    co_await c.stop();
  }());
}

BOOST_AUTO_TEST_CASE(an_expired_token_closes_and_a_new_one_reconnects) {
  const auto expires = steady::now() + 400ms;
  emulator::signalr_hub_options ho;
  ho.token_check = [expires](std::string_view token) -> std::optional<steady::time_point> {
    if (token == "short") return expires;
    if (token == "long") return steady::now() + 1h;
    return std::nullopt;
  };
  testing::hub_fixture fixture(ho);
  auto& hub = *fixture.hub;
  auto options = testing::options_for(hub);
  testing::token_sequence tokens{{"short", "short", "long"}};
  options.access_token = tokens.source();
  subscribed_client client(hub, fixture.io, options);
  auto& c = client.connection;
  testing::run(fixture.io, [&]() -> awaitable<void> {
    BOOST_TEST_REQUIRE(!co_await c.start());
    BOOST_TEST(hub.connections().at(0).access_token == "short");
    BOOST_TEST_REQUIRE(co_await client.events.reconnected.wait_for(1));
    BOOST_TEST(client.events.reconnecting_errors.at(0) == session_error::server_closed_with_error);
    BOOST_TEST(hub.connections().at(0).access_token == "long");
    BOOST_TEST(hub.invocations_received("Subscribe") == 2u);
    co_await c.stop();
  }());
}

BOOST_AUTO_TEST_CASE(the_policy_gives_up_and_on_closed_runs) {
  testing::hub_fixture fixture;
  auto& hub = *fixture.hub;
  auto options = testing::options_for(hub);
  options.reconnect = eventwire::session::reconnect_policy::delays({0ms, 20ms, 20ms}).jitter(0.0);
  subscribed_client client(hub, fixture.io, options);
  auto& c = client.connection;
  testing::run(fixture.io, [&]() -> awaitable<void> {
    BOOST_TEST_REQUIRE(!co_await c.start());
    hub.stop_now();  // every attempt now finds nobody listening
    const auto closed = co_await c.wait_closed();
    BOOST_TEST(closed == session_error::reconnect_gave_up);
    BOOST_TEST(c.last_error_detail().find("after 3 attempts") != std::string::npos, c.last_error_detail());
    BOOST_TEST(client.events.reconnecting.count() == 1u);
    BOOST_TEST(client.events.reconnected.count() == 0u);
    BOOST_TEST_REQUIRE(client.events.closed_errors.size() == 1u);
    BOOST_TEST(client.events.closed_errors[0] == session_error::reconnect_gave_up);
    BOOST_TEST(c.state() == signalr::connection_state::disconnected);
  }());
}

BOOST_AUTO_TEST_CASE(a_failing_on_connected_hook_counts_as_a_failed_attempt) {
  testing::hub_fixture fixture;
  auto& hub = *fixture.hub;
  auto options = testing::options_for(hub);
  options.reconnect = eventwire::session::reconnect_policy::delays({0ms, 10ms}).jitter(0.0);
  signalr::hub_connection c(fixture.io.get_executor(), options);
  testing::lifecycle_log events(fixture.io.get_executor());
  events.attach(c);
  int hooks = 0;
  c.on_connected([&]() -> awaitable<std::error_code> {
    ++hooks;
    co_return hooks == 1 ? std::error_code{} : std::make_error_code(std::errc::permission_denied);
  });
  testing::run(fixture.io, [&]() -> awaitable<void> {
    BOOST_TEST_REQUIRE(!co_await c.start());
    hub.drop_all();
    BOOST_TEST(co_await c.wait_closed() == session_error::reconnect_gave_up);
    BOOST_TEST(hooks == 3, "the first connect, then two attempts");
    BOOST_TEST(events.reconnecting.count() == 1u);
    BOOST_TEST(events.reconnected.count() == 0u);
  }());
}

BOOST_AUTO_TEST_SUITE_END()
