#pragma once

// The SignalR hub emulator's tests: a raw SignalR client built from the net layer and the codec,
// and helpers for negotiate, tokens and running a test against a hub.

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

namespace signalr_hub_testing {

inline constexpr std::string_view handshake_request = "{\"protocol\":\"json\",\"version\":1}\x1e";

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

inline signalr::hub_message decode(const std::string& record) {
  signalr::hub_message m;
  const auto ec = signalr::decode_hub_message(record, m);
  BOOST_TEST_REQUIRE(!ec, ec.message() << " in " << record);
  return m;
}

inline std::string text(const eventwire::json::raw_string& s) {
  std::string out;
  s.append_to(out);
  return out;
}

inline net::url with_id(net::url base, std::string_view token) {
  return net::with_query_parameter(std::move(base), "id", token);
}

inline awaitable<std::tuple<std::error_code, net::http_response>> negotiate(
    net::http_client& http_client, const emulator::signalr_hub& hub, std::string_view version = "1",
    http::fields headers = {}) {
  const auto where = net::join_path(hub.base_url(), "negotiate?negotiateVersion=" + std::string(version));
  co_return co_await http_client.post(where, "", "text/plain", std::move(headers));
}

// Negotiates (v1) and returns the connection token.
inline awaitable<std::string> negotiated_token(net::http_client& http_client, const emulator::signalr_hub& hub,
                                        http::fields headers = {}) {
  auto [ec, res] = co_await negotiate(http_client, hub, "1", std::move(headers));
  BOOST_TEST_REQUIRE(!ec, ec.message());
  BOOST_TEST_REQUIRE(res.result_int() == 200u, res.body());
  signalr::negotiate_response decoded;
  BOOST_TEST_REQUIRE(!signalr::decode_negotiate_response(res.body(), decoded));
  co_return text(std::get<signalr::connection_offer>(decoded).connection_token);
}

inline http::fields bearer(std::string_view token) {
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

inline double milliseconds(clock_type::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

}  // namespace signalr_hub_testing
