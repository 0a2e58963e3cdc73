#include "signalr_hub_testing.hpp"

using namespace signalr_hub_testing;

BOOST_AUTO_TEST_SUITE(signalr_hub_handshake_and_keep_alive)

// --- handshake ----------------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(a_handshake_split_across_messages_is_answered_with_an_empty_object) {
  with_hub({}, [](asio::io_context& io, emulator::signalr_hub& hub) -> awaitable<void> {
    raw_client client(io.get_executor());
    BOOST_TEST_REQUIRE(!co_await client.connect(hub.base_url()));
    BOOST_TEST(!co_await client.send(handshake_request.substr(0, 5)));
    BOOST_TEST(!co_await client.send(handshake_request.substr(5, 10)));
    // The rest of the handshake and a first hub message in one WebSocket message.
    std::string tail(handshake_request.substr(15));
    tail += "{\"type\":6}\x1e";
    BOOST_TEST(!co_await client.send(tail));
    auto [ec, message] = co_await client.read_message();
    BOOST_TEST_REQUIRE(!ec, ec.message());
    BOOST_TEST(message == "{}\x1e");
    BOOST_TEST(co_await hub.wait_until([&] { return hub.connections().at(0).pings_received == 1; }));
    BOOST_TEST(hub.connection_count() == 1u);
  });
}

BOOST_AUTO_TEST_CASE(an_unsupported_handshake_gets_an_error_and_a_close) {
  for (const std::string_view request : {std::string_view("{\"protocol\":\"messagepack\",\"version\":1}\x1e"),
                                         std::string_view("{\"protocol\":\"json\",\"version\":7}\x1e"),
                                         std::string_view("{\"protocol\":\"json\"}\x1e")}) {
    with_hub({}, [&](asio::io_context& io, emulator::signalr_hub& hub) -> awaitable<void> {
      raw_client client(io.get_executor());
      BOOST_TEST_REQUIRE(!co_await client.connect(hub.base_url()));
      BOOST_TEST(!co_await client.send(request));
      auto [ec, message] = co_await client.read_message();
      BOOST_TEST_REQUIRE(!ec, ec.message());
      signalr::handshake_decoder decoder;
      BOOST_TEST(decoder.feed(message).state == eventwire::codec::status::error);
      BOOST_TEST(decoder.error() == std::error_code(signalr::error::handshake_rejected));
      BOOST_TEST(!decoder.server_error().empty());
      auto [end, rest] = co_await client.read_message();
      BOOST_TEST(end == std::error_code(net::error::websocket_closed), end.message());
      BOOST_TEST(hub.connection_count() == 0u);
    });
  }
}

BOOST_AUTO_TEST_CASE(no_handshake_in_time_closes_the_connection) {
  with_hub({.handshake_timeout = 200ms}, [](asio::io_context& io, emulator::signalr_hub& hub) -> awaitable<void> {
    raw_client client(io.get_executor());
    const auto start = clock_type::now();
    BOOST_TEST_REQUIRE(!co_await client.connect(hub.base_url()));
    auto [ec, message] = co_await client.read_message();
    const auto waited = clock_type::now() - start;
    BOOST_TEST(ec == std::error_code(net::error::websocket_closed), ec.message());
    BOOST_TEST((waited >= 190ms), milliseconds(waited));
    BOOST_TEST((waited < 3s), milliseconds(waited));
  });
}

BOOST_AUTO_TEST_CASE(the_handshake_delay_fault_holds_the_answer) {
  with_hub({}, [](asio::io_context& io, emulator::signalr_hub& hub) -> awaitable<void> {
    hub.set_faults({.handshake_delay = 250ms});
    raw_client client(io.get_executor());
    BOOST_TEST_REQUIRE(!co_await client.connect(hub.base_url()));
    const auto start = clock_type::now();
    BOOST_TEST(!co_await client.send(handshake_request));
    auto [ec, record] = co_await client.read_record();
    BOOST_TEST_REQUIRE(!ec, ec.message());
    BOOST_TEST(record == "{}");
    BOOST_TEST((clock_type::now() - start >= 250ms));
  });
}

// --- keep-alive and timeouts -----------------------------------------------------------------

BOOST_AUTO_TEST_CASE(pings_arrive_at_the_keep_alive_interval_when_idle) {
  with_hub({.keep_alive_interval = 100ms}, [](asio::io_context& io, emulator::signalr_hub& hub) -> awaitable<void> {
    raw_client client(io.get_executor());
    co_await client.join(hub.base_url());
    auto previous = clock_type::now();
    for (int i = 0; i < 4; ++i) {
      auto [ec, record] = co_await client.read_record();
      BOOST_TEST_REQUIRE(!ec, ec.message());
      BOOST_TEST(record == R"({"type":6})");
      const auto now = clock_type::now();
      BOOST_TEST((now - previous >= 90ms), milliseconds(now - previous));
      BOOST_TEST((now - previous < 1s), milliseconds(now - previous));
      previous = now;
      BOOST_TEST(!co_await client.send("{\"type\":6}\x1e"));  // keeps the client alive
    }
  });
}

BOOST_AUTO_TEST_CASE(a_silent_client_is_closed_after_the_client_timeout) {
  emulator::signalr_hub_options options;
  options.client_timeout = 300ms;
  with_hub(options, [](asio::io_context& io, emulator::signalr_hub& hub) -> awaitable<void> {
    raw_client client(io.get_executor());
    co_await client.join(hub.base_url());
    const auto joined = clock_type::now();
    auto [ec, record] = co_await client.read_hub_message();
    BOOST_TEST_REQUIRE(!ec, ec.message());
    const auto waited = clock_type::now() - joined;
    BOOST_TEST((waited >= 250ms), milliseconds(waited));
    BOOST_TEST((waited < 3s), milliseconds(waited));
    const auto close = std::get<signalr::close>(decode(record));
    BOOST_TEST(close.error.has_value());
    auto [end, rest] = co_await client.read_record();
    BOOST_TEST(end == std::error_code(net::error::websocket_closed), end.message());
  });
}

BOOST_AUTO_TEST_CASE(a_client_that_keeps_pinging_stays) {
  emulator::signalr_hub_options options;
  options.client_timeout = 300ms;
  options.keep_alive_interval = 100ms;
  with_hub(options, [](asio::io_context& io, emulator::signalr_hub& hub) -> awaitable<void> {
    raw_client client(io.get_executor());
    co_await client.join(hub.base_url());
    const auto joined = clock_type::now();
    while (clock_type::now() - joined < 800ms) {
      auto [ec, record] = co_await client.read_record();  // the hub's pings pace the loop
      BOOST_TEST_REQUIRE(!ec, ec.message());
      BOOST_TEST_REQUIRE(record == R"({"type":6})");
      BOOST_TEST_REQUIRE(!co_await client.send("{\"type\":6}\x1e"));
    }
    BOOST_TEST(hub.connection_count() == 1u);
  });
}

BOOST_AUTO_TEST_SUITE_END()
