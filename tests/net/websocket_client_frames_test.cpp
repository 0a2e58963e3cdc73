// websocket_client against a peer that writes raw bytes and reads the client's frames with the
// frame codec in the server role: frames that come with the 101, Pong answers, Close echoes,
// masking, and the failures a broken server causes.

#include "net_testing.hpp"

#include "detail/websocket_handshake.hpp"

#include <eventwire/net/error.hpp>
#include <eventwire/net/websocket_client.hpp>
#include <eventwire/websocket/error.hpp>
#include <eventwire/websocket/frame_decoder.hpp>
#include <eventwire/websocket/frame_encoder.hpp>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/buffer.hpp>
#include <boost/asio/experimental/awaitable_operators.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/buffers_to_string.hpp>
#include <boost/test/unit_test.hpp>

#include <functional>
#include <set>

namespace net = eventwire::net;
namespace ws = eventwire::websocket;
namespace emulator = eventwire::emulator;
namespace testing = eventwire::testing;
namespace http = boost::beast::http;
namespace asio = boost::asio;
using asio::awaitable;
using namespace boost::asio::experimental::awaitable_operators;

namespace {

constexpr auto use_tuple = asio::as_tuple(asio::use_awaitable);

std::string frame(ws::opcode op, std::string_view payload, bool fin = true) {
  std::string out;
  ws::append_frame(out, op, payload, std::nullopt, fin);
  return out;
}

std::string close_frame(std::uint16_t code, std::string_view reason = {}) {
  std::string payload;
  ws::append_close_payload(payload, {code, reason});
  return frame(ws::opcode::close, payload);
}

std::string switching_protocols(const emulator::request& req, std::string_view accept = {}) {
  const std::string right = net::detail::websocket_accept_for(req[http::field::sec_websocket_key]);
  return "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
         "Sec-WebSocket-Accept: " +
         (accept.empty() ? right : std::string(accept)) + "\r\n\r\n";
}

// The server's side of a connection taken over from the emulator's HTTP server.
class raw_peer {
 public:
  explicit raw_peer(emulator::connection& c, std::size_t max_message_size = 1 << 20) : c_(c) {
    decoder_.max_message_size = max_message_size;
    const auto early = c.buffer().data();
    unread_.assign(static_cast<const char*>(early.data()), early.size());
  }

  awaitable<bool> send(std::string bytes) {
    auto [ec, n] = co_await asio::async_write(c_.stream(), asio::buffer(bytes), use_tuple);
    co_return !ec;
  }

  // Waits for the client's next bytes; next() decodes them.
  awaitable<void> wait_for_bytes() {
    char chunk[16384];
    auto [ec, n] = co_await c_.stream().async_read_some(asio::buffer(chunk), use_tuple);
    unread_.append(chunk, n);
  }

  // The next frame event the client sent, rendered ("text hello", "pong p1", "close 1000 bye",
  // "binary of N bytes"), "error: ..." when it broke the protocol, or "end" at end of stream.
  awaitable<std::string> next() {
    for (;;) {
      std::string_view in = unread_;
      const auto r = decoder_.feed(in);
      if (r.state == eventwire::codec::status::error) co_return "error: " + decoder_.error().message();
      if (r.state == eventwire::codec::status::event) {
        const ws::event e = decoder_.current();
        std::string seen = render(e);
        unread_.erase(0, r.consumed);
        co_return seen;
      }
      unread_.clear();
      char chunk[16384];
      auto [ec, n] = co_await c_.stream().async_read_some(asio::buffer(chunk), use_tuple);
      if (ec) co_return "end";
      unread_.assign(chunk, n);
    }
  }

 private:
  std::string render(const ws::event& e) {
    switch (e.kind) {
      case ws::event_kind::message:
        if (e.payload.size() > 100) return std::string(e.text ? "text" : "binary") + " of " + std::to_string(e.payload.size()) + " bytes";
        return std::string(e.text ? "text " : "binary ") + std::string(e.payload);
      case ws::event_kind::ping: return "ping " + std::string(e.payload);
      case ws::event_kind::pong: return "pong " + std::string(e.payload);
      case ws::event_kind::close: return "close " + std::to_string(e.close.code) + ' ' + std::string(e.close.reason);
    }
    return "?";
  }

  emulator::connection& c_;
  ws::frame_decoder decoder_{ws::role::server};
  std::string unread_;
};

struct loopback {
  asio::io_context io;
  std::unique_ptr<emulator::server> server;

  emulator::server& serve(emulator::handler h) {
    server = std::make_unique<emulator::server>(io.get_executor(), std::move(h));
    return *server;
  }
  ~loopback() {
    if (server) testing::stop_and_drain(io, {server.get()});
  }
  void run(std::function<awaitable<void>()> test) { testing::run(io, test()); }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(websocket_client_frames, loopback)

BOOST_AUTO_TEST_CASE(frames_that_come_with_the_101_are_kept_and_pings_answered) {
  std::vector<std::string> seen;
  auto& s = serve([&](emulator::request& req, emulator::connection& c) -> awaitable<std::optional<emulator::response>> {
    raw_peer peer(c);
    co_await peer.send(switching_protocols(req) + frame(ws::opcode::text, "first") + frame(ws::opcode::ping, "p1") +
                       frame(ws::opcode::text, "sec", false) + frame(ws::opcode::ping, "p2") +
                       frame(ws::opcode::continuation, "ond"));
    for (int i = 0; i < 3; ++i) seen.push_back(co_await peer.next());
    co_await peer.send(close_frame(4000, "done"));
    seen.push_back(co_await peer.next());
    seen.push_back(co_await peer.next());  // the client's end of the TCP connection
    co_return std::nullopt;
  });
  run([&]() -> awaitable<void> {
    net::websocket_client client(io.get_executor());
    const auto ec = co_await client.connect(s.websocket_url("/"));
    BOOST_TEST_REQUIRE(!ec, ec.message() << ": " << client.last_error_detail());
    boost::beast::flat_buffer buffer;
    auto [e1, n1] = co_await client.read(buffer);
    BOOST_TEST(!e1);
    BOOST_TEST(client.got_text());
    BOOST_TEST(boost::beast::buffers_to_string(buffer.data()) == "first");
    buffer.clear();
    auto [e2, n2] = co_await client.read(buffer);
    BOOST_TEST(!e2);
    BOOST_TEST(boost::beast::buffers_to_string(buffer.data()) == "second");
    const auto sent = co_await client.write_text("from client");
    BOOST_TEST(!sent, sent.message());
    auto [e3, n3] = co_await client.read(buffer);
    BOOST_TEST(e3 == std::error_code(net::error::websocket_closed), e3.message());
    BOOST_TEST(client.peer_close_reason().code == 4000u);
    BOOST_TEST(client.peer_close_reason().reason == "done");
    BOOST_TEST(!client.is_open());
    BOOST_TEST(client.last_error_detail() == "the peer closed the WebSocket with code 4000");
  });
  BOOST_TEST(seen == (std::vector<std::string>{"pong p1", "pong p2", "text from client", "close 4000 ", "end"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_101_without_the_right_accept_is_refused) {
  auto& s = serve([&](emulator::request& req, emulator::connection& c) -> awaitable<std::optional<emulator::response>> {
    raw_peer peer(c);
    co_await peer.send(switching_protocols(req, "d3JvbmcgYWNjZXB0IHZhbHVlIQ=="));
    co_await peer.next();
    co_return std::nullopt;
  });
  run([&]() -> awaitable<void> {
    net::websocket_client client(io.get_executor());
    const auto ec = co_await client.connect(s.websocket_url("/hub?access_token=secret"));
    BOOST_TEST(ec == std::error_code(net::error::upgrade_invalid), ec.message());
    BOOST_TEST(client.upgrade_status() == 101u);
    BOOST_TEST(!client.is_open());
    BOOST_TEST(client.last_error_detail().find("wrong Sec-WebSocket-Accept") != std::string::npos,
               client.last_error_detail());
    BOOST_TEST(client.last_error_detail().find("secret") == std::string::npos, client.last_error_detail());
  });
}

BOOST_AUTO_TEST_CASE(a_broken_server_fails_the_connection_with_a_close_that_says_why) {
  struct violation {
    std::string bytes;
    std::error_code error;
    std::string close_seen;
  };
  std::string masked;
  ws::append_frame(masked, ws::opcode::text, "hi", ws::mask_key{1, 2, 3, 4});
  const violation cases[] = {
      {masked, ws::error::masked_frame_from_server, "close 1002 "},
      {frame(ws::opcode::text, "\xff"), ws::error::invalid_utf8, "close 1007 "},
      {std::string("\xc1\x00", 2), ws::error::reserved_bits_set, "close 1002 "},
      {frame(ws::opcode::binary, std::string(20, 'b')), net::error::message_too_large, "close 1009 "},
  };
  for (const violation& v : cases) {
    std::string seen;
    auto& s = serve([&](emulator::request& req, emulator::connection& c) -> awaitable<std::optional<emulator::response>> {
      raw_peer peer(c);
      co_await peer.send(switching_protocols(req) + v.bytes);
      seen = co_await peer.next();
      co_return std::nullopt;
    });
    run([&]() -> awaitable<void> {
      net::websocket_options options;
      options.read_message_max = 10;
      net::websocket_client client(io.get_executor(), options);
      const auto connected = co_await client.connect(s.websocket_url("/"));
      BOOST_TEST_REQUIRE(!connected);
      boost::beast::flat_buffer buffer;
      auto [ec, n] = co_await client.read(buffer);
      BOOST_TEST(ec == v.error, ec.message());
      BOOST_TEST(!client.is_open());
      auto [again, n2] = co_await client.read(buffer);
      BOOST_TEST(again == std::error_code(net::error::not_connected));
      const std::function<bool()> close_seen = [&] { return !seen.empty(); };
      const bool arrived = co_await testing::eventually(close_seen);
      BOOST_TEST(arrived);
    });
    BOOST_TEST(seen == v.close_seen);
    testing::stop_and_drain(io, {server.get()});
    server.reset();
  }
}

BOOST_AUTO_TEST_CASE(every_client_frame_is_masked_with_its_own_key) {
  std::vector<std::string> seen;
  std::set<std::string> keys;
  auto& s = serve([&](emulator::request& req, emulator::connection& c) -> awaitable<std::optional<emulator::response>> {
    co_await asio::async_write(c.stream(), asio::buffer(switching_protocols(req)), use_tuple);
    std::string bytes;
    char chunk[4096];
    while (bytes.size() < 3 * (2 + 4 + 5)) {
      auto [ec, n] = co_await c.stream().async_read_some(asio::buffer(chunk), use_tuple);
      if (ec) co_return std::nullopt;
      bytes.append(chunk, n);
    }
    for (std::size_t at = 0; at + 11 <= bytes.size(); at += 11) {
      seen.push_back(std::to_string(static_cast<unsigned char>(bytes[at])) + " " +
                     std::to_string(static_cast<unsigned char>(bytes[at + 1])));
      keys.insert(bytes.substr(at + 2, 4));
    }
    co_return std::nullopt;
  });
  run([&]() -> awaitable<void> {
    net::websocket_client client(io.get_executor());
    const auto connected = co_await client.connect(s.websocket_url("/"));
    BOOST_TEST_REQUIRE(!connected);
    for (const char* m : {"one..", "two..", "three"}) {
      const auto sent = co_await client.write_text(m);
      BOOST_TEST(!sent, sent.message());
    }
    const std::function<bool()> all_seen = [&] { return seen.size() == 3; };
    const bool arrived = co_await testing::eventually(all_seen);
    BOOST_TEST(arrived);
  });
  // FIN + text, and the mask bit with length 5.
  BOOST_TEST(seen == (std::vector<std::string>{"129 133", "129 133", "129 133"}), boost::test_tools::per_element());
  BOOST_TEST(keys.size() == 3u);
}

BOOST_AUTO_TEST_CASE(a_ping_that_arrives_during_a_long_write_is_answered_after_it) {
  constexpr std::size_t big = 32 << 20;  // more than loopback socket buffers hold
  std::vector<std::string> seen;
  auto& s = serve([&](emulator::request& req, emulator::connection& c) -> awaitable<std::optional<emulator::response>> {
    raw_peer peer(c, big);
    co_await peer.send(switching_protocols(req));
    // The first bytes of the client's frame: its write has begun, and it cannot end before this
    // side reads on, for the frame is larger than the socket buffers hold.
    co_await peer.wait_for_bytes();
    co_await peer.send(frame(ws::opcode::ping, "late"));
    for (int i = 0; i < 2; ++i) seen.push_back(co_await peer.next());
    co_await peer.send(close_frame(1000));
    seen.push_back(co_await peer.next());
    co_return std::nullopt;
  });
  run([&]() -> awaitable<void> {
    net::websocket_client client(io.get_executor());
    const auto connected = co_await client.connect(s.websocket_url("/"));
    BOOST_TEST_REQUIRE(!connected);
    boost::beast::flat_buffer buffer;
    const std::string payload(big, 'x');
    // The read is pending all through the write: the Ping reaches it while the write is stuck.
    const auto [read_error, n, write_error] = co_await (client.read(buffer) && client.write_binary(payload));
    BOOST_TEST(!write_error, write_error.message());
    BOOST_TEST(read_error == std::error_code(net::error::websocket_closed));
  });
  BOOST_TEST(seen == (std::vector<std::string>{"binary of 33554432 bytes", "pong late", "close 1000 "}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_close_reason_too_long_for_the_frame_is_cut_between_characters) {
  // 121 bytes, then a 3-byte character across the 123-byte limit of a Close reason.
  const std::string reason = std::string(121, 'r') + "\xe2\x82\xac" + "tail";
  std::vector<std::string> seen;
  auto& s = serve([&](emulator::request& req, emulator::connection& c) -> awaitable<std::optional<emulator::response>> {
    raw_peer peer(c);
    co_await peer.send(switching_protocols(req));
    seen.push_back(co_await peer.next());  // an error if the reason was cut inside the character
    co_await peer.send(close_frame(1000));
    seen.push_back(co_await peer.next());
    co_return std::nullopt;
  });
  run([&]() -> awaitable<void> {
    net::websocket_client client(io.get_executor());
    const auto connected = co_await client.connect(s.websocket_url("/"));
    BOOST_TEST_REQUIRE(!connected);
    const auto closed = co_await client.close(reason, 4000);
    BOOST_TEST(!closed, closed.message());
  });
  BOOST_TEST(seen == (std::vector<std::string>{"close 4000 " + std::string(121, 'r'), "end"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_SUITE_END()
