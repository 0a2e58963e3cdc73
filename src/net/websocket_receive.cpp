#include "detail/websocket_client_impl.hpp"

#include <eventwire/websocket/error.hpp>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/buffer.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <cstring>

namespace eventwire::net {

namespace asio = boost::asio;
namespace ws = eventwire::websocket;

namespace {

constexpr auto use_tuple = asio::as_tuple(asio::use_awaitable);

}  // namespace

asio::awaitable<websocket_client::impl::read_result> websocket_client::impl::read(boost::beast::flat_buffer& into) {
  if (!open) co_return read_result{error::not_connected, 0};
  if (reading) co_return read_result{error::websocket_closed, 0};  // close() reads until the peer's Close
  read_result result;
  reading = true;
  step first;
  if (met_before_read) {
    std::tie(first, result) = *met_before_read;
    met_before_read.reset();
  } else {
    first = decode_buffered(&into, result);
  }
  if (first == step::message) {  // the common case under load: no I/O at all
    reading = false;
    co_return result;
  }
  co_return co_await then(receive(&into, first, result), &impl::end_reading);
}

std::optional<websocket_client::impl::read_result> websocket_client::impl::read_buffered(
    boost::beast::flat_buffer& into) {
  if (!open || reading || met_before_read || incoming.empty()) return std::nullopt;
  read_result result;
  const step next = decode_buffered(&into, result);
  if (next == step::message) return result;
  if (next != step::need_bytes) met_before_read.emplace(next, result);
  return std::nullopt;
}

void websocket_client::impl::end_reading() noexcept {
  reading = false;
  if (close_waits_for_reader) reader_done.cancel();
}

websocket_client::impl::step websocket_client::impl::decode_buffered(boost::beast::flat_buffer* into,
                                                                      read_result& result) {
  while (!incoming.empty()) {
    const auto fed = decoder.feed(incoming.pending());
    incoming.consume(fed.consumed);
    if (fed.state == codec::status::need_more) return step::need_bytes;
    if (fed.state == codec::status::error) return refusal(decoder.error(), result);
    const ws::event& e = decoder.current();
    switch (e.kind) {
      case ws::event_kind::message: {
        if (into == nullptr || closing) continue;  // our Close went out: only the peer's matters
        if (e.payload.size() > into->max_size() - into->size())
          return refusal(ws::error::message_too_large, result);
        const auto room = into->prepare(e.payload.size());
        if (!e.payload.empty()) std::memcpy(room.data(), e.payload.data(), e.payload.size());
        into->commit(e.payload.size());
        got_text = e.text;
        result = {std::error_code{}, e.payload.size()};
        return step::message;
      }
      case ws::event_kind::ping:
        pong_payload.assign(e.payload);
        pong_owed = true;
        return step::ping;
      case ws::event_kind::pong:
        continue;
      case ws::event_kind::close:
        peer_closed = true;
        peer_reason = {e.close.code, std::string(e.close.reason)};
        return step::close;
    }
  }
  return step::need_bytes;
}

websocket_client::impl::step websocket_client::impl::refusal(std::error_code codec_error, read_result& result) {
  const bool too_large = codec_error == ws::error::message_too_large;
  result = {too_large ? std::error_code(error::message_too_large) : codec_error, 0};
  refusal_close_code = ws::close_code_for(codec_error);
  why = too_large ? "a WebSocket message larger than the limit of " + std::to_string(options.read_message_max) +
                        " bytes arrived"
                  : "the server broke the WebSocket protocol: " + codec_error.message();
  return step::failed;
}

// Fails the connection for what the server sent: a Close saying why goes out first when nothing
// else is being sent (no waiting), then the socket closes.
asio::awaitable<void> websocket_client::impl::fail_connection(std::error_code ec) {
  if (open && !close_sent && !write_turn_taken) {
    write_turn_taken = true;
    co_await send_close(refusal_close_code, {});
    end_write_turn();
  }
  shut(ec);
}

asio::awaitable<websocket_client::impl::read_result> websocket_client::impl::receive(boost::beast::flat_buffer* into,
                                                                                     step next, read_result result) {
  for (;;) {
    switch (next) {
      case step::message:
        co_return result;
      case step::failed:
        co_await fail_connection(std::get<0>(result));
        co_return result;
      case step::close:
        co_return co_await end_after_peer_close();
      case step::ping:
        if (!close_sent && !write_turn_taken) {
          write_turn_taken = true;
          const auto ec = co_await send_owed_pong();
          end_write_turn();
          if (ec) co_return read_result{ec, 0};
        }  // else the frame being sent is followed by the Pong
        next = decode_buffered(into, result);
        continue;
      case step::need_bytes:
        break;
    }
    auto [ec, n] = co_await transport->async_read_some(incoming.space(), use_tuple);
    if (ec) co_return read_result{failure(ec, error::read_timeout), 0};
    incoming.commit(n);
    next = decode_buffered(into, result);
  }
}

// The peer's Close arrived: answer it unless ours went out first, wait for the end of the
// connection (the server closes TCP first), and end the read as websocket_closed.
asio::awaitable<websocket_client::impl::read_result> websocket_client::impl::end_after_peer_close() {
  start_close_deadline();
  if (!close_sent) {
    const bool turn = co_await take_write_turn();
    if (turn && !close_sent) co_await send_close(peer_reason.code, {});
    if (turn) end_write_turn();
  }
  if (!closing)
    why = "the peer closed the WebSocket with code " + std::to_string(peer_reason.code);
  if (open) co_await shut_down_transport();
  shut(error::websocket_closed);
  co_return read_result{error::websocket_closed, 0};
}

asio::awaitable<void> websocket_client::impl::shut_down_transport() {
  if (auto* tls = transport->tls()) {
    co_await tls->async_shutdown(use_tuple);
    co_return;
  }
  auto& socket = transport->lowest_layer().socket();
  boost::system::error_code ignored;
  socket.shutdown(asio::ip::tcp::socket::shutdown_send, ignored);
  char drain[512];
  for (;;) {  // until the server's FIN (or the closing deadline)
    auto [ec, n] = co_await socket.async_read_some(asio::buffer(drain), use_tuple);
    if (ec) break;
  }
}

}  // namespace eventwire::net
