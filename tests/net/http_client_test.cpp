#include "net_testing.hpp"

#include <eventwire/net/error.hpp>
#include <eventwire/net/http_client.hpp>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/test/unit_test.hpp>

namespace net = eventwire::net;
namespace emulator = eventwire::emulator;
namespace testing = eventwire::testing;
namespace http = boost::beast::http;
using boost::asio::awaitable;
using namespace std::chrono_literals;

namespace {

constexpr auto use_tuple = boost::asio::as_tuple(boost::asio::use_awaitable);

emulator::response text(http::status status, std::string body) {
  emulator::response res(status, 11);
  res.set(http::field::content_type, "text/plain");
  res.body() = std::move(body);
  return res;
}

emulator::response redirect(http::status status, const std::string& location) {
  auto res = text(status, "moved");
  res.set(http::field::location, location);
  return res;
}

// Built outside the coroutine: g++ 12 mishandles a braced aggregate argument inside co_await.
net::http_request post(net::url where, http::fields headers, std::string body) {
  net::http_request r;
  r.method = http::verb::post;
  r.url = std::move(where);
  r.headers = std::move(headers);
  r.body = std::move(body);
  return r;
}

// Echoes method, target, body and a few request headers as "GET /x|body|auth|ua".
awaitable<std::optional<emulator::response>> echo(emulator::request& req, emulator::connection&) {
  co_return text(http::status::ok, std::string(req.method_string()) + " " +
                                       std::string(req.target()) + "|" + req.body() + "|" +
                                       std::string(req[http::field::authorization]) + "|" +
                                       std::string(req[http::field::user_agent]));
}

struct loopback {
  boost::asio::io_context io;
  std::vector<std::unique_ptr<emulator::server>> servers;

  emulator::server& serve(emulator::handler h, emulator::server_options options = {}) {
    servers.push_back(
        std::make_unique<emulator::server>(io.get_executor(), std::move(h), std::move(options)));
    return *servers.back();
  }

  ~loopback() {
    for (auto& s : servers) s->stop();
    io.restart();
    io.run_for(5s);
    BOOST_TEST(io.stopped(), "coroutines still running 5 s after stop()");
  }

  void run(std::function<awaitable<void>()> test) { testing::run(io, test()); }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(http_client, loopback)

BOOST_AUTO_TEST_CASE(get_and_post) {
  auto& server = serve(echo);
  run([&]() -> awaitable<void> {
    net::http_client client(io.get_executor());
    http::fields headers;
    headers.set(http::field::authorization, "Bearer abc");
    auto [ec, res] = co_await client.get(server.url("/items?x=1"), headers);
    BOOST_TEST_REQUIRE(!ec, ec.message());
    BOOST_TEST(res.result_int() == 200u);
    BOOST_TEST(res.body() == "GET /items?x=1||Bearer abc|eventwire");

    auto [ec2, res2] =
        co_await client.post(server.url("/negotiate?negotiateVersion=1"), "{}", "application/json");
    BOOST_TEST_REQUIRE(!ec2, ec2.message());
    BOOST_TEST(res2.body() == "POST /negotiate?negotiateVersion=1|{}||eventwire");
    BOOST_TEST(client.last_url() == server.url("/negotiate?negotiateVersion=1"));
  });
}

BOOST_AUTO_TEST_CASE(keep_alive_reuses_one_connection) {
  auto& server = serve(echo);
  run([&]() -> awaitable<void> {
    net::http_client client(io.get_executor());
    for (int i = 0; i < 3; ++i) {
      auto [ec, res] = co_await client.get(server.url("/"));
      BOOST_TEST_REQUIRE(!ec, ec.message());
    }
    BOOST_TEST(client.has_idle_connection());
    BOOST_TEST(server.accepted_connections() == 1u);
  });
}

BOOST_AUTO_TEST_CASE(a_connection_the_server_dropped_is_replaced_once) {
  auto& server = serve([](emulator::request& req,
                          emulator::connection& c) -> awaitable<std::optional<emulator::response>> {
    c.close_after_response();
    co_return co_await echo(req, c);
  });
  run([&]() -> awaitable<void> {
    net::http_client client(io.get_executor());
    for (int i = 0; i < 3; ++i) {
      auto [ec, res] = co_await client.post(server.url("/p"), "x", "text/plain");
      BOOST_TEST_REQUIRE(!ec, ec.message() << ": " << client.last_error_detail());
      BOOST_TEST(res.body() == "POST /p|x||eventwire");
    }
    BOOST_TEST(server.accepted_connections() == 3u);
  });
}

BOOST_AUTO_TEST_CASE(redirects_are_followed_across_ports) {
  auto& target = serve(echo);
  auto& first = serve([&](emulator::request&,
                          emulator::connection&) -> awaitable<std::optional<emulator::response>> {
    co_return redirect(http::status::temporary_redirect, target.url("/final?y=2").to_string());
  });
  run([&]() -> awaitable<void> {
    net::http_client client(io.get_executor());
    http::fields headers;
    headers.set(http::field::authorization, "Bearer kept-on-same-host");
    auto [ec, res] = co_await client.send(post(first.url("/start"), headers, "body"));
    BOOST_TEST_REQUIRE(!ec, ec.message());
    BOOST_TEST(res.body() == "POST /final?y=2|body|Bearer kept-on-same-host|eventwire");
    BOOST_TEST(client.last_url() == target.url("/final?y=2"));
  });
}

BOOST_AUTO_TEST_CASE(see_other_turns_a_post_into_a_get_and_another_host_loses_credentials) {
  auto& target = serve(echo);
  auto& first = serve([&](emulator::request&,
                          emulator::connection&) -> awaitable<std::optional<emulator::response>> {
    auto elsewhere = target.url("/after");
    elsewhere.host = "localhost";
    co_return redirect(http::status::see_other, elsewhere.to_string());
  });
  run([&]() -> awaitable<void> {
    net::http_client client(io.get_executor());
    http::fields headers;
    headers.set(http::field::authorization, "Bearer secret");
    auto [ec, res] = co_await client.send(post(first.url("/"), headers, "body"));
    BOOST_TEST_REQUIRE(!ec, ec.message());
    BOOST_TEST(res.body() == "GET /after|||eventwire");
  });
}

BOOST_AUTO_TEST_CASE(a_redirect_loop_passes_the_hop_limit) {
  int hits = 0;
  auto& server = serve([&](emulator::request& req,
                           emulator::connection&) -> awaitable<std::optional<emulator::response>> {
    ++hits;
    co_return redirect(http::status::found, std::string(req.target()));
  });
  run([&]() -> awaitable<void> {
    net::http_options options;
    options.max_redirects = 3;
    net::http_client client(io.get_executor(), options);
    auto [ec, res] = co_await client.get(server.url("/loop?access_token=hidden"));
    BOOST_TEST(ec == std::error_code(net::error::too_many_redirects), ec.message());
    BOOST_TEST(hits == 4);  // the first request and three hops
    BOOST_TEST(client.last_error_detail().find("access_token=***") != std::string::npos,
               client.last_error_detail());
    BOOST_TEST(client.last_error_detail().find("hidden") == std::string::npos);
  });
}

BOOST_AUTO_TEST_CASE(a_redirect_without_location_is_an_error) {
  auto& server = serve([](emulator::request&,
                          emulator::connection&) -> awaitable<std::optional<emulator::response>> {
    co_return text(http::status::moved_permanently, "");
  });
  run([&]() -> awaitable<void> {
    net::http_client client(io.get_executor());
    auto [ec, res] = co_await client.get(server.url("/"));
    BOOST_TEST(ec == std::error_code(net::error::redirect_without_location), ec.message());
  });
}

BOOST_AUTO_TEST_CASE(bodies_over_the_limit_are_refused) {
  auto& server = serve([](emulator::request& req,
                          emulator::connection&) -> awaitable<std::optional<emulator::response>> {
    auto res = text(http::status::ok, std::string(4096, 'x'));
    if (req.target() == "/chunked") res.chunked(true);
    co_return res;
  });
  run([&]() -> awaitable<void> {
    net::http_options options;
    options.body_limit = 4095;
    net::http_client client(io.get_executor(), options);
    auto [ec, res] = co_await client.get(server.url("/sized"));
    BOOST_TEST(ec == std::error_code(net::error::response_too_large), ec.message());
    auto [ec2, res2] = co_await client.get(server.url("/chunked"));
    BOOST_TEST(ec2 == std::error_code(net::error::response_too_large), ec2.message());

    net::http_options roomy;
    roomy.body_limit = 4096;
    net::http_client enough(io.get_executor(), roomy);
    auto [ec3, res3] = co_await enough.get(server.url("/chunked"));
    BOOST_TEST(!ec3, ec3.message());
    BOOST_TEST(res3.body().size() == 4096u);
  });
}

BOOST_AUTO_TEST_CASE(headers_over_the_limit_are_refused) {
  auto& server = serve([](emulator::request&,
                          emulator::connection&) -> awaitable<std::optional<emulator::response>> {
    auto res = text(http::status::ok, "");
    res.set("X-Large", std::string(2000, 'h'));
    co_return res;
  });
  run([&]() -> awaitable<void> {
    net::http_options options;
    options.header_limit = 1024;
    net::http_client client(io.get_executor(), options);
    auto [ec, res] = co_await client.get(server.url("/"));
    BOOST_TEST(ec == std::error_code(net::error::header_too_large), ec.message());
  });
}

BOOST_AUTO_TEST_CASE(a_silent_server_hits_the_read_deadline) {
  auto& server = serve([](emulator::request&,
                          emulator::connection&) -> awaitable<std::optional<emulator::response>> {
    testing::gate never(co_await boost::asio::this_coro::executor);
    co_await never.wait();  // until stop() cancels it
    co_return std::nullopt;
  });
  run([&]() -> awaitable<void> {
    net::http_options options;
    options.read_timeout = 200ms;
    net::http_client client(io.get_executor(), options);
    const auto start = testing::clock::now();
    auto [ec, res] = co_await client.get(server.url("/"));
    const auto took = testing::clock::now() - start;
    BOOST_TEST(ec == std::error_code(net::error::read_timeout), ec.message());
    BOOST_TEST((ec == std::errc::timed_out));
    BOOST_TEST((took >= 200ms && took < 2s));
  });
}

// A server that trickles a header that never ends, one byte per 50 ms: each read succeeds, the
// response's deadline ends it all the same.
BOOST_AUTO_TEST_CASE(a_trickling_header_hits_the_response_deadline) {
  auto& server = serve([](emulator::request&, emulator::connection& c) -> awaitable<std::optional<emulator::response>> {
    static constexpr std::string_view start = "HTTP/1.1 200 OK\r\nX-Slow: ";
    auto [e1, n1] = co_await boost::asio::async_write(c.stream(), boost::asio::buffer(start), use_tuple);
    boost::asio::steady_timer pause(co_await boost::asio::this_coro::executor);
    for (int i = 0; i < 200 && !e1; ++i) {
      auto [ec, n] = co_await boost::asio::async_write(c.stream(), boost::asio::buffer("a", 1), use_tuple);
      if (ec) break;
      pause.expires_after(50ms);
      co_await pause.async_wait(use_tuple);
    }
    co_return std::nullopt;
  });
  run([&]() -> awaitable<void> {
    net::http_options options;
    options.read_timeout = 500ms;
    net::http_client client(io.get_executor(), options);
    const auto start = testing::clock::now();
    auto [ec, res] = co_await client.get(server.url("/"));
    const auto took = testing::clock::now() - start;
    BOOST_TEST(ec == std::error_code(net::error::read_timeout), ec.message());
    BOOST_TEST((took >= 500ms && took < 3s));
  });
}

BOOST_AUTO_TEST_CASE(a_closed_port_fails_to_connect) {
  run([&]() -> awaitable<void> {
    net::url where;
    {
      emulator::server gone(io.get_executor(), echo);
      where = gone.url("/");
    }
    net::http_client client(io.get_executor());
    auto [ec, res] = co_await client.get(where);
    BOOST_TEST((ec == std::errc::connection_refused), ec.message());
    BOOST_TEST(client.last_error_detail().find("cannot connect to 127.0.0.1:") == 0u,
               client.last_error_detail());
  });
}

BOOST_AUTO_TEST_CASE(a_downgrade_from_https_to_http_is_refused) {
  auto& plain = serve(echo);
  auto& secure = serve(
      [&](emulator::request&,
          emulator::connection&) -> awaitable<std::optional<emulator::response>> {
        co_return redirect(http::status::found, plain.url("/").to_string());
      },
      testing::tls_server());
  run([&]() -> awaitable<void> {
    net::http_options options;
    net::tls_options insecure;
    insecure.insecure_skip_verify = true;
    BOOST_REQUIRE(!net::tls_client_context::make(insecure, options.tls));
    net::http_client client(io.get_executor(), options);
    auto [ec, res] = co_await client.get(secure.url("/"));
    BOOST_TEST(ec == std::error_code(net::error::insecure_redirect), ec.message());
  });
}

BOOST_AUTO_TEST_SUITE_END()
