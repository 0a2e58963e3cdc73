#include "net_testing.hpp"

#include <eventwire/emulator/signalr_hub.hpp>
#include <eventwire/net/error.hpp>
#include <eventwire/net/http_client.hpp>
#include <eventwire/net/tls_context.hpp>
#include <eventwire/net/tls_options.hpp>
#include <eventwire/net/websocket_client.hpp>
#include <eventwire/signalr/error.hpp>
#include <eventwire/signalr/handshake.hpp>
#include <eventwire/signalr/hub_message_decoder.hpp>
#include <eventwire/signalr/hub_message_encoder.hpp>
#include <eventwire/signalr/negotiate.hpp>
#include <eventwire/signalr/record_framer.hpp>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core/buffers_to_string.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <deque>
#include <string>
#include <vector>

namespace net = eventwire::net;
namespace emulator = eventwire::emulator;
namespace signalr = eventwire::signalr;
namespace testing = eventwire::testing;
namespace http = boost::beast::http;
namespace asio = boost::asio;
using asio::awaitable;
using clock_type = std::chrono::steady_clock;
using namespace std::chrono_literals;

namespace {

constexpr std::string_view handshake_request = "{\"protocol\":\"json\",\"version\":1}\x1e";

// A SignalR client made of the net layer's WebSocket client and the codec: it shows what the hub
// puts on the wire, message by message and record by record.
class raw_client {
 public:
  explicit raw_client(asio::any_io_executor ex, net::websocket_options options = {})
      : ws_(std::move(ex), std::move(options)) {}

  awaitable<std::error_code> connect(net::url where, http::fields headers = {}) {
    co_return co_await ws_.connect(where, std::move(headers));
  }

  // Connects to `where` and completes the handshake.
  awaitable<void> join(net::url where, http::fields headers = {}) {
    const auto connected = co_await connect(std::move(where), std::move(headers));
    BOOST_TEST_REQUIRE(!connected, connected.message() << ": " << ws_.last_error_detail());
    BOOST_TEST_REQUIRE(!co_await send(handshake_request));
    auto [ec, record] = co_await read_record();
    BOOST_TEST_REQUIRE(!ec, ec.message());
    BOOST_TEST_REQUIRE(record == "{}");
  }

  awaitable<std::error_code> send(std::string_view message) { co_return co_await ws_.write_text(message); }

  // One whole WebSocket message, as it arrived.
  awaitable<std::tuple<std::error_code, std::string>> read_message() {
    boost::beast::flat_buffer buffer;
    auto [ec, n] = co_await ws_.read(buffer);
    ++messages_;
    co_return std::tuple{ec, boost::beast::buffers_to_string(buffer.data())};
  }

  // The next record (without 0x1E), across message boundaries.
  awaitable<std::tuple<std::error_code, std::string>> read_record() {
    while (records_.empty()) {
      auto [ec, message] = co_await read_message();
      if (ec) co_return std::tuple{ec, std::string()};
      for (std::string_view in = message; !in.empty();) {
        const auto r = framer_.feed(in);
        BOOST_TEST_REQUIRE(r.state != eventwire::codec::status::error);
        in.remove_prefix(r.consumed);
        if (r.state == eventwire::codec::status::event) records_.emplace_back(framer_.record());
      }
    }
    std::string record = std::move(records_.front());
    records_.pop_front();
    co_return std::tuple{std::error_code{}, record};
  }

  // The next record that is not a ping.
  awaitable<std::tuple<std::error_code, std::string>> read_hub_message() {
    for (;;) {
      auto [ec, record] = co_await read_record();
      if (ec || record != R"({"type":6})") co_return std::tuple{ec, record};
    }
  }

  net::websocket_client& ws() { return ws_; }
  std::size_t messages() const { return messages_; }

 private:
  net::websocket_client ws_;
  signalr::record_framer framer_;
  std::deque<std::string> records_;
  std::size_t messages_ = 0;
};

signalr::hub_message decode(const std::string& record) {
  signalr::hub_message m;
  const auto ec = signalr::decode_hub_message(record, m);
  BOOST_TEST_REQUIRE(!ec, ec.message() << " in " << record);
  return m;
}

std::string text(const eventwire::json::raw_string& s) {
  std::string out;
  s.append_to(out);
  return out;
}

net::url with_id(net::url base, std::string_view token) {
  return net::with_query_parameter(std::move(base), "id", token);
}

awaitable<std::tuple<std::error_code, net::http_response>> negotiate(
    net::http_client& http_client, const emulator::signalr_hub& hub, std::string_view version = "1",
    http::fields headers = {}) {
  const auto where = net::join_path(hub.base_url(), "negotiate?negotiateVersion=" + std::string(version));
  co_return co_await http_client.post(where, "", "text/plain", std::move(headers));
}

// Negotiates (v1) and returns the connection token.
awaitable<std::string> negotiated_token(net::http_client& http_client, const emulator::signalr_hub& hub,
                                        http::fields headers = {}) {
  auto [ec, res] = co_await negotiate(http_client, hub, "1", std::move(headers));
  BOOST_TEST_REQUIRE(!ec, ec.message());
  BOOST_TEST_REQUIRE(res.result_int() == 200u, res.body());
  signalr::negotiate_response decoded;
  BOOST_TEST_REQUIRE(!signalr::decode_negotiate_response(res.body(), decoded));
  co_return text(std::get<signalr::connection_offer>(decoded).connection_token);
}

http::fields bearer(std::string_view token) {
  http::fields f;
  f.set(http::field::authorization, "Bearer " + std::string(token));
  return f;
}

// Runs a test against a hub and checks that stopping it ends every coroutine.
template <class Test>
void with_hub(emulator::signalr_hub_options options, Test test) {
  if (!options.log) options.log = [](std::string_view line) { BOOST_TEST_MESSAGE(line); };
  asio::io_context io;
  emulator::signalr_hub hub(io.get_executor(), std::move(options));
  testing::run(io, test(io, hub));
  hub.stop_now();
  io.restart();
  io.run_for(5s);
  BOOST_TEST(io.stopped(), "coroutines still running 5 s after stop_now()");
}

double milliseconds(clock_type::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

}  // namespace

BOOST_AUTO_TEST_SUITE(signalr_hub)

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

// --- client invocations ----------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(blocking_invocations_get_completions_and_non_blocking_ones_none) {
  with_hub({}, [](asio::io_context& io, emulator::signalr_hub& hub) -> awaitable<void> {
    hub.on_invocation("Add", [](std::string_view arguments, const emulator::signalr_connection_info&) {
      BOOST_TEST(arguments == "[2,3]");
      return emulator::signalr_completion::with_result("5");
    });
    hub.on_invocation("Fail", [](std::string_view, const emulator::signalr_connection_info&) {
      return emulator::signalr_completion::with_error("no luck");
    });
    hub.on_invocation("Nothing", [](std::string_view, const emulator::signalr_connection_info&) {
      return emulator::signalr_completion::empty();
    });
    raw_client client(io.get_executor());
    co_await client.join(hub.base_url());
    BOOST_TEST(!co_await client.send(R"({"type":1,"target":"add","arguments":[2,3]})"
                                     "\x1e"
                                     R"({"arguments":[2,3],"invocationId":"7","target":"Add","type":1})"
                                     "\x1e"));
    auto [ec, record] = co_await client.read_hub_message();
    BOOST_TEST_REQUIRE(!ec, ec.message());
    auto done = std::get<signalr::completion>(decode(record));
    BOOST_TEST(text(done.invocation_id) == "7");  // the non-blocking call got nothing
    BOOST_TEST((done.result == std::optional<std::string_view>("5")));

    BOOST_TEST(!co_await client.send(R"({"type":1,"invocationId":"8","target":"Fail","arguments":[]})"
                                     "\x1e"));
    std::tie(ec, record) = co_await client.read_hub_message();
    auto failed = std::get<signalr::completion>(decode(record));
    BOOST_TEST_REQUIRE(failed.error.has_value());
    BOOST_TEST(text(*failed.error) == "no luck");

    BOOST_TEST(!co_await client.send(R"({"type":1,"invocationId":"9","target":"Nothing","arguments":[]})"
                                     "\x1e"));
    std::tie(ec, record) = co_await client.read_hub_message();
    auto empty = std::get<signalr::completion>(decode(record));
    BOOST_TEST(!empty.result.has_value());
    BOOST_TEST(!empty.error.has_value());

    BOOST_TEST(hub.invocations_received("ADD") == 2u);
    BOOST_TEST(hub.invocations_received() == 4u);
    BOOST_TEST((hub.received_invocations().at(1).invocation_id == std::optional<std::string>("7")));
    BOOST_TEST(hub.connections().at(0).invocations_received == 4u);
  });
}

BOOST_AUTO_TEST_CASE(an_unknown_method_gets_an_error_completion) {
  std::vector<std::string> log;
  emulator::signalr_hub_options options;
  options.log = [&log](std::string_view line) { log.emplace_back(line); };
  with_hub(options, [&log](asio::io_context& io, emulator::signalr_hub& hub) -> awaitable<void> {
    raw_client client(io.get_executor());
    co_await client.join(hub.base_url());
    BOOST_TEST(!co_await client.send(R"({"type":2,"invocationId":"1","item":1})"
                                     "\x1e"
                                     R"({"type":5,"invocationId":"1"})"
                                     "\x1e"
                                     R"({"type":1,"invocationId":"2","target":"Nope","arguments":[]})"
                                     "\x1e"));
    auto [ec, record] = co_await client.read_hub_message();
    BOOST_TEST_REQUIRE(!ec, ec.message());
    auto done = std::get<signalr::completion>(decode(record));
    BOOST_TEST_REQUIRE(done.error.has_value());
    BOOST_TEST(text(*done.error) == "Unknown hub method 'Nope'");
    BOOST_TEST(log.size() == 3u);
  });
}

BOOST_AUTO_TEST_CASE(wait_for_invocations_completes_when_they_arrived) {
  with_hub({}, [](asio::io_context& io, emulator::signalr_hub& hub) -> awaitable<void> {
    raw_client client(io.get_executor());
    co_await client.join(hub.base_url());
    BOOST_TEST(!co_await hub.wait_for_invocations("Ready", 1, 50ms));
    asio::co_spawn(io, [&]() -> awaitable<void> {
      co_await client.send(R"({"type":1,"target":"Ready","arguments":[]})" "\x1e");
    }, asio::detached);
    BOOST_TEST(co_await hub.wait_for_invocations("Ready", 1));
  });
}

BOOST_AUTO_TEST_CASE(a_close_message_from_the_client_ends_the_connection) {
  with_hub({}, [](asio::io_context& io, emulator::signalr_hub& hub) -> awaitable<void> {
    raw_client client(io.get_executor());
    co_await client.join(hub.base_url());
    BOOST_TEST(!co_await client.send("{\"type\":7}\x1e"));
    auto [ec, record] = co_await client.read_record();
    BOOST_TEST(ec == std::error_code(net::error::websocket_closed), ec.message());
    BOOST_TEST(co_await hub.wait_until([&] { return hub.connections().empty(); }));
    BOOST_TEST(hub.connection_history().at(0).close_received);
  });
}

BOOST_AUTO_TEST_CASE(an_invalid_or_oversized_client_record_closes_with_an_error) {
  for (const std::string& bad : {std::string("{\"type\":1}\x1e"), std::string("[1,2\x1e"),
                                 "{\"type\":6,\"x\":\"" + std::string(40'000, 'y') + "\"}\x1e"}) {
    with_hub({}, [&](asio::io_context& io, emulator::signalr_hub& hub) -> awaitable<void> {
      raw_client client(io.get_executor());
      co_await client.join(hub.base_url());
      BOOST_TEST(!co_await client.send(bad));
      auto [ec, record] = co_await client.read_hub_message();
      BOOST_TEST_REQUIRE(!ec, ec.message());
      auto close = std::get<signalr::close>(decode(record));
      BOOST_TEST_REQUIRE(close.error.has_value());
      BOOST_TEST(text(*close.error) == "Connection closed with an error.");
      auto [end, rest] = co_await client.read_record();
      BOOST_TEST(end == std::error_code(net::error::websocket_closed), end.message());
    });
  }
}

// --- server invocations ----------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(broadcast_reaches_every_handshaken_client) {
  with_hub({}, [](asio::io_context& io, emulator::signalr_hub& hub) -> awaitable<void> {
    std::vector<std::unique_ptr<raw_client>> clients;
    for (int i = 0; i < 3; ++i) {
      clients.push_back(std::make_unique<raw_client>(io.get_executor()));
      co_await clients.back()->join(hub.base_url());
    }
    raw_client not_handshaken(io.get_executor());
    BOOST_TEST_REQUIRE(!co_await not_handshaken.connect(hub.base_url()));
    BOOST_TEST(co_await hub.wait_for_connections(3));
    BOOST_TEST(co_await hub.wait_until([&] { return hub.connections().size() == 4; }));
    BOOST_TEST(hub.broadcast("ReceiveMessage", R"(["hello",{"n":1}])") == 3u);
    BOOST_TEST(hub.send_to(hub.connections()[1].id, "Direct", "[]"));
    for (auto& client : clients) {
      auto [ec, record] = co_await client->read_hub_message();
      BOOST_TEST_REQUIRE(!ec, ec.message());
      auto call = std::get<signalr::invocation>(decode(record));
      BOOST_TEST(text(call.target) == "ReceiveMessage");
      BOOST_TEST(call.arguments.text() == R"(["hello",{"n":1}])");
      BOOST_TEST(!call.invocation_id.has_value());
    }
    auto [ec, record] = co_await clients[1]->read_hub_message();
    BOOST_TEST(text(std::get<signalr::invocation>(decode(record)).target) == "Direct");
    BOOST_CHECK_THROW(hub.broadcast("X", "not json"), std::invalid_argument);
    BOOST_TEST(hub.messages_sent() == 3u + 1u + 3u);  // handshakes, invocations
  });
}

BOOST_AUTO_TEST_CASE(send_many_streams_every_record_in_order) {
  with_hub({}, [](asio::io_context& io, emulator::signalr_hub& hub) -> awaitable<void> {
    hub.set_faults({.records_per_message = 0});
    raw_client a(io.get_executor());
    raw_client b(io.get_executor());
    co_await a.join(hub.base_url());
    co_await b.join(hub.base_url());
    constexpr std::uint64_t count = 20'000;
    std::uint64_t written = 0;
    bool generated = false;
    asio::co_spawn(io, [&]() -> awaitable<void> {
      written = co_await hub.send_many("ReceiveMessage", R"(["0123456789abcdef0123456789abcdef"])", count);
      generated = true;
    }, asio::detached);
    for (raw_client* client : {&a, &b}) {
      for (std::uint64_t i = 0; i < count; ++i) {
        auto [ec, record] = co_await client->read_hub_message();
        BOOST_TEST_REQUIRE(!ec, ec.message());
        BOOST_TEST_REQUIRE(record == R"({"type":1,"target":"ReceiveMessage","arguments":["0123456789abcdef0123456789abcdef"]})");
      }
    }
    BOOST_TEST(co_await hub.wait_until([&] { return generated; }));
    BOOST_TEST(written == 2 * count);
    BOOST_TEST(a.messages() < count / 10, "records were coalesced into few messages: " << a.messages());
  });
}

BOOST_AUTO_TEST_CASE(send_many_keeps_a_rate) {
  with_hub({}, [](asio::io_context& io, emulator::signalr_hub& hub) -> awaitable<void> {
    raw_client client(io.get_executor());
    co_await client.join(hub.base_url());
    const auto start = clock_type::now();
    std::uint64_t written = 0;
    asio::co_spawn(io, [&]() -> awaitable<void> {
      written = co_await hub.send_many("Tick", "[]", 20, 100.0);
    }, asio::detached);
    for (int i = 0; i < 20; ++i) {
      auto [ec, record] = co_await client.read_hub_message();
      BOOST_TEST_REQUIRE(!ec, ec.message());
    }
    const auto took = clock_type::now() - start;
    BOOST_TEST((took >= 180ms), milliseconds(took));  // 19 intervals of 10 ms
    BOOST_TEST((took < 2s), milliseconds(took));
    BOOST_TEST(co_await hub.wait_until([&] { return written == 20; }));
  });
}

BOOST_AUTO_TEST_CASE(a_client_result_is_awaited) {
  with_hub({}, [](asio::io_context& io, emulator::signalr_hub& hub) -> awaitable<void> {
    raw_client client(io.get_executor());
    co_await client.join(hub.base_url());
    asio::co_spawn(io, [&]() -> awaitable<void> {
      auto [ec, record] = co_await client.read_hub_message();
      auto call = std::get<signalr::invocation>(decode(record));
      BOOST_TEST(text(call.target) == "GetAnswer");
      std::string reply;
      signalr::append_completion_result(reply, text(*call.invocation_id), "42");
      co_await client.send(reply);
    }, asio::detached);
    const auto id = hub.connections().at(0).id;
    auto [ec, result] = co_await hub.invoke_client(id, "GetAnswer", "[1]");
    BOOST_TEST_REQUIRE(!ec, ec.message());
    BOOST_TEST((result.result == std::optional<std::string>("42")));
    auto [timeout, none] = co_await hub.invoke_client(id, "GetAnswer", "[1]", 100ms);
    BOOST_TEST((timeout == std::errc::timed_out), timeout.message());
    auto [gone, nothing] = co_await hub.invoke_client(12345, "GetAnswer", "[]");
    BOOST_TEST((gone == std::errc::no_such_process), gone.message());
  });
}

// --- fault knobs -----------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(records_per_message_coalesces_records) {
  with_hub({}, [](asio::io_context& io, emulator::signalr_hub& hub) -> awaitable<void> {
    raw_client client(io.get_executor());
    co_await client.join(hub.base_url());
    hub.set_faults({.records_per_message = 3});
    for (int i = 0; i < 7; ++i) hub.broadcast("M", "[" + std::to_string(i) + "]");
    std::vector<std::size_t> records_per_message;
    for (int got = 0; got < 7;) {
      auto [ec, message] = co_await client.read_message();
      BOOST_TEST_REQUIRE(!ec, ec.message());
      records_per_message.push_back(std::count(message.begin(), message.end(), '\x1e'));
      got += static_cast<int>(records_per_message.back());
    }
    BOOST_TEST(records_per_message == (std::vector<std::size_t>{3, 3, 1}));
  });
}

BOOST_AUTO_TEST_CASE(messages_per_record_splits_each_record) {
  with_hub({}, [](asio::io_context& io, emulator::signalr_hub& hub) -> awaitable<void> {
    raw_client client(io.get_executor());
    co_await client.join(hub.base_url());
    hub.set_faults({.messages_per_record = 3});
    hub.broadcast("M", R"(["é€😀 split me across messages"])");
    std::string joined;
    for (int i = 0; i < 3; ++i) {
      auto [ec, message] = co_await client.read_message();
      BOOST_TEST_REQUIRE(!ec, ec.message());  // each piece is valid UTF-8 or the read fails
      BOOST_TEST(message.find('\x1e') == (i == 2 ? message.size() - 1 : std::string::npos));
      joined += message;
    }
    BOOST_TEST(joined == "{\"type\":1,\"target\":\"M\",\"arguments\":[\"é€😀 split me across messages\"]}\x1e");
    BOOST_TEST(hub.connections().at(0).websocket_messages_sent == 4u);  // handshake + 3
  });
}

BOOST_AUTO_TEST_CASE(silence_stops_everything_pings_included) {
  with_hub({.keep_alive_interval = 50ms}, [](asio::io_context& io, emulator::signalr_hub& hub) -> awaitable<void> {
    raw_client client(io.get_executor());
    co_await client.join(hub.base_url());
    hub.set_faults({.silent = true});
    hub.broadcast("Held", "[]");
    const auto start = clock_type::now();
    bool cleared = false;
    asio::co_spawn(io, [&]() -> awaitable<void> {
      asio::steady_timer timer(io, 400ms);  // the fault lasts this long
      co_await timer.async_wait(asio::use_awaitable);
      cleared = true;
      hub.set_faults({});
    }, asio::detached);
    auto [ec, record] = co_await client.read_record();
    BOOST_TEST_REQUIRE(!ec, ec.message());
    BOOST_TEST(cleared);
    BOOST_TEST((clock_type::now() - start >= 400ms));
    BOOST_TEST(text(std::get<signalr::invocation>(decode(record)).target) == "Held");
  });
}

BOOST_AUTO_TEST_CASE(close_all_sends_close_with_the_error_then_closes) {
  with_hub({}, [](asio::io_context& io, emulator::signalr_hub& hub) -> awaitable<void> {
    raw_client client(io.get_executor());
    co_await client.join(hub.base_url());
    hub.broadcast("Before", "[]");
    hub.close_all("Server is restarting", true);
    auto [ec, record] = co_await client.read_hub_message();
    BOOST_TEST(text(std::get<signalr::invocation>(decode(record)).target) == "Before");
    std::tie(ec, record) = co_await client.read_hub_message();
    BOOST_TEST_REQUIRE(!ec, ec.message());
    BOOST_TEST(record == R"({"type":7,"error":"Server is restarting","allowReconnect":true})");
    std::tie(ec, record) = co_await client.read_record();
    BOOST_TEST(ec == std::error_code(net::error::websocket_closed), ec.message());
    BOOST_TEST(client.ws().peer_close_reason().code == 1000u);
    BOOST_TEST(co_await hub.wait_until([&] { return hub.connections().empty(); }));
  });
}

BOOST_AUTO_TEST_CASE(drop_all_disconnects_without_close) {
  for (const bool reset : {false, true}) {
    with_hub({}, [reset](asio::io_context& io, emulator::signalr_hub& hub) -> awaitable<void> {
      raw_client client(io.get_executor());
      co_await client.join(hub.base_url());
      hub.drop_all(reset);
      auto [ec, record] = co_await client.read_record();
      BOOST_TEST(ec != std::error_code{});
      BOOST_TEST(ec != std::error_code(net::error::websocket_closed), ec.message());
      BOOST_TEST(client.ws().peer_close_reason().code == 0u);
      if (reset) BOOST_TEST((ec == std::errc::connection_reset), ec.message());
      BOOST_TEST(co_await hub.wait_until([&] { return hub.connections().empty(); }));
    });
  }
}

BOOST_AUTO_TEST_CASE(drop_after_messages_cuts_the_connection_after_n) {
  with_hub({}, [](asio::io_context& io, emulator::signalr_hub& hub) -> awaitable<void> {
    hub.set_faults({.records_per_message = 0, .drop_after_messages = 5});
    raw_client client(io.get_executor());
    co_await client.join(hub.base_url());
    for (int i = 0; i < 8; ++i) hub.broadcast("M", "[" + std::to_string(i) + "]");
    for (int i = 0; i < 5; ++i) {
      auto [ec, record] = co_await client.read_hub_message();
      BOOST_TEST_REQUIRE(!ec, ec.message());
      BOOST_TEST(std::get<signalr::invocation>(decode(record)).arguments.text() == "[" + std::to_string(i) + "]");
    }
    auto [ec, record] = co_await client.read_record();
    BOOST_TEST(ec != std::error_code{});
    BOOST_TEST(client.ws().peer_close_reason().code == 0u);
  });
}

BOOST_AUTO_TEST_CASE(an_oversized_record_has_exactly_the_size_asked) {
  with_hub({}, [](asio::io_context& io, emulator::signalr_hub& hub) -> awaitable<void> {
    raw_client client(io.get_executor());
    co_await client.join(hub.base_url());
    BOOST_TEST(hub.broadcast_oversized("Big", 100'000) == 1u);
    auto [ec, record] = co_await client.read_hub_message();
    BOOST_TEST_REQUIRE(!ec, ec.message());
    BOOST_TEST(record.size() == 100'000u);
    BOOST_TEST(text(std::get<signalr::invocation>(decode(record)).target) == "Big");
  });
}

BOOST_AUTO_TEST_CASE(a_slow_client_is_dropped_when_its_queue_is_full) {
  with_hub({.max_queued_bytes = 4096}, [](asio::io_context& io, emulator::signalr_hub& hub) -> awaitable<void> {
    raw_client client(io.get_executor());
    co_await client.join(hub.base_url());
    hub.set_faults({.silent = true});  // nothing leaves, so the queue fills
    std::size_t delivered = 0;
    for (int i = 0; i < 100; ++i) delivered += hub.broadcast("M", "[\"" + std::string(100, 'x') + "\"]");
    BOOST_TEST(delivered < 100u);
    BOOST_TEST(co_await hub.wait_until([&] { return hub.connections().empty(); }));
  });
}

// --- stopping --------------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(stop_with_clients_connected_ends_promptly) {
  asio::io_context io;
  emulator::signalr_hub hub(io.get_executor());
  std::vector<std::unique_ptr<raw_client>> clients;
  std::vector<std::vector<std::string>> received(4);
  std::size_t ended = 0;
  testing::run(io, [&]() -> awaitable<void> {
    for (int i = 0; i < 4; ++i) {
      clients.push_back(std::make_unique<raw_client>(io.get_executor()));
      if (i < 3) {
        co_await clients.back()->join(hub.base_url());
      } else {  // connected, never handshaken
        BOOST_TEST_REQUIRE(!co_await clients.back()->connect(hub.base_url()));
      }
      asio::co_spawn(io, [&, i]() -> awaitable<void> {
        for (;;) {
          auto [ec, record] = co_await clients[i]->read_record();
          if (ec) break;
          received[i].push_back(record);
        }
        ++ended;
      }, asio::detached);
    }
    BOOST_TEST(co_await hub.wait_until([&] { return hub.connections().size() == 4; }));
    const auto start = clock_type::now();
    co_await hub.stop();
    BOOST_TEST((clock_type::now() - start < 1s));
    BOOST_TEST(co_await testing::eventually([&] { return ended == 4; }));
  }());
  BOOST_TEST(hub.stopped());
  BOOST_TEST(hub.connections().empty());
  for (int i = 0; i < 3; ++i) BOOST_TEST(received[i] == std::vector<std::string>{R"({"type":7})"});
  BOOST_TEST(received[3].empty());
  clients.clear();
  io.restart();
  io.run_for(5s);
  BOOST_TEST(io.stopped(), "coroutines still running 5 s after stop()");
}

BOOST_AUTO_TEST_CASE(stop_now_during_a_generator_and_a_wait_ends_everything) {
  asio::io_context io;
  auto hub = std::make_unique<emulator::signalr_hub>(io.get_executor());
  auto client = std::make_unique<raw_client>(io.get_executor());
  bool generator_ended = false;
  bool waiter_ended = false;
  testing::run(io, [&]() -> awaitable<void> {
    co_await client->join(hub->base_url());
    asio::co_spawn(io, [&]() -> awaitable<void> {
      co_await hub->send_many("M", "[]", 100'000'000);
      generator_ended = true;
    }, asio::detached);
    asio::co_spawn(io, [&]() -> awaitable<void> {
      co_await hub->wait_for_connections(5, 1h);
      waiter_ended = true;
    }, asio::detached);
    auto [ec, record] = co_await client->read_hub_message();  // the stream has started
    BOOST_TEST_REQUIRE(!ec, ec.message());
  }());
  hub->stop_now();
  client.reset();  // its write watchdog would keep the io_context busy
  io.restart();
  io.run_for(5s);
  BOOST_TEST(io.stopped(), "coroutines still running 5 s after stop_now()");
  BOOST_TEST(generator_ended);
  BOOST_TEST(waiter_ended);
}

BOOST_AUTO_TEST_SUITE_END()
