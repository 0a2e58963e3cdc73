#include "net_testing.hpp"

#include <eventwire/emulator/take_websocket.hpp>
#include <eventwire/net/error.hpp>
#include <eventwire/net/websocket_client.hpp>
#include <eventwire/websocket/frame_encoder.hpp>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/buffer.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/buffers_to_string.hpp>
#include <boost/test/unit_test.hpp>

namespace net = eventwire::net;
namespace emulator = eventwire::emulator;
namespace testing = eventwire::testing;
namespace http = boost::beast::http;
namespace websocket = boost::beast::websocket;
namespace asio = boost::asio;
using asio::awaitable;
using namespace std::chrono_literals;

namespace {

constexpr auto use_tuple = asio::as_tuple(asio::use_awaitable);

// What the WebSocket server saw, for the test to check.
struct seen_by_server {
  std::string authorization;
  std::string client_id;
  std::string user_agent;
  std::uint16_t close_code = 0;
  std::string close_reason;
  bool auto_fragment = true;
};

// Echoes every message back with its type until the client closes.
awaitable<std::optional<emulator::response>> echo_session(emulator::request& req,
                                                          emulator::connection& c,
                                                          seen_by_server& seen) {
  seen.authorization = std::string(req[http::field::authorization]);
  seen.client_id = std::string(req["ClientId"]);
  seen.user_agent = std::string(req[http::field::user_agent]);
  auto ws = emulator::take_websocket(c);
  seen.auto_fragment = ws.auto_fragment();
  auto [ec] = co_await ws.async_accept(req, use_tuple);
  if (ec) co_return std::nullopt;
  boost::beast::flat_buffer buffer;
  for (;;) {
    auto [read_error, n] = co_await ws.async_read(buffer, use_tuple);
    if (read_error) break;
    ws.text(ws.got_text());
    auto [write_error, w] = co_await ws.async_write(buffer.data(), use_tuple);
    if (write_error) break;
    buffer.consume(buffer.size());
  }
  seen.close_code = ws.reason().code;
  seen.close_reason = std::string(ws.reason().reason.data(), ws.reason().reason.size());
  co_return std::nullopt;
}

struct loopback {
  asio::io_context io;
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

  // Connects, exchanges a text and a binary message, and closes with 1000.
  void round_trip(bool tls) {
    seen_by_server seen;
    auto& server = serve(
        [&](emulator::request& req, emulator::connection& c) { return echo_session(req, c, seen); },
        tls ? testing::tls_server() : emulator::server_options{});
    run([&]() -> awaitable<void> {
      net::websocket_options options;
      if (tls) {
        net::tls_options pinned;
        pinned.pin_sha256 = server.certificate()->fingerprint.to_string();
        BOOST_REQUIRE(!net::tls_client_context::make(pinned, options.tls));
      }
      net::websocket_client client(io.get_executor(), options);
      http::fields headers;
      headers.set(http::field::authorization, "Bearer t0ken");
      headers.set("ClientId", "client-7");
      auto ec = co_await client.connect(server.url("/hub?id=abc"), headers);
      BOOST_TEST_REQUIRE(!ec, ec.message() << ": " << client.last_error_detail());
      BOOST_TEST(client.upgrade_status() == 101u);
      BOOST_TEST(client.is_open());

      BOOST_TEST(!co_await client.write_text(R"({"protocol":"json","version":1})"));
      boost::beast::flat_buffer buffer;
      auto [read_error, n] = co_await client.read(buffer);
      BOOST_TEST_REQUIRE(!read_error, read_error.message());
      BOOST_TEST(client.got_text());
      BOOST_TEST(boost::beast::buffers_to_string(buffer.data()) ==
                 R"({"protocol":"json","version":1})");

      buffer.consume(buffer.size());
      BOOST_TEST(!co_await client.write_binary(std::string("\x00\x01\x1e", 3)));
      auto [read_error2, n2] = co_await client.read(buffer);
      BOOST_TEST_REQUIRE(!read_error2, read_error2.message());
      BOOST_TEST(!client.got_text());
      BOOST_TEST(boost::beast::buffers_to_string(buffer.data()) == std::string("\x00\x01\x1e", 3));

      auto close_error = co_await client.close("bye");
      BOOST_TEST(!close_error, close_error.message());
      BOOST_TEST(!client.is_open());
      BOOST_TEST(co_await testing::eventually([&] { return server.open_connections() == 0; }));
    });
    BOOST_TEST(seen.authorization == "Bearer t0ken");
    BOOST_TEST(seen.client_id == "client-7");
    BOOST_TEST(seen.user_agent == "eventwire");
    BOOST_TEST(seen.close_code == 1000u);
    BOOST_TEST(seen.close_reason == "bye");
    BOOST_TEST(!seen.auto_fragment);
  }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(websocket_client, loopback)

BOOST_AUTO_TEST_CASE(plain_connect_send_receive_close) { round_trip(false); }

BOOST_AUTO_TEST_CASE(tls_connect_send_receive_close) { round_trip(true); }

BOOST_AUTO_TEST_CASE(a_refused_upgrade_gives_its_status) {
  auto& server = serve([](emulator::request& req,
                          emulator::connection&) -> awaitable<std::optional<emulator::response>> {
    const auto status = req.target().starts_with("/unknown")  ? http::status::not_found
                        : req.target().starts_with("/second") ? http::status::conflict
                                                              : http::status::unauthorized;
    emulator::response res(status, 11);
    res.body() = "no";
    co_return res;
  });
  run([&]() -> awaitable<void> {
    for (auto [path, status] : {std::pair{"/hub?access_token=secret", 401u},
                                std::pair{"/unknown?id=x", 404u}, std::pair{"/second", 409u}}) {
      net::websocket_client client(io.get_executor());
      auto ec = co_await client.connect(server.websocket_url(path));
      BOOST_TEST(ec == std::error_code(net::error::upgrade_refused), ec.message());
      BOOST_TEST(client.upgrade_status() == status);
      BOOST_TEST(client.upgrade_response().body() == "no");
      BOOST_TEST(
          client.last_error_detail().find("status " + std::to_string(status)) != std::string::npos,
          client.last_error_detail());
      BOOST_TEST(client.last_error_detail().find("secret") == std::string::npos);
    }
  });
}

BOOST_AUTO_TEST_CASE(a_message_over_the_limit_is_refused) {
  auto& server = serve([](emulator::request& req,
                          emulator::connection& c) -> awaitable<std::optional<emulator::response>> {
    auto ws = emulator::take_websocket(c);
    auto [ec] = co_await ws.async_accept(req, use_tuple);
    if (ec) co_return std::nullopt;
    const std::string small(100, 's'), large(1001, 'l');
    co_await ws.async_write(asio::buffer(small), use_tuple);
    co_await ws.async_write(asio::buffer(large), use_tuple);
    boost::beast::flat_buffer buffer;
    co_await ws.async_read(buffer, use_tuple);  // the client's close 1009
    co_return std::nullopt;
  });
  run([&]() -> awaitable<void> {
    net::websocket_options options;
    options.read_message_max = 1000;
    net::websocket_client client(io.get_executor(), options);
    BOOST_TEST_REQUIRE(!co_await client.connect(server.websocket_url("/")));
    boost::beast::flat_buffer buffer;
    auto [ec, n] = co_await client.read(buffer);
    BOOST_TEST(!ec);
    BOOST_TEST(n == 100u);
    auto [ec2, n2] = co_await client.read(buffer);
    BOOST_TEST(ec2 == std::error_code(net::error::message_too_large), ec2.message());
  });
}

BOOST_AUTO_TEST_CASE(read_buffered_takes_what_has_arrived_and_leaves_control_frames_to_read) {
  std::vector<std::string> pongs;
  auto& server = serve([&](emulator::request& req,
                           emulator::connection& c) -> awaitable<std::optional<emulator::response>> {
    auto ws = emulator::take_websocket(c);
    auto [ec] = co_await ws.async_accept(req, use_tuple);
    if (ec) co_return std::nullopt;
    ws.control_callback([&](websocket::frame_type kind, boost::beast::string_view payload) {
      if (kind == websocket::frame_type::pong) pongs.emplace_back(payload);
    });
    // Five frames in one socket write, so they arrive together.
    namespace frames = eventwire::websocket;
    std::string burst;
    for (std::string_view text : {"one", "two"}) frames::append_frame(burst, frames::opcode::text, text, std::nullopt);
    frames::append_frame(burst, frames::opcode::ping, "p", std::nullopt);
    for (std::string_view text : {"three", "four"}) frames::append_frame(burst, frames::opcode::text, text, std::nullopt);
    co_await asio::async_write(ws.next_layer(), asio::buffer(burst), use_tuple);
    boost::beast::flat_buffer buffer;
    co_await ws.async_read(buffer, use_tuple);  // the pong, then the client's close
    co_return std::nullopt;
  });
  run([&]() -> awaitable<void> {
    net::websocket_client client(io.get_executor());
    BOOST_TEST_REQUIRE(!co_await client.connect(server.websocket_url("/")));
    boost::beast::flat_buffer buffer;
    const auto text = [&] {
      std::string s = boost::beast::buffers_to_string(buffer.data());
      buffer.consume(buffer.size());
      return s;
    };
    auto [ec, n] = co_await client.read(buffer);
    BOOST_TEST_REQUIRE(!ec, ec.message());
    BOOST_TEST(text() == "one");
    auto two = client.read_buffered(buffer);
    BOOST_TEST_REQUIRE(two.has_value());
    BOOST_TEST(!std::get<0>(*two));
    BOOST_TEST(std::get<1>(*two) == 3u);
    BOOST_TEST(text() == "two");
    BOOST_TEST(!client.read_buffered(buffer).has_value());  // a Ping first: read() answers it
    BOOST_TEST(!client.read_buffered(buffer).has_value());  // and only read()
    auto [ec3, n3] = co_await client.read(buffer);
    BOOST_TEST_REQUIRE(!ec3, ec3.message());
    BOOST_TEST(text() == "three");
    auto four = client.read_buffered(buffer);
    BOOST_TEST_REQUIRE(four.has_value());
    BOOST_TEST(text() == "four");
    BOOST_TEST(!client.read_buffered(buffer).has_value());  // nothing left
    BOOST_TEST(!co_await client.close());
    BOOST_TEST(pongs == std::vector<std::string>{"p"});
  });
}

BOOST_AUTO_TEST_CASE(a_silent_server_hits_the_idle_timeout) {
  auto& server = serve([](emulator::request& req,
                          emulator::connection& c) -> awaitable<std::optional<emulator::response>> {
    auto ws = emulator::take_websocket(c);
    auto [ec] = co_await ws.async_accept(req, use_tuple);
    if (ec) co_return std::nullopt;
    boost::beast::flat_buffer buffer;
    co_await ws.async_read(buffer, use_tuple);  // until the client goes away
    co_return std::nullopt;
  });
  run([&]() -> awaitable<void> {
    net::websocket_options options;
    options.idle_timeout = 300ms;
    net::websocket_client client(io.get_executor(), options);
    BOOST_TEST_REQUIRE(!co_await client.connect(server.websocket_url("/")));
    const auto start = testing::clock::now();
    boost::beast::flat_buffer buffer;
    auto [ec, n] = co_await client.read(buffer);
    const auto took = testing::clock::now() - start;
    BOOST_TEST(ec == std::error_code(net::error::read_timeout), ec.message());
    BOOST_TEST((took >= 250ms && took < 2s));
  });
}

BOOST_AUTO_TEST_CASE(traffic_keeps_an_idle_timeout_from_firing) {
  auto& server = serve([](emulator::request& req,
                          emulator::connection& c) -> awaitable<std::optional<emulator::response>> {
    auto ws = emulator::take_websocket(c);
    auto [ec] = co_await ws.async_accept(req, use_tuple);
    if (ec) co_return std::nullopt;
    asio::steady_timer tick(co_await asio::this_coro::executor);
    for (int i = 0; i < 6; ++i) {  // a message every 100 ms for 600 ms, twice the idle timeout
      tick.expires_after(100ms);
      co_await tick.async_wait(use_tuple);
      co_await ws.async_write(asio::buffer(std::string("ping")), use_tuple);
    }
    co_await ws.async_close(websocket::close_code::going_away, use_tuple);
    co_return std::nullopt;
  });
  run([&]() -> awaitable<void> {
    net::websocket_options options;
    options.idle_timeout = 300ms;
    net::websocket_client client(io.get_executor(), options);
    BOOST_TEST_REQUIRE(!co_await client.connect(server.websocket_url("/")));
    int messages = 0;
    for (;;) {
      boost::beast::flat_buffer buffer;
      auto [ec, n] = co_await client.read(buffer);
      if (ec) {
        BOOST_TEST(ec == std::error_code(net::error::websocket_closed), ec.message());
        break;
      }
      ++messages;
    }
    BOOST_TEST(messages == 6);
    BOOST_TEST(client.peer_close_reason().code == 1001u);
  });
}

BOOST_AUTO_TEST_CASE(a_close_from_the_server_ends_reads_with_its_code) {
  auto& server = serve([](emulator::request& req,
                          emulator::connection& c) -> awaitable<std::optional<emulator::response>> {
    auto ws = emulator::take_websocket(c);
    auto [ec] = co_await ws.async_accept(req, use_tuple);
    if (ec) co_return std::nullopt;
    co_await ws.async_close(websocket::close_reason(websocket::close_code{4001}, "expired"),
                            use_tuple);
    co_return std::nullopt;
  });
  run([&]() -> awaitable<void> {
    net::websocket_client client(io.get_executor());
    BOOST_TEST_REQUIRE(!co_await client.connect(server.websocket_url("/")));
    boost::beast::flat_buffer buffer;
    auto [ec, n] = co_await client.read(buffer);
    BOOST_TEST(ec == std::error_code(net::error::websocket_closed), ec.message());
    BOOST_TEST(client.peer_close_reason().code == 4001u);
    BOOST_TEST(client.peer_close_reason().reason == "expired");
    auto [again, n2] = co_await client.read(buffer);
    BOOST_TEST(again == std::error_code(net::error::not_connected));
  });
}

BOOST_AUTO_TEST_CASE(close_while_a_read_is_pending_ends_both) {
  seen_by_server seen;
  auto& server = serve(
      [&](emulator::request& req, emulator::connection& c) { return echo_session(req, c, seen); });
  run([&]() -> awaitable<void> {
    net::websocket_client client(io.get_executor());
    BOOST_TEST_REQUIRE(!co_await client.connect(server.websocket_url("/")));
    std::optional<std::error_code> read_result;
    boost::beast::flat_buffer buffer;
    asio::co_spawn(
        co_await asio::this_coro::executor,
        [&]() -> awaitable<void> {
          auto [ec, n] = co_await client.read(buffer);
          read_result = ec;
        },
        asio::detached);
    co_await asio::post(co_await asio::this_coro::executor, asio::use_awaitable);
    auto ec = co_await client.close("stopping");
    BOOST_TEST(!ec, ec.message());
    BOOST_TEST(co_await testing::eventually([&] { return read_result.has_value(); }));
    BOOST_TEST(*read_result == std::error_code(net::error::websocket_closed));
  });
  BOOST_TEST(seen.close_code == 1000u);
}

BOOST_AUTO_TEST_SUITE_END()
