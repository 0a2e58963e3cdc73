// Starting a hub_connection: negotiate v1 and v0, skip negotiation, redirects, errors, tokens,
// headers, the 401 refresh, the handshake and its deadline.

#include "session_testing.hpp"

#include <eventwire/emulator/server.hpp>
#include <eventwire/net/error.hpp>
#include <eventwire/signalr/error.hpp>

#include <boost/beast/http/field.hpp>

namespace {

namespace asio = boost::asio;
namespace http = boost::beast::http;
namespace emulator = eventwire::emulator;
namespace signalr = eventwire::signalr;
namespace testing = eventwire::testing;
using namespace std::chrono_literals;
using asio::awaitable;
using signalr::session_error;

// A server whose negotiate answers with `body` (JSON) and counts the requests.
struct negotiate_stub {
  std::function<std::string()> body;
  std::size_t requests = 0;
  std::vector<std::string> authorizations;

  emulator::handler handler() {
    return [this](emulator::request& req, emulator::connection&) -> awaitable<std::optional<emulator::response>> {
      ++requests;
      authorizations.emplace_back(req[http::field::authorization]);
      emulator::response res(http::status::ok, 11);
      res.set(http::field::content_type, "application/json");
      res.body() = body();
      res.prepare_payload();
      co_return res;
    };
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(hub_connection_start)

// A connected hub_connection holds one socket: the negotiate request's connection is closed
// (10,000 connections once held 20,000 descriptors).
BOOST_AUTO_TEST_CASE(a_connected_hub_connection_holds_only_its_websocket) {
  testing::hub_fixture fixture;
  auto& io = fixture.io;
  auto& hub = *fixture.hub;
  signalr::hub_connection c(io.get_executor(), testing::options_for(hub));
  testing::run(io, [&]() -> awaitable<void> {
    const auto ec = co_await c.start();
    BOOST_TEST_REQUIRE(!ec, ec.message() << ": " << c.last_error_detail());
    BOOST_TEST(hub.connections().at(0).negotiated);
    const bool one_socket = co_await hub.wait_until([&] { return hub.open_sockets() == 1; });
    BOOST_TEST(one_socket, hub.open_sockets() << " sockets open");
    co_await c.stop();
  }());
}

BOOST_AUTO_TEST_CASE(negotiate_v1_uses_the_connection_token_and_reports_the_connection_id) {
  testing::hub_fixture fixture;
  auto& io = fixture.io;
  auto& hub = *fixture.hub;
  signalr::hub_connection c(io.get_executor(), testing::options_for(hub));
  testing::run(io, [&]() -> awaitable<void> {
    BOOST_TEST(c.state() == signalr::connection_state::disconnected);
    const auto ec = co_await c.start();
    BOOST_TEST_REQUIRE(!ec, ec.message() << ": " << c.last_error_detail());
    BOOST_TEST(c.state() == signalr::connection_state::connected);
    BOOST_TEST_REQUIRE(co_await hub.wait_for_connections(1));
    const auto info = hub.connections().at(0);
    BOOST_TEST(info.negotiated);
    BOOST_TEST(info.protocol == "json");
    BOOST_TEST(info.protocol_version == 1);
    BOOST_TEST(!c.connection_id().empty());
    BOOST_TEST(c.connection_id() == info.connection_id);
    BOOST_TEST(hub.negotiations() == 1u);
    co_await c.stop();
    BOOST_TEST(c.state() == signalr::connection_state::disconnected);
  }());
}

BOOST_AUTO_TEST_CASE(negotiate_v0_uses_the_connection_id_as_the_token) {
    emulator::signalr_hub_options ho;
  ho.max_negotiate_version = 0;
  testing::hub_fixture fixture(ho);
  auto& io = fixture.io;
  auto& hub = *fixture.hub;
  signalr::hub_connection c(io.get_executor(), testing::options_for(hub));
  testing::run(io, [&]() -> awaitable<void> {
    const auto ec = co_await c.start();
    BOOST_TEST_REQUIRE(!ec, ec.message() << ": " << c.last_error_detail());
    BOOST_TEST_REQUIRE(co_await hub.wait_for_connections(1));
    const auto info = hub.connections().at(0);
    BOOST_TEST(info.negotiated);
    BOOST_TEST(c.connection_id() == info.connection_id);
    BOOST_TEST(info.query.find("id=" + info.connection_id) != std::string::npos);
    co_await c.stop();
  }());
}

BOOST_AUTO_TEST_CASE(skip_negotiation_connects_straight_to_the_url) {
  testing::hub_fixture fixture;
  auto& io = fixture.io;
  auto& hub = *fixture.hub;
  auto options = testing::options_for(hub);
  options.skip_negotiation = true;
  options.url = hub.base_url().to_string() + "?tenant=42";
  signalr::hub_connection c(io.get_executor(), options);
  testing::run(io, [&]() -> awaitable<void> {
    const auto ec = co_await c.start();
    BOOST_TEST_REQUIRE(!ec, ec.message() << ": " << c.last_error_detail());
    BOOST_TEST_REQUIRE(co_await hub.wait_for_connections(1));
    const auto info = hub.connections().at(0);
    BOOST_TEST(!info.negotiated);
    BOOST_TEST(info.query == "tenant=42");
    BOOST_TEST(hub.negotiations() == 0u);
    BOOST_TEST(c.connection_id().empty());
    co_await c.stop();
  }());
}

BOOST_AUTO_TEST_CASE(negotiate_keeps_the_base_query) {
  testing::hub_fixture fixture;
  auto& io = fixture.io;
  auto& hub = *fixture.hub;
  auto options = testing::options_for(hub);
  options.url = hub.url() + "?tenant=42";
  signalr::hub_connection c(io.get_executor(), options);
  testing::run(io, [&]() -> awaitable<void> {
    const auto ec = co_await c.start();
    BOOST_TEST_REQUIRE(!ec, ec.message() << ": " << c.last_error_detail());
    const auto info = hub.connections().at(0);
    BOOST_TEST(info.query.starts_with("tenant=42&id="), info.query);
    co_await c.stop();
  }());
}

BOOST_AUTO_TEST_CASE(a_negotiate_redirect_is_followed_with_its_access_token) {
    emulator::signalr_hub_options ho;
  ho.access_token = "from-redirect";
  testing::hub_fixture fixture(ho);
  auto& io = fixture.io;
  auto& hub = *fixture.hub;
  negotiate_stub stub;
  stub.body = [&] { return R"({"url":")" + hub.url() + R"(","accessToken":"from-redirect"})"; };
  emulator::server front(io.get_executor(), stub.handler());
  auto options = testing::options_for(hub);
  options.url = front.url("/entry").to_string();
  testing::token_sequence tokens{{"original"}};
  options.access_token = tokens.source();
  signalr::hub_connection c(io.get_executor(), options);
  testing::run(io, [&]() -> awaitable<void> {
    const auto ec = co_await c.start();
    BOOST_TEST_REQUIRE(!ec, ec.message() << ": " << c.last_error_detail());
    BOOST_TEST(stub.requests == 1u);
    BOOST_TEST(stub.authorizations.at(0) == "Bearer original");
    BOOST_TEST(tokens.calls == 1u, "the redirect's token replaces the source for this connection");
    BOOST_TEST(hub.connections().at(0).access_token == "from-redirect");
    co_await c.stop();
  }());
  front.stop();
}

BOOST_AUTO_TEST_CASE(negotiate_redirects_stop_after_one_hundred_hops) {
  asio::io_context io;
  negotiate_stub stub;
  std::unique_ptr<emulator::server> front;
  stub.body = [&] { return R"({"url":")" + front->url("/again").to_string() + R"("})"; };
  front = std::make_unique<emulator::server>(io.get_executor(), stub.handler());
  signalr::hub_options options;
  options.url = front->url("/hub").to_string();
  signalr::hub_connection c(io.get_executor(), options);
  testing::run(io, [&]() -> awaitable<void> {
    const auto ec = co_await c.start();
    BOOST_TEST(ec == session_error::negotiate_redirect_limit);
    BOOST_TEST(ec.message() == "Negotiate redirection limit exceeded.");
    BOOST_TEST(stub.requests == 101u);
    BOOST_TEST(c.state() == signalr::connection_state::disconnected);
  }());
  front->stop();
  testing::drain(io);
}

BOOST_AUTO_TEST_CASE(a_negotiate_error_fails_the_start_with_the_server_text) {
  asio::io_context io;
  negotiate_stub stub;
  stub.body = [] { return std::string(R"({"error":"Tenant is suspended"})"); };
  emulator::server front(io.get_executor(), stub.handler());
  signalr::hub_options options;
  options.url = front.url("/hub").to_string();
  options.reconnect = eventwire::session::reconnect_policy::delays({0ms});
  signalr::hub_connection c(io.get_executor(), options);
  testing::run(io, [&]() -> awaitable<void> {
    const auto ec = co_await c.start();
    BOOST_TEST(ec == session_error::negotiate_error);
    BOOST_TEST(c.last_error_detail().find("Tenant is suspended") != std::string::npos, c.last_error_detail());
    BOOST_TEST(stub.requests == 1u, "the first start does not retry");
  }());
  front.stop();
  testing::drain(io);
}

BOOST_AUTO_TEST_CASE(negotiate_without_websockets_fails) {
  asio::io_context io;
  negotiate_stub stub;
  stub.body = [] {
    return std::string(R"({"negotiateVersion":1,"connectionId":"a","connectionToken":"b",)"
                       R"("availableTransports":[{"transport":"LongPolling","transferFormats":["Text"]}]})");
  };
  emulator::server front(io.get_executor(), stub.handler());
  signalr::hub_options options;
  options.url = front.url("/hub").to_string();
  signalr::hub_connection c(io.get_executor(), options);
  testing::run(io, [&]() -> awaitable<void> {
    BOOST_TEST(co_await c.start() == session_error::no_websockets_transport);
  }());
  front.stop();
  testing::drain(io);
}

BOOST_AUTO_TEST_CASE(the_token_goes_as_bearer_and_never_into_the_detail) {
    emulator::signalr_hub_options ho;
  ho.access_token = "s3cret-token";
  testing::hub_fixture fixture(ho);
  auto& io = fixture.io;
  auto& hub = *fixture.hub;
  auto options = testing::options_for(hub);
  testing::token_sequence tokens{{"s3cret-token"}};
  options.access_token = tokens.source();
  signalr::hub_connection c(io.get_executor(), options);
  testing::run(io, [&]() -> awaitable<void> {
    const auto ec = co_await c.start();
    BOOST_TEST_REQUIRE(!ec, ec.message() << ": " << c.last_error_detail());
    const auto info = hub.connections().at(0);
    BOOST_TEST(info.access_token == "s3cret-token");
    BOOST_TEST(info.headers[http::field::authorization] == "Bearer s3cret-token");
    BOOST_TEST(info.query.find("access_token") == std::string::npos);
    BOOST_TEST(tokens.calls == 2u, "once before negotiate, once before the connect");
    co_await c.stop();
  }());
}

BOOST_AUTO_TEST_CASE(the_token_also_goes_in_the_query_when_configured) {
    emulator::signalr_hub_options ho;
  ho.access_token = "clay-token";
  testing::hub_fixture fixture(ho);
  auto& io = fixture.io;
  auto& hub = *fixture.hub;
  auto options = testing::options_for(hub);
  options.skip_negotiation = true;
  options.access_token_in_query = true;
  testing::token_sequence tokens{{"clay-token"}};
  options.access_token = tokens.source();
  signalr::hub_connection c(io.get_executor(), options);
  testing::run(io, [&]() -> awaitable<void> {
    const auto ec = co_await c.start();
    BOOST_TEST_REQUIRE(!ec, ec.message() << ": " << c.last_error_detail());
    const auto info = hub.connections().at(0);
    BOOST_TEST(info.query.find("access_token=clay-token") != std::string::npos, info.query);
    BOOST_TEST(info.headers[http::field::authorization] == "Bearer clay-token");
    co_await c.stop();
  }());
}

BOOST_AUTO_TEST_CASE(extra_headers_reach_the_server) {
  testing::hub_fixture fixture;
  auto& io = fixture.io;
  auto& hub = *fixture.hub;
  auto options = testing::options_for(hub);
  options.headers.set("ClientId", "mission-control-7");
  signalr::hub_connection c(io.get_executor(), options);
  testing::run(io, [&]() -> awaitable<void> {
    const auto ec = co_await c.start();
    BOOST_TEST_REQUIRE(!ec, ec.message() << ": " << c.last_error_detail());
    BOOST_TEST(hub.connections().at(0).headers["ClientId"] == "mission-control-7");
    co_await c.stop();
  }());
}

BOOST_AUTO_TEST_CASE(a_401_refreshes_the_token_and_retries_once) {
    emulator::signalr_hub_options ho;
  ho.access_token = "fresh";
  testing::hub_fixture fixture(ho);
  auto& io = fixture.io;
  auto& hub = *fixture.hub;
  auto options = testing::options_for(hub);
  testing::token_sequence tokens{{"stale", "fresh"}};
  options.access_token = tokens.source();
  signalr::hub_connection c(io.get_executor(), options);
  testing::run(io, [&]() -> awaitable<void> {
    const auto ec = co_await c.start();
    BOOST_TEST_REQUIRE(!ec, ec.message() << ": " << c.last_error_detail());
    BOOST_TEST(tokens.calls == 3u, "stale negotiate, fresh negotiate, fresh connect");
    BOOST_TEST(hub.refusals(401) == 1u);
    BOOST_TEST(hub.connections().at(0).access_token == "fresh");
    co_await c.stop();
  }());
}

BOOST_AUTO_TEST_CASE(a_401_on_the_upgrade_refreshes_the_token_too) {
    emulator::signalr_hub_options ho;
  ho.access_token = "fresh";
  testing::hub_fixture fixture(ho);
  auto& io = fixture.io;
  auto& hub = *fixture.hub;
  auto options = testing::options_for(hub);
  options.skip_negotiation = true;
  testing::token_sequence tokens{{"stale", "fresh"}};
  options.access_token = tokens.source();
  signalr::hub_connection c(io.get_executor(), options);
  testing::run(io, [&]() -> awaitable<void> {
    const auto ec = co_await c.start();
    BOOST_TEST_REQUIRE(!ec, ec.message() << ": " << c.last_error_detail());
    BOOST_TEST(tokens.calls == 2u);
    co_await c.stop();
  }());
}

BOOST_AUTO_TEST_CASE(a_token_refused_twice_is_unauthorized_and_the_detail_has_no_token) {
    emulator::signalr_hub_options ho;
  ho.access_token = "right";
  testing::hub_fixture fixture(ho);
  auto& io = fixture.io;
  auto& hub = *fixture.hub;
  auto options = testing::options_for(hub);
  options.access_token_in_query = true;
  testing::token_sequence tokens{{"wrong-one", "wrong-two"}};
  options.access_token = tokens.source();
  signalr::hub_connection c(io.get_executor(), options);
  testing::run(io, [&]() -> awaitable<void> {
    const auto ec = co_await c.start();
    BOOST_TEST(ec == session_error::unauthorized);
    BOOST_TEST(c.last_error_detail().find("wrong") == std::string::npos, c.last_error_detail());
    BOOST_TEST(tokens.calls == 2u);
  }());
}

BOOST_AUTO_TEST_CASE(a_failing_token_source_fails_the_start) {
  testing::hub_fixture fixture;
  auto& io = fixture.io;
  auto& hub = *fixture.hub;
  auto options = testing::options_for(hub);
  options.access_token = []() -> awaitable<std::tuple<std::error_code, std::string>> {
    co_return std::tuple{std::make_error_code(std::errc::permission_denied), std::string()};
  };
  signalr::hub_connection c(io.get_executor(), options);
  testing::run(io, [&]() -> awaitable<void> {
    BOOST_TEST(co_await c.start() == session_error::token_unavailable);
    BOOST_TEST(hub.negotiations() == 0u);
  }());
}

BOOST_AUTO_TEST_CASE(a_handshake_error_fails_the_start_with_the_server_text) {
    emulator::signalr_hub_options ho;
  ho.max_protocol_version = 0;
  testing::hub_fixture fixture(ho);
  auto& io = fixture.io;
  auto& hub = *fixture.hub;
  signalr::hub_connection c(io.get_executor(), testing::options_for(hub));
  testing::run(io, [&]() -> awaitable<void> {
    const auto ec = co_await c.start();
    BOOST_TEST((ec == signalr::error::handshake_rejected), ec.message());
    BOOST_TEST(c.last_error_detail().starts_with("Server returned handshake error: "), c.last_error_detail());
    BOOST_TEST(c.state() == signalr::connection_state::disconnected);
  }());
}

BOOST_AUTO_TEST_CASE(a_handshake_that_does_not_come_in_time_fails_the_start) {
  testing::hub_fixture fixture;
  auto& io = fixture.io;
  auto& hub = *fixture.hub;
  emulator::signalr_hub_faults faults;
  faults.handshake_delay = 5s;
  hub.set_faults(faults);
  auto options = testing::options_for(hub);
  options.handshake_timeout = 200ms;
  signalr::hub_connection c(io.get_executor(), options);
  testing::run(io, [&]() -> awaitable<void> {
    const auto started = std::chrono::steady_clock::now();
    const auto ec = co_await c.start();
    BOOST_TEST(ec == session_error::handshake_timeout);
    BOOST_TEST((ec == std::errc::timed_out));
    BOOST_TEST((std::chrono::steady_clock::now() - started < 3s));
  }());
}

BOOST_AUTO_TEST_CASE(an_unreachable_server_fails_the_start) {
  asio::io_context io;
  std::string url;
  {
    emulator::signalr_hub gone(io.get_executor());
    url = gone.url();
  }
  testing::drain(io);
  signalr::hub_options options;
  options.url = url;
  signalr::hub_connection c(io.get_executor(), options);
  testing::run(io, [&]() -> awaitable<void> {
    const auto ec = co_await c.start();
    BOOST_TEST(ec);
    BOOST_TEST(!c.last_error_detail().empty());
  }());
}

BOOST_AUTO_TEST_CASE(an_invalid_url_or_a_second_start_is_refused) {
  testing::hub_fixture fixture;
  auto& io = fixture.io;
  auto& hub = *fixture.hub;
  signalr::hub_options bad;
  bad.url = "ftp://example.com/hub";
  signalr::hub_connection wrong(io.get_executor(), bad);
  signalr::hub_connection c(io.get_executor(), testing::options_for(hub));
  testing::run(io, [&]() -> awaitable<void> {
    BOOST_TEST(co_await wrong.start() == session_error::invalid_url);
    BOOST_TEST_REQUIRE(!co_await c.start());
    BOOST_TEST(co_await c.start() == session_error::already_started);
    co_await c.stop();
  }());
}

BOOST_AUTO_TEST_CASE(retry_first_start_uses_the_policy) {
    emulator::signalr_hub_options ho;
  ho.access_token = "third";
  testing::hub_fixture fixture(ho);
  auto& io = fixture.io;
  auto& hub = *fixture.hub;
  auto options = testing::options_for(hub);
  options.skip_negotiation = true;
  options.retry_first_start = true;
  // Each attempt calls the source twice at most (the 401 retry): 1+2 fail, 3 works.
  testing::token_sequence tokens{{"first", "second", "third"}};
  options.access_token = tokens.source();
  signalr::hub_connection c(io.get_executor(), options);
  testing::run(io, [&]() -> awaitable<void> {
    const auto ec = co_await c.start();
    BOOST_TEST_REQUIRE(!ec, ec.message() << ": " << c.last_error_detail());
    BOOST_TEST(tokens.calls == 3u);
    co_await c.stop();
  }());
}

BOOST_AUTO_TEST_SUITE_END()
