#include "detail/classify.hpp"
#include "detail/http_exchange.hpp"
#include "detail/websocket_client_impl.hpp"
#include "detail/websocket_handshake.hpp"

#include <eventwire/net/connect.hpp>
#include <eventwire/net/redact.hpp>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>

namespace eventwire::net {

namespace asio = boost::asio;
namespace http = boost::beast::http;

namespace {

constexpr auto use_tuple = asio::as_tuple(asio::use_awaitable);

// The upgrade response's header, and the body of a refusal (an error page).
constexpr std::uint32_t response_header_limit = 16 * 1024;
constexpr std::uint64_t refusal_body_limit = 1024 * 1024;
// What the response is read into: its header, and the frames that may follow it in one read.
constexpr std::size_t response_buffer_limit = response_header_limit + 64 * 1024;

}  // namespace

asio::awaitable<std::error_code> websocket_client::impl::connect(const url& where, http::fields headers) {
  shut(error::not_connected);
  transport.reset();
  upgrade = {};
  why.clear();
  open = closing = close_sent = peer_closed = false;
  peer_reason = {};
  ended_by.clear();
  got_text = false;
  pong_owed = false;
  sending = false;
  write_turn_taken = close_holds_write_turn = false;
  reading = close_reads = close_waits_for_reader = false;
  close_deadline.reset();
  timed_out.reset();
  decoder.reset();
  decoder.max_message_size = options.read_message_max;
  incoming.clear();

  const url target = to_websocket(where);
  const connect_options how{options.connect_timeout, options.handshake_timeout, options.tls};
  if (auto ec = co_await net::connect(transport, target, how, why)) co_return ec;

  const std::string key = detail::make_websocket_key(masks);
  auto request = detail::make_upgrade_request(target, headers, key, options.user_agent);
  boost::beast::flat_buffer buffer(response_buffer_limit);
  http::response_parser<http::string_body> parser;
  parser.header_limit(response_header_limit);
  parser.body_limit(refusal_body_limit);
  auto& tcp = transport->lowest_layer();
  detail::arm(tcp, options.handshake_timeout);
  auto [write_error, written] = co_await http::async_write(*transport, request, use_tuple);
  boost::system::error_code exchange_error = write_error;
  if (!exchange_error) {
    auto [read_error, read] = co_await http::async_read(*transport, buffer, parser, use_tuple);
    exchange_error = read_error;
  }
  tcp.expires_never();
  std::error_code ec;
  std::string detail;
  if (exchange_error) {
    ec = detail::classify(exchange_error, error::handshake_timeout);
    detail = "failed: " + ec.message();
  } else {
    upgrade = parser.release();
    ec = detail::check_upgrade_response(upgrade, key, headers, detail);
  }
  if (ec) {
    why = "WebSocket upgrade at " + redact(target) + " " + detail;
    transport->close();
    transport.reset();
    co_return ec;
  }

  const auto rest = buffer.data();  // the first frames, when they came with the response
  incoming.assign(std::string_view(static_cast<const char*>(rest.data()), rest.size()));
  open = true;
  transport->note_received_now();
  if (options.idle_timeout != clock::duration::zero())
    arm_watchdog(transport->last_received() + options.idle_timeout);
  co_return std::error_code{};
}

}  // namespace eventwire::net
