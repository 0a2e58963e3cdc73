#include "detail/websocket_client_impl.hpp"

#include <eventwire/websocket/close_payload.hpp>
#include <eventwire/websocket/frame_encoder.hpp>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/buffer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>

namespace eventwire::net {

namespace asio = boost::asio;
namespace ws = eventwire::websocket;

namespace {

constexpr auto use_tuple = asio::as_tuple(asio::use_awaitable);

// A frame buffer grown past this by a large message is given back after it.
constexpr std::size_t kept_frame_capacity = 64 * 1024;

// `reason` cut to what a Close frame holds, at a character boundary.
std::string_view close_reason_cut(std::string_view reason) {
  if (reason.size() <= ws::max_close_reason) return reason;
  std::size_t n = ws::max_close_reason;
  while (n > 0 && (static_cast<unsigned char>(reason[n]) & 0xC0) == 0x80) --n;
  return reason.substr(0, n);
}

}  // namespace

// Frames go out one at a time; whoever wants to send waits for its turn.
asio::awaitable<bool> websocket_client::impl::take_write_turn() {
  while (open && write_turn_taken) {
    ++turn_waiters;
    co_await turn_free.async_wait(use_tuple);  // cancelled when the turn ends or the connection does
    --turn_waiters;
  }
  if (!open) co_return false;
  write_turn_taken = true;
  co_return true;
}

void websocket_client::impl::end_write_turn() noexcept {
  write_turn_taken = false;
  if (turn_waiters != 0) turn_free.cancel();
}

asio::awaitable<std::error_code> websocket_client::impl::send_frame(ws::opcode op, std::string_view payload) {
  outgoing.clear();
  ws::append_frame(outgoing, op, payload, masks.next_key());
  begin_send();
  auto [ec, written] = co_await asio::async_write(*transport, asio::buffer(outgoing), use_tuple);
  sending = false;
  if (outgoing.capacity() > kept_frame_capacity) std::string().swap(outgoing);
  if (ec) co_return failure(ec, error::write_timeout);
  co_return std::error_code{};
}

asio::awaitable<std::error_code> websocket_client::impl::send_owed_pong() {
  pong_owed = false;
  co_return co_await send_frame(ws::opcode::pong, pong_payload);
}

asio::awaitable<std::error_code> websocket_client::impl::send_close(std::uint16_t code, std::string_view reason) {
  std::string payload;
  ws::append_close_payload(payload, {code, close_reason_cut(reason)});
  close_sent = true;
  co_return co_await send_frame(ws::opcode::close, payload);
}

asio::awaitable<std::error_code> websocket_client::impl::write(std::string_view message, bool text) {
  if (!open) co_return ended_by ? ended_by : std::error_code(error::not_connected);
  if (close_sent) co_return error::websocket_closed;
  const bool turn = co_await take_write_turn();
  if (!turn) co_return ended_by ? ended_by : std::error_code(error::not_connected);
  co_return co_await then(send_message(message, text), &impl::end_write_turn);
}

asio::awaitable<std::error_code> websocket_client::impl::send_message(std::string_view message, bool text) {
  const auto ec = co_await send_frame(text ? ws::opcode::text : ws::opcode::binary, message);
  if (!ec && pong_owed && !close_sent) co_await send_owed_pong();
  co_return ec;
}

asio::awaitable<std::error_code> websocket_client::impl::close(std::string_view reason, std::uint16_t code) {
  if (!open) co_return error::not_connected;
  closing = true;
  start_close_deadline();
  const auto ec = co_await then(closing_handshake(reason, code), &impl::release_close_turns);
  stop_watchdog();
  if (ec) co_return ec;
  if (peer_closed) co_return std::error_code{};
  if (timed_out) co_return *timed_out;
  co_return ended_by ? ended_by : std::error_code(error::connection_closed);
}

// Sends our Close, then waits for the peer's: by reading until it comes, or, when a read() is
// pending, for that read to see it.
asio::awaitable<std::error_code> websocket_client::impl::closing_handshake(std::string_view reason,
                                                                           std::uint16_t code) {
  if (!close_sent) {
    close_holds_write_turn = co_await take_write_turn();
    std::error_code ec;
    if (close_holds_write_turn && !close_sent) ec = co_await send_close(code, reason);
    release_close_turns();
    if (ec) co_return ec;
  }
  while (open && !peer_closed) {
    if (reading) {
      close_waits_for_reader = true;
      co_await reader_done.async_wait(use_tuple);  // cancelled when that read ends
      close_waits_for_reader = false;
      continue;
    }
    reading = close_reads = true;
    read_result result;
    const step first = decode_buffered(nullptr, result);
    co_await receive(nullptr, first, result);
    release_close_turns();
  }
  co_return std::error_code{};
}

// Gives back what closing_handshake holds, also when a cancellation cut it short.
void websocket_client::impl::release_close_turns() noexcept {
  if (close_holds_write_turn) end_write_turn();
  if (close_reads) end_reading();
  close_holds_write_turn = close_reads = close_waits_for_reader = false;
}

}  // namespace eventwire::net
