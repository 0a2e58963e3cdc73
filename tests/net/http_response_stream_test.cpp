#include "net_testing.hpp"

#include <eventwire/net/error.hpp>
#include <eventwire/net/http_response_stream.hpp>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/buffer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <boost/test/unit_test.hpp>

#include <array>

namespace net = eventwire::net;
namespace emulator = eventwire::emulator;
namespace testing = eventwire::testing;
namespace http = boost::beast::http;
namespace asio = boost::asio;
using asio::awaitable;
using namespace std::chrono_literals;

namespace {

constexpr auto use_tuple = asio::as_tuple(asio::use_awaitable);

awaitable<void> write_raw(emulator::connection& c, std::string_view bytes) {
  auto [ec, n] = co_await asio::async_write(c.stream(), asio::buffer(bytes), use_tuple);
  BOOST_TEST(!ec, ec.message());
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
};

// Built outside the coroutine: g++ 12 mishandles a braced aggregate argument inside co_await.
net::http_request get(net::url where) {
  net::http_request r;
  r.url = std::move(where);
  return r;
}

// Reads one chunk and returns it as text ("" with the error when there is none).
awaitable<std::pair<std::error_code, std::string>> next_chunk(net::http_response_stream& s) {
  std::array<char, 256> buffer;
  auto [ec, n] = co_await s.read_some(asio::buffer(buffer));
  co_return std::pair{ec, std::string(buffer.data(), n)};
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(http_response_stream, loopback)

BOOST_AUTO_TEST_CASE(an_http_1_0_body_without_length_is_read_chunk_by_chunk_until_eof) {
  testing::gate first_chunk_seen(io.get_executor());
  auto& server = serve([&](emulator::request& req, emulator::connection& c)
                           -> awaitable<std::optional<emulator::response>> {
    BOOST_TEST(req.target() == "/events");
    co_await write_raw(c, "HTTP/1.0 200 OK\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n");
    co_await write_raw(c, "--b\r\nfirst");
    co_await first_chunk_seen.wait();  // the client has it: the stream was not buffered whole
    co_await write_raw(c, "--b\r\nsecond");
    co_return std::nullopt;  // the server closes: the end of the body
  });
  run([&]() -> awaitable<void> {
    net::http_response_stream stream(io.get_executor());
    auto ec = co_await stream.open(get(server.url("/events")));
    BOOST_TEST_REQUIRE(!ec, ec.message());
    BOOST_TEST(stream.status() == 200u);
    BOOST_TEST(stream.header().version() == 10u);
    BOOST_TEST(stream.header()[http::field::content_type] == "multipart/mixed; boundary=b");

    auto [ec1, one] = co_await next_chunk(stream);
    BOOST_TEST(!ec1);
    BOOST_TEST(one == "--b\r\nfirst");
    first_chunk_seen.open();
    std::string rest;
    for (;;) {
      auto [e, chunk] = co_await next_chunk(stream);
      rest += chunk;
      if (e) {
        BOOST_TEST(e == std::error_code(net::error::end_of_body), e.message());
        break;
      }
    }
    BOOST_TEST(rest == "--b\r\nsecond");
    auto [again, none] = co_await next_chunk(stream);
    BOOST_TEST((again == net::error::end_of_body || again == net::error::not_connected));
  });
}

BOOST_AUTO_TEST_CASE(a_redirect_to_another_port_exposes_the_final_header) {
  auto& stream_port =
      serve([](emulator::request&,
               emulator::connection& c) -> awaitable<std::optional<emulator::response>> {
        co_await write_raw(c, "HTTP/1.0 200 OK\r\nX-Stream: yes\r\n\r\nbody");
        co_return std::nullopt;
      });
  auto& api = serve([&](emulator::request&,
                        emulator::connection&) -> awaitable<std::optional<emulator::response>> {
    emulator::response res(http::status::found, 11);
    res.set(http::field::location, stream_port.url("/stream").to_string());
    co_return res;
  });
  run([&]() -> awaitable<void> {
    net::http_response_stream stream(io.get_executor());
    auto ec = co_await stream.open(get(api.url("/events")));
    BOOST_TEST_REQUIRE(!ec, ec.message());
    BOOST_TEST(stream.status() == 200u);
    BOOST_TEST(stream.header()["X-Stream"] == "yes");
    BOOST_TEST(stream.final_url() == stream_port.url("/stream"));
    auto [ec1, chunk] = co_await next_chunk(stream);
    BOOST_TEST(chunk == "body");
  });
}

BOOST_AUTO_TEST_CASE(chunked_and_sized_bodies_end_where_they_say) {
  auto& server = serve([](emulator::request& req,
                          emulator::connection&) -> awaitable<std::optional<emulator::response>> {
    emulator::response res(http::status::ok, 11);
    res.body() = "0123456789";
    if (req.target() == "/chunked") res.chunked(true);
    co_return res;
  });
  run([&]() -> awaitable<void> {
    for (const char* path : {"/chunked", "/sized"}) {
      net::http_response_stream stream(io.get_executor());
      auto ec = co_await stream.open(get(server.url(path)));
      BOOST_TEST_REQUIRE(!ec, ec.message());
      std::string body;
      for (;;) {
        auto [e, chunk] = co_await next_chunk(stream);
        body += chunk;
        if (e) {
          BOOST_TEST(e == std::error_code(net::error::end_of_body), e.message());
          break;
        }
      }
      BOOST_TEST(body == "0123456789", path);
    }
  });
}

BOOST_AUTO_TEST_CASE(silence_in_the_body_hits_the_read_deadline) {
  auto& server = serve([](emulator::request&,
                          emulator::connection& c) -> awaitable<std::optional<emulator::response>> {
    co_await write_raw(c, "HTTP/1.0 200 OK\r\n\r\nstart");
    testing::gate never(co_await asio::this_coro::executor);
    co_await never.wait();
    co_return std::nullopt;
  });
  run([&]() -> awaitable<void> {
    net::http_options options;
    options.read_timeout = 200ms;
    net::http_response_stream stream(io.get_executor(), options);
    auto ec = co_await stream.open(get(server.url("/")));
    BOOST_TEST_REQUIRE(!ec, ec.message());
    auto [ec1, chunk] = co_await next_chunk(stream);
    BOOST_TEST(chunk == "start");
    const auto start = testing::clock::now();
    auto [ec2, none] = co_await next_chunk(stream);
    const auto took = testing::clock::now() - start;
    BOOST_TEST(ec2 == std::error_code(net::error::read_timeout), ec2.message());
    BOOST_TEST((took >= 200ms && took < 2s));
  });
}

BOOST_AUTO_TEST_CASE(reading_before_open_is_an_error) {
  run([&]() -> awaitable<void> {
    net::http_response_stream stream(io.get_executor());
    auto [ec, chunk] = co_await next_chunk(stream);
    BOOST_TEST(ec == std::error_code(net::error::not_connected));
  });
}

BOOST_AUTO_TEST_SUITE_END()
