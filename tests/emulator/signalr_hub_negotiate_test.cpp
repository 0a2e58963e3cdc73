#include "signalr_hub_testing.hpp"

using namespace signalr_hub_testing;

BOOST_AUTO_TEST_SUITE(signalr_hub_negotiate)

// --- negotiate and connect --------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(listens_on_a_free_port_and_names_its_url) {
  asio::io_context io;
  emulator::signalr_hub plain(io.get_executor());
  emulator::signalr_hub secure(io.get_executor(), {.path = "/signalr/v1/mainHub", .tls = true});
  BOOST_TEST(plain.url() == "http://127.0.0.1:" + std::to_string(plain.port()) + "/hub");
  BOOST_TEST(secure.url() == "https://127.0.0.1:" + std::to_string(secure.port()) + "/signalr/v1/mainHub");
  BOOST_TEST(secure.certificate() != nullptr);
  BOOST_TEST(plain.certificate() == nullptr);
}

BOOST_AUTO_TEST_CASE(serves_https_and_wss_with_its_certificate) {
  with_hub({.tls = true}, [](asio::io_context& io, emulator::signalr_hub& hub) -> awaitable<void> {
    net::tls_options pin;
    pin.pin_sha256 = hub.certificate()->fingerprint.to_string();
    std::shared_ptr<net::tls_client_context> tls;
    BOOST_TEST_REQUIRE(!net::tls_client_context::make(pin, tls));
    net::http_options http_options;
    http_options.tls = tls;
    net::http_client http_client(io.get_executor(), http_options);
    const std::string token = co_await negotiated_token(http_client, hub);
    net::websocket_options ws_options;
    ws_options.tls = tls;
    raw_client client(io.get_executor(), ws_options);
    co_await client.join(with_id(hub.base_url(), token));
    BOOST_TEST(hub.broadcast("M", "[1]") == 1u);
    auto [ec, record] = co_await client.read_hub_message();
    BOOST_TEST_REQUIRE(!ec, ec.message());
    BOOST_TEST(record == R"({"type":1,"target":"M","arguments":[1]})");
  });
}

BOOST_AUTO_TEST_CASE(negotiate_v1_offers_websockets_with_a_secret_token) {
  with_hub({}, [](asio::io_context& io, emulator::signalr_hub& hub) -> awaitable<void> {
    net::http_client http_client(io.get_executor());
    auto [ec, res] = co_await negotiate(http_client, hub, "1");
    BOOST_TEST_REQUIRE(!ec, ec.message());
    BOOST_TEST(res.result_int() == 200u);
    BOOST_TEST(res[http::field::content_type] == "application/json");
    signalr::negotiate_response decoded;
    BOOST_TEST_REQUIRE(!signalr::decode_negotiate_response(res.body(), decoded));
    const auto& offer = std::get<signalr::connection_offer>(decoded);
    BOOST_TEST(offer.negotiate_version == 1);
    BOOST_TEST(text(offer.connection_id).size() == 22u);
    BOOST_TEST(text(offer.connection_token).size() == 22u);
    BOOST_TEST(text(offer.connection_id) != text(offer.connection_token));
    BOOST_TEST(signalr::offers_websockets_text(offer));
    BOOST_TEST(hub.negotiations() == 1u);
  });
}

BOOST_AUTO_TEST_CASE(negotiate_v0_when_the_client_asks_or_the_hub_caps_it) {
  struct variant {
    std::string_view asked;
    int cap;
  };
  for (const variant v : {variant{"0", 1}, variant{"", 1}, variant{"1", 0}}) {
    const std::string_view asked = v.asked;
    with_hub({.max_negotiate_version = v.cap}, [&](asio::io_context& io, emulator::signalr_hub& hub) -> awaitable<void> {
      net::http_client http_client(io.get_executor());
      const auto where = asked.empty()
                             ? net::join_path(hub.base_url(), "negotiate")
                             : net::join_path(hub.base_url(), "negotiate?negotiateVersion=" + std::string(asked));
      auto [ec, res] = co_await http_client.post(where, "", "text/plain");
      BOOST_TEST_REQUIRE(!ec, ec.message());
      BOOST_TEST_REQUIRE(res.result_int() == 200u);
      BOOST_TEST(res.body().find("connectionToken") == std::string::npos, res.body());
      signalr::negotiate_response decoded;
      BOOST_TEST_REQUIRE(!signalr::decode_negotiate_response(res.body(), decoded));
      const auto& offer = std::get<signalr::connection_offer>(decoded);
      BOOST_TEST(offer.negotiate_version == 0);
      // Version 0: the connectionId is the token.
      raw_client client(io.get_executor());
      BOOST_TEST_MESSAGE("v0 offer " << res.body() << " negotiated " << hub.negotiations());
      co_await client.join(with_id(hub.base_url(), text(offer.connection_id)));
      BOOST_TEST(hub.connections().at(0).connection_id == text(offer.connection_id));
      BOOST_TEST(hub.connections().at(0).negotiated);
    });
  }
}

BOOST_AUTO_TEST_CASE(negotiate_is_a_post) {
  with_hub({}, [](asio::io_context& io, emulator::signalr_hub& hub) -> awaitable<void> {
    net::http_client http_client(io.get_executor());
    auto [ec, res] = co_await http_client.get(net::join_path(hub.base_url(), "negotiate?negotiateVersion=1"));
    BOOST_TEST_REQUIRE(!ec, ec.message());
    BOOST_TEST(res.result_int() == 405u);
    BOOST_TEST(hub.refusals(405) == 1u);
  });
}

BOOST_AUTO_TEST_CASE(a_token_is_single_use) {
  with_hub({}, [](asio::io_context& io, emulator::signalr_hub& hub) -> awaitable<void> {
    net::http_client http_client(io.get_executor());
    const std::string token = co_await negotiated_token(http_client, hub);
    raw_client first(io.get_executor());
    co_await first.join(with_id(hub.base_url(), token));
    BOOST_TEST(hub.connections().at(0).negotiated);

    raw_client second(io.get_executor());
    BOOST_TEST(co_await second.connect(with_id(hub.base_url(), token)) ==
               std::error_code(net::error::upgrade_refused));
    BOOST_TEST(second.ws().upgrade_status() == 409u);

    raw_client unknown(io.get_executor());
    BOOST_TEST(co_await unknown.connect(with_id(hub.base_url(), "no-such-token")) ==
               std::error_code(net::error::upgrade_refused));
    BOOST_TEST(unknown.ws().upgrade_status() == 404u);

    BOOST_TEST(!co_await first.ws().close());
    BOOST_TEST(co_await hub.wait_until([&] { return hub.connections().empty(); }));
    raw_client again(io.get_executor());
    BOOST_TEST(co_await again.connect(with_id(hub.base_url(), token)) ==
               std::error_code(net::error::upgrade_refused));
    BOOST_TEST(again.ws().upgrade_status() == 404u);
  });
}

// Only ids not yet connected are bounded: with more connections than the bound, a fresh id still
// connects (the bound once counted connected ids too and forgot fresh ones: 404 past 4,096
// connections), and past the bound the oldest unconnected id is the one forgotten.
BOOST_AUTO_TEST_CASE(the_bound_on_negotiated_ids_counts_only_unconnected_ones) {
  with_hub({.max_unconnected_negotiations = 2}, [](asio::io_context& io, emulator::signalr_hub& hub) -> awaitable<void> {
    net::http_client http_client(io.get_executor());
    std::vector<std::unique_ptr<raw_client>> connected;
    for (int i = 0; i < 4; ++i) {
      const std::string token = co_await negotiated_token(http_client, hub);
      connected.push_back(std::make_unique<raw_client>(io.get_executor()));
      co_await connected.back()->join(with_id(hub.base_url(), token));
    }
    BOOST_TEST(hub.connections().size() == 4u);

    const std::string oldest = co_await negotiated_token(http_client, hub);
    const std::string middle = co_await negotiated_token(http_client, hub);
    const std::string newest = co_await negotiated_token(http_client, hub);
    raw_client late(io.get_executor());
    const std::error_code refused = co_await late.connect(with_id(hub.base_url(), oldest));
    BOOST_TEST(refused == std::error_code(net::error::upgrade_refused));
    BOOST_TEST(late.ws().upgrade_status() == 404u);
    for (const std::string& kept : {middle, newest}) {
      raw_client on_time(io.get_executor());
      co_await on_time.join(with_id(hub.base_url(), kept));
      BOOST_TEST(on_time.ws().is_open());
    }
  });
}

BOOST_AUTO_TEST_CASE(skipping_negotiate_is_allowed_unless_required) {
  with_hub({}, [](asio::io_context& io, emulator::signalr_hub& hub) -> awaitable<void> {
    raw_client client(io.get_executor());
    co_await client.join(hub.base_url());
    BOOST_TEST_REQUIRE(hub.connections().size() == 1u);
    BOOST_TEST(!hub.connections()[0].negotiated);
    BOOST_TEST(hub.connections()[0].connection_id.size() == 22u);
  });
  with_hub({.require_negotiate = true}, [](asio::io_context& io, emulator::signalr_hub& hub) -> awaitable<void> {
    raw_client client(io.get_executor());
    BOOST_TEST(co_await client.connect(hub.base_url()) == std::error_code(net::error::upgrade_refused));
    BOOST_TEST(client.ws().upgrade_status() == 400u);
  });
}

BOOST_AUTO_TEST_CASE(a_plain_get_of_the_hub_is_refused) {
  with_hub({}, [](asio::io_context& io, emulator::signalr_hub& hub) -> awaitable<void> {
    net::http_client http_client(io.get_executor());
    auto [ec, res] = co_await http_client.get(hub.base_url());
    BOOST_TEST_REQUIRE(!ec, ec.message());
    BOOST_TEST(res.result_int() == 400u);
    auto [ec2, res2] = co_await http_client.get(net::join_path(hub.base_url(), "elsewhere"));
    BOOST_TEST(res2.result_int() == 404u);
  });
}

BOOST_AUTO_TEST_SUITE_END()
