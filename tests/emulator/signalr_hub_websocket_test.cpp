// The hub's WebSocket layer (its own frame codec since the upgrade) against Beast's client, an
// independent implementation: control frames, the closing handshake, protocol failures, early
// bytes, and messages gathered into socket writes.
#include "signalr_hub_testing.hpp"

#include <eventwire/websocket/frame_encoder.hpp>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read_until.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/websocket/stream.hpp>

using namespace signalr_hub_testing;
namespace beast_ws = boost::beast::websocket;
namespace ws = eventwire::websocket;

namespace {

constexpr auto use_tuple = asio::as_tuple(asio::use_awaitable);
using beast_client = beast_ws::stream<boost::beast::tcp_stream>;

// A Beast WebSocket client upgraded on the hub's URL (no negotiate), handshake not sent.
awaitable<void> upgrade(beast_client& client, const emulator::signalr_hub& hub) {
  const net::url where = hub.base_url();
  asio::ip::tcp::endpoint at(asio::ip::make_address(where.host), where.port);
  auto [connect_error] = co_await client.next_layer().async_connect(at, use_tuple);
  BOOST_TEST_REQUIRE(!connect_error, connect_error.message());
  client.set_option(beast_ws::stream_base::timeout::suggested(boost::beast::role_type::client));
  auto [upgrade_error] = co_await client.async_handshake(where.host_header(), where.path, use_tuple);
  BOOST_TEST_REQUIRE(!upgrade_error, upgrade_error.message());
  client.text(true);
}

awaitable<std::string> read_text(beast_client& client, boost::system::error_code& ec) {
  boost::beast::flat_buffer buffer;
  auto [read_error, n] = co_await client.async_read(buffer, use_tuple);
  ec = read_error;
  co_return boost::beast::buffers_to_string(buffer.data());
}

awaitable<void> join(beast_client& client, const emulator::signalr_hub& hub) {
  co_await upgrade(client, hub);
  auto [ec, n] = co_await client.async_write(asio::buffer(handshake_request), use_tuple);
  BOOST_TEST_REQUIRE(!ec, ec.message());
  boost::system::error_code read_error;
  const std::string answer = co_await read_text(client, read_error);
  BOOST_TEST_REQUIRE(!read_error, read_error.message());
  BOOST_TEST_REQUIRE(answer == "{}\x1e");
}

// The arguments of the one invocation record a message holds.
std::string arguments_of(const std::string& message) {
  BOOST_TEST_REQUIRE(message.ends_with('\x1e'));
  BOOST_TEST_REQUIRE(std::count(message.begin(), message.end(), '\x1e') == 1);
  return std::string(std::get<signalr::invocation>(decode(message.substr(0, message.size() - 1))).arguments.text());
}

}  // namespace

BOOST_AUTO_TEST_SUITE(signalr_hub_websocket)

BOOST_AUTO_TEST_CASE(a_ping_is_answered_with_a_pong_carrying_its_payload) {
  with_hub({}, [](asio::io_context& io, emulator::signalr_hub& hub) -> awaitable<void> {
    beast_client client(io.get_executor());
    co_await join(client, hub);
    std::vector<std::string> pongs;
    client.control_callback([&](beast_ws::frame_type kind, boost::beast::string_view payload) {
      if (kind == beast_ws::frame_type::pong) pongs.emplace_back(payload);
    });
    auto [ping_error] = co_await client.async_ping("are you there", use_tuple);
    BOOST_TEST_REQUIRE(!ping_error, ping_error.message());
    // Beast sees a Pong only inside a read, which returns at the next message: one a round
    // until the Pong came (the hub owes it from the moment it read the Ping).
    for (int round = 0; round < 100 && pongs.empty(); ++round) {
      BOOST_TEST_REQUIRE(hub.broadcast("Event", "[" + std::to_string(round) + "]") == 1u);
      boost::system::error_code ec;
      const std::string message = co_await read_text(client, ec);
      BOOST_TEST_REQUIRE(!ec, ec.message());
      BOOST_TEST(arguments_of(message) == "[" + std::to_string(round) + "]");
    }
    BOOST_TEST(pongs == std::vector<std::string>{"are you there"});
  });
}

BOOST_AUTO_TEST_CASE(a_client_close_is_answered_with_its_code_and_ends_the_connection) {
  with_hub({}, [](asio::io_context& io, emulator::signalr_hub& hub) -> awaitable<void> {
    beast_client client(io.get_executor());
    co_await join(client, hub);
    // Beast's close completes only after the server's Close frame and the end of TCP.
    auto [ec] = co_await client.async_close(beast_ws::close_reason(beast_ws::close_code::going_away), use_tuple);
    BOOST_TEST(!ec, ec.message());
    BOOST_TEST((client.reason().code == beast_ws::close_code::going_away));
    BOOST_TEST(co_await hub.wait_until([&] { return hub.connection_count() == 0; }));
  });
}

BOOST_AUTO_TEST_CASE(a_protocol_failure_is_closed_with_the_code_that_says_why) {
  struct failure {
    std::string message;
    bool text;
    std::uint16_t code;
  };
  const std::vector<failure> failures{
      {std::string(emulator::signalr_hub_options{}.max_websocket_message_size + 1, 'x'), true, 1009},
      {std::string("{\"protocol\":\"json\",\"version\":1}\xff\x1e"), true, 1007},
  };
  for (const failure& f : failures) {
    with_hub({}, [&](asio::io_context& io, emulator::signalr_hub& hub) -> awaitable<void> {
      beast_client client(io.get_executor());
      co_await upgrade(client, hub);
      client.text(f.text);
      client.binary(!f.text);
      // Beast checks the UTF-8 of what it reads, not of what it writes.
      auto [write_error, n] = co_await client.async_write(asio::buffer(f.message), use_tuple);
      BOOST_TEST_REQUIRE(!write_error, write_error.message());
      boost::system::error_code ec;
      co_await read_text(client, ec);
      BOOST_TEST((ec == beast_ws::error::closed), ec.message());
      BOOST_TEST(static_cast<std::uint16_t>(client.reason().code) == f.code);
      BOOST_TEST(co_await hub.wait_until([&] { return hub.connection_count() == 0; }));
    });
  }
}

BOOST_AUTO_TEST_CASE(bytes_sent_before_the_upgrade_answer_are_not_lost) {
  with_hub({}, [](asio::io_context& io, emulator::signalr_hub& hub) -> awaitable<void> {
    // A client that sends its SignalR handshake in the same write as the upgrade request.
    const net::url where = hub.base_url();
    asio::ip::tcp::socket socket(io);
    asio::ip::tcp::endpoint at(asio::ip::make_address(where.host), where.port);
    auto [connect_error] = co_await socket.async_connect(at, use_tuple);
    BOOST_TEST_REQUIRE(!connect_error, connect_error.message());
    std::string bytes = "GET " + where.path + " HTTP/1.1\r\nHost: " + where.host +
                        "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
                        "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n";
    ws::append_frame(bytes, ws::opcode::text, handshake_request, ws::mask_key{1, 2, 3, 4});
    auto [write_error, written] = co_await asio::async_write(socket, asio::buffer(bytes), use_tuple);
    BOOST_TEST_REQUIRE(!write_error, write_error.message());
    std::string received;
    auto [read_error, head] = co_await asio::async_read_until(socket, asio::dynamic_buffer(received), "\r\n\r\n", use_tuple);
    BOOST_TEST_REQUIRE(!read_error, read_error.message());
    BOOST_TEST(received.starts_with("HTTP/1.1 101"));
    BOOST_TEST(received.find("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=") != std::string::npos);  // RFC 6455's example
    const std::string answer = std::string("\x81\x03{}\x1e", 5);
    auto [frame_error, framed] =
        co_await asio::async_read_until(socket, asio::dynamic_buffer(received), answer, use_tuple);
    BOOST_TEST(!frame_error, frame_error.message());
    BOOST_TEST(received.substr(head) == answer);
  });
}

BOOST_AUTO_TEST_CASE(records_queued_together_go_out_one_per_message_in_few_socket_writes) {
  with_hub({}, [](asio::io_context& io, emulator::signalr_hub& hub) -> awaitable<void> {
    hub.set_faults({.records_per_message = 1});
    beast_client client(io.get_executor());
    co_await join(client, hub);
    BOOST_TEST_REQUIRE(co_await hub.wait_until([&] { return hub.connections().at(0).handshaken; }));
    constexpr int count = 5000;
    for (int i = 0; i < count; ++i) BOOST_TEST_REQUIRE(hub.broadcast("Event", "[" + std::to_string(i) + "]") == 1u);
    for (int i = 0; i < count; ++i) {
      boost::system::error_code ec;
      const std::string message = co_await read_text(client, ec);
      BOOST_TEST_REQUIRE(!ec, ec.message());
      BOOST_TEST_REQUIRE(arguments_of(message) == "[" + std::to_string(i) + "]");
    }
    const auto info = hub.connections().at(0);
    BOOST_TEST(info.websocket_messages_sent == count + 1u);  // and the handshake answer
    // 5,000 messages of about 50 bytes queued at once: a few 64 KiB writes, not one each.
    BOOST_TEST(info.socket_writes <= 10u);
  });
}

BOOST_AUTO_TEST_SUITE_END()
