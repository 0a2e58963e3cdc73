// The Mission Control emulator over 127.0.0.1: the WebToken endpoint, token expiry closing the
// connection, the 24 types, and notifications held for a ClientId between connections.
#include "session_testing.hpp"

#include <eventwire/emulator/missioncontrol_emulator.hpp>
#include <eventwire/missioncontrol/incident_notification.hpp>
#include <eventwire/missioncontrol/notification_decoder.hpp>
#include <eventwire/missioncontrol/web_token.hpp>
#include <eventwire/missioncontrol/web_token_decoder.hpp>
#include <eventwire/net/http_client.hpp>
#include <eventwire/net/url.hpp>
#include <eventwire/signalr/hub_connection.hpp>

#include <boost/beast/core/detail/base64.hpp>
#include <boost/test/unit_test.hpp>

#include <set>
#include <string>
#include <vector>

namespace asio = boost::asio;
namespace emulator = eventwire::emulator;
namespace mc = eventwire::missioncontrol;
namespace net = eventwire::net;
namespace signalr = eventwire::signalr;
namespace testing = eventwire::testing;
namespace http = boost::beast::http;
using namespace std::chrono_literals;

namespace {

std::string basic(std::string_view user_and_password) {
  namespace base64 = boost::beast::detail::base64;
  std::string out(base64::encoded_size(user_and_password.size()), '\0');
  out.resize(base64::encode(out.data(), user_and_password.data(), user_and_password.size()));
  return "Basic " + out;
}

// GET /v4/WebToken; returns the status and the body.
asio::awaitable<std::tuple<unsigned, std::string>> web_token(const emulator::missioncontrol_emulator& m,
                                                            std::string credentials, std::string client_id) {
  // Not `client(co_await ...)`: its default options argument would be a temporary of a co_await
  // expression (the g++ 12 trap).
  const auto ex = co_await asio::this_coro::executor;
  net::http_client client(ex);
  net::url where;
  BOOST_TEST_REQUIRE(!net::parse_url(m.base_url() + "/WebToken", where));
  http::fields headers;
  headers.set(http::field::authorization, basic(credentials));
  if (!client_id.empty()) headers.set("ClientId", client_id);
  auto [ec, res] = co_await client.get(where, std::move(headers));
  BOOST_TEST_REQUIRE(!ec, ec.message());
  co_return std::tuple{res.result_int(), res.body()};
}

struct client {
  client(asio::any_io_executor ex, const emulator::missioncontrol_emulator& m, std::string token, std::string client_id)
      : hub(ex, make(m, std::move(token), std::move(client_id))), received(ex), log(ex) {
    hub.on("IncidentNotification", [this](const signalr::invocation& inv) {
      for (std::string_view a : inv.arguments) arguments.emplace_back(a);
      received.add();
    });
    log.attach(hub);
  }
  static signalr::hub_options make(const emulator::missioncontrol_emulator& m, std::string token, std::string id) {
    signalr::hub_options o;
    o.url = m.notifications_url();
    o.access_token = [token]() -> asio::awaitable<std::tuple<std::error_code, std::string>> {
      co_return std::tuple{std::error_code{}, token};
    };
    if (!id.empty()) o.headers.set("ClientId", id);
    o.reconnect = eventwire::session::reconnect_policy::never();
    o.close_timeout = 2s;
    return o;
  }
  signalr::hub_connection hub;
  testing::counter received;
  testing::lifecycle_log log;
  std::vector<std::string> arguments;
};

const std::string guid = "0b8e7c1a-2f5d-4e6b-9a3c-7d1e5f2a4b6c";

}  // namespace

BOOST_AUTO_TEST_SUITE(missioncontrol_emulator_suite)

BOOST_AUTO_TEST_CASE(web_token_needs_basic_credentials_and_a_client_id) {
  asio::io_context io;
  emulator::missioncontrol_emulator_options o;
  o.token_lifetime = 90s;
  emulator::missioncontrol_emulator m(io.get_executor(), o);
  testing::run(io, [&]() -> asio::awaitable<void> {
    BOOST_TEST(m.base_url().ends_with("/v4"));
    BOOST_TEST(m.notifications_url().ends_with("/v4/Notifications"));
    auto [status, body] = co_await web_token(m, "operator:mc-password", guid);
    BOOST_TEST_REQUIRE(status == 200u, body);
    mc::web_token_decoder decoder;
    mc::web_token token;
    BOOST_TEST_REQUIRE(!decoder.decode(body, token), decoder.describe_error());
    BOOST_TEST(token.valid_for.has_value());
    BOOST_TEST(token.valid_for->count() == 90000);
    BOOST_TEST(token.valid_until.has_value());
    std::string value;
    token.token.append_to(value);
    BOOST_TEST(m.client_id_of(value) == guid);

    auto [wrong, wrong_body] = co_await web_token(m, "operator:nope", guid);
    BOOST_TEST(wrong == 401u);
    auto [no_id, no_id_body] = co_await web_token(m, "operator:mc-password", "");
    BOOST_TEST(no_id == 400u);
    BOOST_TEST(no_id_body.find("ClientId") != std::string::npos);
    const auto requests = m.token_requests();
    BOOST_TEST_REQUIRE(requests.size() == 3u);
    BOOST_TEST(requests[0].client_id == guid);
    BOOST_TEST(requests[1].status == 401u);
    BOOST_TEST(m.tokens_issued() == 1u);
  }());
  m.hub().stop_now();
  testing::drain(io);
}

BOOST_AUTO_TEST_CASE(the_connection_closes_when_its_token_expires) {
  asio::io_context io;
  emulator::missioncontrol_emulator_options o;
  o.token_lifetime = 300ms;
  emulator::missioncontrol_emulator m(io.get_executor(), o);
  std::optional<client> c;
  testing::run(io, [&]() -> asio::awaitable<void> {
    auto [status, body] = co_await web_token(m, "operator:mc-password", guid);
    BOOST_TEST_REQUIRE(status == 200u);
    mc::web_token_decoder decoder;
    mc::web_token token;
    BOOST_TEST_REQUIRE(!decoder.decode(body, token));
    std::string value;
    token.token.append_to(value);
    const auto ex = co_await asio::this_coro::executor;
    c.emplace(ex, m, value, guid);
    BOOST_TEST_REQUIRE(!co_await c->hub.start());
    BOOST_TEST(emulator::missioncontrol_emulator::client_id_header(m.hub().connections().front()) == guid);
    BOOST_TEST_REQUIRE(co_await c->log.closed.wait_for(1, 3s));
    // The Close allows a reconnect, which this client's policy (never) declines.
    const auto closed = c->log.closed_errors.front();
    BOOST_TEST((closed == signalr::session_error::server_closed_with_error ||
                closed == signalr::session_error::reconnect_gave_up),
               closed.message());
    BOOST_TEST(c->hub.last_error_detail().find("expired") != std::string::npos, c->hub.last_error_detail());

    // Unknown tokens are refused.
    client stranger(ex, m, "mc.forged", guid);
    const auto ec = co_await stranger.hub.start();
    BOOST_TEST(ec == signalr::session_error::unauthorized, ec.message());
  }());
  c.reset();
  m.hub().stop_now();
  testing::drain(io);
}

BOOST_AUTO_TEST_CASE(notifications_cover_the_24_types_and_wait_for_a_kept_client) {
  asio::io_context io;
  emulator::missioncontrol_emulator m(io.get_executor());
  std::optional<client> c;
  testing::run(io, [&]() -> asio::awaitable<void> {
    auto [status, body] = co_await web_token(m, "operator:mc-password", guid);
    BOOST_TEST_REQUIRE(status == 200u);
    mc::web_token_decoder token_decoder;
    mc::web_token token;
    BOOST_TEST_REQUIRE(!token_decoder.decode(body, token));
    std::string value;
    token.token.append_to(value);

    // The client has a token but no connection yet: its notifications are held.
    BOOST_TEST(co_await m.generate(30) == 30u);
    const auto ex = co_await asio::this_coro::executor;
    c.emplace(ex, m, value, guid);
    BOOST_TEST_REQUIRE(!co_await c->hub.start());
    BOOST_TEST_REQUIRE(co_await m.wait_delivered());
    BOOST_TEST(m.notify(mc::event_type::note_added, "inc-42") == 1u);
    BOOST_TEST_REQUIRE(co_await c->received.wait_for(31));

    mc::notification_decoder decoder;
    mc::incident_notification n;
    std::set<mc::event_type> types;
    for (const auto& text : c->arguments) {
      BOOST_TEST_REQUIRE(!decoder.decode(text, n), decoder.describe_error() << ": " << text);
      BOOST_TEST((n.type != mc::event_type::unknown));
      BOOST_TEST(n.incident_id.has_value());
      BOOST_TEST(n.timestamp.has_value());
      types.insert(n.type);
    }
    BOOST_TEST(types.size() == 24u);
    BOOST_TEST_REQUIRE(!decoder.decode(c->arguments.front(), n));
    BOOST_TEST((n.type == mc::event_type::created));
    BOOST_TEST_REQUIRE(!decoder.decode(c->arguments.back(), n));
    BOOST_TEST((n.type == mc::event_type::note_added));
    BOOST_TEST(n.incident_id->equals("inc-42"));
    BOOST_TEST(m.notifications_emitted() == 31u);
    co_await c->hub.stop();
  }());
  c.reset();
  m.hub().stop_now();
  testing::drain(io);
}

BOOST_AUTO_TEST_SUITE_END()
