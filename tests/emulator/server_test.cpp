#include "net_testing.hpp"

#include <eventwire/emulator/server.hpp>
#include <eventwire/emulator/take_websocket.hpp>
#include <eventwire/net/error.hpp>
#include <eventwire/net/http_client.hpp>
#include <eventwire/net/websocket_client.hpp>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/test/unit_test.hpp>

#include <stdexcept>

namespace net = eventwire::net;
namespace emulator = eventwire::emulator;
namespace testing = eventwire::testing;
namespace http = boost::beast::http;
namespace asio = boost::asio;
using asio::awaitable;
using namespace std::chrono_literals;

namespace {

constexpr auto use_tuple = asio::as_tuple(asio::use_awaitable);

awaitable<std::optional<emulator::response>> hello(emulator::request& req,
                                                   emulator::connection& c) {
  if (req.target() == "/throw") throw std::runtime_error("handler failure");
  emulator::response res(http::status::ok, 11);
  res.body() = "hello " + std::to_string(c.id());
  co_return res;
}

// Holds every WebSocket open, reading until the connection ends.
awaitable<std::optional<emulator::response>> hold(emulator::request& req, emulator::connection& c) {
  auto ws = emulator::take_websocket(c);
  auto [ec] = co_await ws.async_accept(req, use_tuple);
  if (ec) co_return std::nullopt;
  boost::beast::flat_buffer buffer;
  for (;;) {
    auto [read_error, n] = co_await ws.async_read(buffer, use_tuple);
    if (read_error) co_return std::nullopt;
    buffer.consume(n);
  }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(server)

BOOST_AUTO_TEST_CASE(binds_a_free_loopback_port_and_names_its_urls) {
  asio::io_context io;
  emulator::server plain(io.get_executor(), hello);
  emulator::server secure(io.get_executor(), hello, testing::tls_server());
  BOOST_TEST(plain.port() != 0);
  BOOST_TEST(plain.port() != secure.port());
  BOOST_TEST(plain.url("/hub").to_string() ==
             "http://127.0.0.1:" + std::to_string(plain.port()) + "/hub");
  BOOST_TEST(secure.websocket_url("/hub").to_string() ==
             "wss://127.0.0.1:" + std::to_string(secure.port()) + "/hub");
  BOOST_TEST(plain.certificate() == nullptr);
  BOOST_TEST(secure.certificate() != nullptr);
  testing::stop_and_drain(io, {&plain, &secure});
}

BOOST_AUTO_TEST_CASE(counts_open_connections) {
  asio::io_context io;
  emulator::server server(io.get_executor(), hold);
  testing::run(io, [&]() -> awaitable<void> {
    std::vector<std::unique_ptr<net::websocket_client>> clients;
    for (int i = 0; i < 3; ++i) {
      clients.push_back(std::make_unique<net::websocket_client>(io.get_executor()));
      BOOST_TEST_REQUIRE(!co_await clients.back()->connect(server.websocket_url("/")));
    }
    BOOST_TEST(co_await testing::eventually([&] { return server.open_connections() == 3; }));
    BOOST_TEST(server.accepted_connections() == 3u);
    BOOST_TEST(!co_await clients[0]->close());
    BOOST_TEST(co_await testing::eventually([&] { return server.open_connections() == 2; }));
    clients.clear();  // dropped without a close
    BOOST_TEST(co_await testing::eventually([&] { return server.open_connections() == 0; }));
  }());
  testing::stop_and_drain(io, {&server});
}

BOOST_AUTO_TEST_CASE(stop_ends_every_connection_and_coroutine) {
  asio::io_context io;
  emulator::server server(io.get_executor(), hold);
  net::websocket_client ws(io.get_executor());
  net::http_client idle_http(io.get_executor());
  std::optional<std::error_code> read_result;
  testing::run(io, [&]() -> awaitable<void> {
    BOOST_TEST_REQUIRE(!co_await ws.connect(server.websocket_url("/")));
    asio::co_spawn(
        io,
        [&]() -> awaitable<void> {
          boost::beast::flat_buffer buffer;
          auto [ec, n] = co_await ws.read(buffer);
          read_result = ec;
        },
        asio::detached);
    BOOST_TEST(co_await testing::eventually([&] { return server.open_connections() == 1; }));
  }());
  server.stop();
  BOOST_TEST(server.stopped());
  io.restart();
  io.run_for(5s);
  BOOST_TEST(io.stopped(), "coroutines still running 5 s after stop()");
  BOOST_TEST(server.open_connections() == 0u);
  BOOST_TEST_REQUIRE(read_result.has_value());
  BOOST_TEST(*read_result != std::error_code{});
}

BOOST_AUTO_TEST_CASE(a_throwing_handler_costs_only_its_connection) {
  asio::io_context io;
  emulator::server server(io.get_executor(), hello);
  testing::run(io, [&]() -> awaitable<void> {
    net::http_client client(io.get_executor());
    auto [ec, res] = co_await client.get(server.url("/throw"));
    BOOST_TEST(ec == std::error_code(net::error::connection_closed), ec.message());
    auto [ec2, res2] = co_await client.get(server.url("/"));
    BOOST_TEST_REQUIRE(!ec2, ec2.message());
    BOOST_TEST(res2.body() == "hello 2");
  }());
  testing::stop_and_drain(io, {&server});
}

BOOST_AUTO_TEST_CASE(requests_on_one_connection_share_it) {
  asio::io_context io;
  emulator::server server(io.get_executor(), hello);
  testing::run(io, [&]() -> awaitable<void> {
    net::http_client client(io.get_executor());
    for (int i = 0; i < 3; ++i) {
      auto [ec, res] = co_await client.get(server.url("/"));
      BOOST_TEST_REQUIRE(!ec, ec.message());
      BOOST_TEST(res.body() == "hello 1");
    }
  }());
  testing::stop_and_drain(io, {&server});
}

BOOST_AUTO_TEST_CASE(a_plain_client_at_a_tls_server_fails_cleanly) {
  asio::io_context io;
  emulator::server server(io.get_executor(), hello, testing::tls_server());
  testing::run(io, [&]() -> awaitable<void> {
    net::http_options options;
    options.read_timeout = 2s;
    net::http_client client(io.get_executor(), options);
    auto plain = server.url("/");
    plain.scheme = net::scheme::http;
    auto [ec, res] = co_await client.get(plain);
    BOOST_TEST(ec != std::error_code{});
  }());
  testing::stop_and_drain(io, {&server});
}

BOOST_AUTO_TEST_SUITE_END()
