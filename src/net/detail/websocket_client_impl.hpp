#pragma once

#include "mask_key_source.hpp"
#include "receive_buffer.hpp"

#include <eventwire/net/error.hpp>
#include <eventwire/net/stream.hpp>
#include <eventwire/net/websocket_client.hpp>
#include <eventwire/websocket/frame_decoder.hpp>
#include <eventwire/websocket/opcode.hpp>

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/fields.hpp>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <tuple>
#include <utility>

namespace eventwire::net {

// One connection's state and the steps that drive it, by job: websocket_upgrade.cpp (connect),
// websocket_receive.cpp (read; answering Ping and Close), websocket_send.cpp (write, close),
// websocket_watchdog.cpp (deadlines), websocket_client.cpp (the rest).
struct websocket_client::impl : std::enable_shared_from_this<impl> {
  using clock = std::chrono::steady_clock;
  using read_result = std::tuple<std::error_code, std::size_t>;

  // Socket reads take at least this much at once, so a burst of small messages costs one system
  // call per 64 KiB rather than one per message (and more under load: receive_buffer_max).
  static constexpr std::size_t receive_capacity = 64 * 1024;

  impl(boost::asio::any_io_executor ex, websocket_options o);

  boost::asio::any_io_executor executor;
  websocket_options options;
  std::optional<stream> transport;
  http_response upgrade;
  std::string why;

  bool open = false;         // upgraded, and neither closed nor failed since
  bool closing = false;      // close() has begun
  bool close_sent = false;
  bool peer_closed = false;  // the peer's Close arrived
  websocket_close_reason peer_reason;
  std::error_code ended_by;  // what ended the connection, when it failed

  // Receiving: one reader at a time, a read() or a close() waiting for the peer's Close.
  websocket::frame_decoder decoder{websocket::role::client};
  detail::receive_buffer incoming{receive_capacity, options.receive_buffer_max};
  bool got_text = false;
  bool reading = false;
  bool close_waits_for_reader = false;
  bool close_reads = false;  // close() is the reader
  std::uint16_t refusal_close_code = 0;  // the Close code that says why we fail the connection
  boost::asio::steady_timer reader_done;  // never expires: cancelled to wake close()

  // Sending: one frame at a time. A Pong owed while another frame is on its way is sent next.
  detail::mask_key_source masks;
  std::string outgoing;
  std::string pong_payload;
  bool pong_owed = false;
  bool write_turn_taken = false;
  bool close_holds_write_turn = false;
  unsigned turn_waiters = 0;
  boost::asio::steady_timer turn_free;  // never expires: cancelled to wake turn_waiters

  // Deadlines: one timer for the idle, write and closing deadlines (websocket_watchdog.cpp).
  boost::asio::steady_timer watchdog;
  bool watching = false;
  bool sending = false;  // a frame is on its way to the socket
  clock::time_point write_started;
  std::optional<clock::time_point> close_deadline;
  std::optional<error> timed_out;

  // websocket_upgrade.cpp
  boost::asio::awaitable<std::error_code> connect(const url& where, boost::beast::http::fields headers);

  // websocket_receive.cpp
  enum class step { message, ping, close, need_bytes, failed };
  // What read_buffered() met instead of a message (a Ping, Close or failure), for read() to go
  // on from.
  std::optional<std::pair<step, read_result>> met_before_read;
  boost::asio::awaitable<read_result> read(boost::beast::flat_buffer& into);
  std::optional<read_result> read_buffered(boost::beast::flat_buffer& into);
  // Goes on from `next` until a message arrives (appended to *into) or, with into null,
  // discards messages until the peer's Close.
  boost::asio::awaitable<read_result> receive(boost::beast::flat_buffer* into, step next, read_result result);
  // Decodes the bytes already received, up to the next event that needs an answer; no I/O.
  step decode_buffered(boost::beast::flat_buffer* into, read_result& result);
  step refusal(std::error_code codec_error, read_result& result);
  boost::asio::awaitable<void> fail_connection(std::error_code ec);
  boost::asio::awaitable<read_result> end_after_peer_close();
  boost::asio::awaitable<void> shut_down_transport();
  void end_reading() noexcept;

  // websocket_send.cpp
  boost::asio::awaitable<bool> take_write_turn();
  void end_write_turn() noexcept;
  boost::asio::awaitable<std::error_code> send_frame(websocket::opcode op, std::string_view payload);
  boost::asio::awaitable<std::error_code> send_owed_pong();
  boost::asio::awaitable<std::error_code> send_close(std::uint16_t code, std::string_view reason);
  boost::asio::awaitable<std::error_code> write(std::string_view message, bool text);
  boost::asio::awaitable<std::error_code> send_message(std::string_view message, bool text);
  boost::asio::awaitable<std::error_code> close(std::string_view reason, std::uint16_t code);
  boost::asio::awaitable<std::error_code> closing_handshake(std::string_view reason, std::uint16_t code);
  void release_close_turns() noexcept;

  // websocket_watchdog.cpp
  std::optional<clock::time_point> next_deadline() const;
  void arm_watchdog(clock::time_point at);
  void watch_until(clock::time_point deadline);
  void on_watchdog();
  void stop_watchdog() noexcept;
  void drop(error reason);
  void begin_send();
  void start_close_deadline();

  // websocket_client.cpp
  // The error a failed operation ends with (timeouts and closes by their net::error name); the
  // connection is over.
  std::error_code failure(const boost::system::error_code& ec, error timeout_as);
  // Ends the connection at once: the socket closes, pending operations end, waiters wake.
  void shut(std::error_code reason) noexcept;
  // What abort() and a cancelled operation end the connection with.
  static std::error_code aborted() noexcept;

  // Awaits `op`, then runs `done`. A cancellation thrown out of `op` (Asio throws at the next
  // co_await of a cancelled coroutine) runs `done` too, and ends the connection.
  template <class T>
  boost::asio::awaitable<T> then(boost::asio::awaitable<T> op, void (impl::*done)() noexcept) {
    try {
      T result = co_await std::move(op);
      (this->*done)();
      co_return result;
    } catch (...) {
      (this->*done)();
      shut(aborted());
      throw;
    }
  }
};

}  // namespace eventwire::net
