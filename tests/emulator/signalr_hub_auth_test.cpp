#include "signalr_hub_testing.hpp"

using namespace signalr_hub_testing;

BOOST_AUTO_TEST_SUITE(signalr_hub_authentication)

// --- authentication ---------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(a_missing_or_wrong_token_is_401_on_negotiate_and_upgrade) {
  with_hub({.access_token = "s3cret"}, [](asio::io_context& io, emulator::signalr_hub& hub) -> awaitable<void> {
    net::http_client http_client(io.get_executor());
    for (const http::fields& headers : {http::fields{}, bearer("wrong")}) {
      auto [ec, res] = co_await negotiate(http_client, hub, "1", headers);
      BOOST_TEST_REQUIRE(!ec, ec.message());
      BOOST_TEST(res.result_int() == 401u);
      BOOST_TEST(res[http::field::www_authenticate] == "Bearer");
      raw_client client(io.get_executor());
      BOOST_TEST(co_await client.connect(hub.base_url(), headers) == std::error_code(net::error::upgrade_refused));
      BOOST_TEST(client.ws().upgrade_status() == 401u);
    }
    raw_client by_query(io.get_executor());
    BOOST_TEST(co_await by_query.connect(net::with_query_parameter(hub.base_url(), "access_token", "nope")) ==
               std::error_code(net::error::upgrade_refused));
    BOOST_TEST(hub.refusals(401) == 5u);
    BOOST_TEST(hub.negotiate_requests().size() == 2u);
    BOOST_TEST(hub.negotiate_requests()[1].access_token == "wrong");
  });
}

BOOST_AUTO_TEST_CASE(the_token_is_taken_from_bearer_or_the_query) {
  with_hub({.access_token = "a b+c/d"}, [](asio::io_context& io, emulator::signalr_hub& hub) -> awaitable<void> {
    net::http_client http_client(io.get_executor());
    const std::string token = co_await negotiated_token(http_client, hub, bearer("a b+c/d"));
    raw_client by_header(io.get_executor());
    co_await by_header.join(with_id(hub.base_url(), token), bearer("a b+c/d"));
    raw_client by_query(io.get_executor());
    co_await by_query.join(net::with_query_parameter(hub.base_url(), "access_token", "a b+c/d"));
    BOOST_TEST_REQUIRE(hub.connections().size() == 2u);
    BOOST_TEST(hub.connections()[0].access_token == "a b+c/d");
    BOOST_TEST(hub.connections()[1].access_token == "a b+c/d");
  });
}

BOOST_AUTO_TEST_CASE(a_token_check_decides_validity_and_an_expired_token_is_401) {
  const auto now = clock_type::now();
  emulator::signalr_hub_options options;
  options.token_check = [now](std::string_view token) -> std::optional<clock_type::time_point> {
    if (token == "fresh") return now + 1h;
    if (token == "stale") return now - 1s;
    return std::nullopt;
  };
  with_hub(options, [](asio::io_context& io, emulator::signalr_hub& hub) -> awaitable<void> {
    for (const auto* token : {"stale", "unknown"}) {
      raw_client client(io.get_executor());
      BOOST_TEST(co_await client.connect(hub.base_url(), bearer(token)) ==
                 std::error_code(net::error::upgrade_refused));
      BOOST_TEST(client.ws().upgrade_status() == 401u);
    }
    raw_client client(io.get_executor());
    co_await client.join(hub.base_url(), bearer("fresh"));
  });
}

BOOST_AUTO_TEST_CASE(an_expiring_token_closes_its_connection_with_a_close_message) {
  emulator::signalr_hub_options options;
  const auto start = clock_type::now();
  options.token_check = [start](std::string_view token) -> std::optional<clock_type::time_point> {
    if (token == "short") return start + 300ms;
    return start + 1h;
  };
  with_hub(options, [start](asio::io_context& io, emulator::signalr_hub& hub) -> awaitable<void> {
    raw_client short_lived(io.get_executor());
    raw_client long_lived(io.get_executor());
    co_await short_lived.join(hub.base_url(), bearer("short"));
    co_await long_lived.join(hub.base_url(), bearer("long"));
    auto [ec, record] = co_await short_lived.read_hub_message();
    BOOST_TEST_REQUIRE(!ec, ec.message());
    BOOST_TEST((clock_type::now() - start >= 300ms));
    const auto close = std::get<signalr::close>(decode(record));
    BOOST_TEST_REQUIRE(close.error.has_value());
    BOOST_TEST(text(*close.error).find("expired") != std::string::npos);
    BOOST_TEST((close.allow_reconnect == std::optional<bool>(true)));
    auto [end, rest] = co_await short_lived.read_record();
    BOOST_TEST(end == std::error_code(net::error::websocket_closed), end.message());
    BOOST_TEST(short_lived.ws().peer_close_reason().code == 1000u);
    BOOST_TEST(co_await hub.wait_until([&] { return hub.connection_count() == 1; }));
  });
}

BOOST_AUTO_TEST_CASE(records_the_headers_and_query_of_each_connection) {
  with_hub({}, [](asio::io_context& io, emulator::signalr_hub& hub) -> awaitable<void> {
    http::fields headers;
    headers.set("ClientId", "mc-client-7");
    raw_client client(io.get_executor());
    co_await client.join(net::with_query_parameter(hub.base_url(), "tenant", "north"), headers);
    const auto info = hub.connections().at(0);
    BOOST_TEST(info.headers["ClientId"] == "mc-client-7");
    BOOST_TEST(info.query == "tenant=north");
    BOOST_TEST(info.handshaken);
    BOOST_TEST(info.protocol == "json");
    BOOST_TEST(info.protocol_version == 1);
  });
}

BOOST_AUTO_TEST_SUITE_END()
