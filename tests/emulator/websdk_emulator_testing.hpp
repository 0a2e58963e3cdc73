#pragma once

// The Web SDK emulator's tests talk to it with a plain HTTP client: these helpers.

#include "websdk_testing.hpp"

#include <eventwire/net/error.hpp>
#include <eventwire/net/http_client.hpp>
#include <eventwire/net/http_response_stream.hpp>

#include <eventwire/websdk/percent_encoding.hpp>

#include <boost/beast/core/detail/base64.hpp>

#include <memory>
#include <string>
#include <string_view>

namespace eventwire::testing::websdk {

namespace net = eventwire::net;
namespace http = boost::beast::http;

inline std::string basic(std::string_view user_and_password) {
  namespace base64 = boost::beast::detail::base64;
  std::string out(base64::encoded_size(user_and_password.size()), '\0');
  out.resize(base64::encode(out.data(), user_and_password.data(), user_and_password.size()));
  return "Basic " + out;
}

// "/<endpoint>?q=" and the calls, encoded as a client sends them.
inline std::string query_target(std::string_view endpoint, std::string_view calls) {
  std::string out = "/";
  out += endpoint;
  out += "?q=";
  eventwire::websdk::append_query_encoded(out, calls);
  return out;
}
inline std::string alarm_q(std::string_view calls) { return query_target("alarm", calls); }
inline std::string entity_q(std::string_view calls) { return query_target("entity", calls); }

// An API client with the emulator's credentials.
struct api {
  api(asio::io_context& io, const eventwire::emulator::websdk_emulator& emu,
      std::string credentials = "admin;eventwire:admin", net::http_options options = {})
      : client(io.get_executor(), options), base(emu.base_url()), authorization(basic(credentials)) {}

  // The response; a transport error fails the test unless `error` is given to receive it.
  asio::awaitable<net::http_response> call(http::verb method, std::string_view target, std::string body = {},
                                           std::string_view content_type = {}, std::error_code* error = nullptr) {
    net::http_request r;
    r.method = method;
    r.url = net::join_path(base, target);
    r.headers.set(http::field::authorization, authorization);
    if (!content_type.empty()) r.headers.set(http::field::content_type, content_type);
    r.body = std::move(body);
    auto [ec, res] = co_await client.send(std::move(r));
    if (error) *error = ec;
    else BOOST_REQUIRE_MESSAGE(!ec, ec.message());
    co_return res;
  }
  asio::awaitable<net::http_response> get(std::string_view target) { return call(http::verb::get, target); }
  asio::awaitable<net::http_response> post(std::string_view target) { return call(http::verb::post, target); }
  // GET /events on `s`, followed to the streaming port.
  asio::awaitable<std::error_code> open_stream(net::http_response_stream& s) {
    net::http_request r;
    r.url = net::join_path(base, "/events");
    r.headers.set(http::field::authorization, authorization);
    co_return co_await s.open(r);
  }

  net::http_client client;
  net::url base;
  std::string authorization;
};

// An event stream of the emulator's with its API client: open() subscribes to `target` (a
// "/events/subscribe?q=..." request), opens the stream and waits until the emulator holds it open.
struct subscribed_stream {
  subscribed_stream(asio::io_context& io, eventwire::emulator::websdk_emulator& e)
      : client(io, e), emu(e), stream(io.get_executor()) {}

  asio::awaitable<void> open(std::string_view target) {
    co_await client.get(target);
    BOOST_REQUIRE(!co_await client.open_stream(stream));
    const bool open = co_await emu.wait_until([this] { return emu.open_streams() == 1; });
    BOOST_REQUIRE(open);
  }

  api client;
  eventwire::emulator::websdk_emulator& emu;
  net::http_response_stream stream;
};

// Reads the stream until `needle` has arrived; returns everything read.
inline asio::awaitable<std::string> read_until(net::http_response_stream& s, std::string& seen,
                                               std::string_view needle) {
  char buffer[4096];
  while (seen.find(needle) == std::string::npos) {
    auto [ec, n] = co_await s.read_some(asio::buffer(buffer));
    seen.append(buffer, n);
    if (ec) break;
  }
  co_return seen;
}

}  // namespace eventwire::testing::websdk
