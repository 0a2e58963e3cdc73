#pragma once

#include "signalr_outbox.hpp"

#include <eventwire/emulator/server.hpp>
#include <eventwire/emulator/signalr_hub.hpp>
#include <eventwire/net/stream.hpp>
#include <eventwire/signalr/record_framer.hpp>
#include <eventwire/websocket/event.hpp>

#include <boost/asio/awaitable.hpp>
#include <boost/asio/steady_timer.hpp>

#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>

namespace eventwire::emulator::detail {

struct signalr_hub_state;

// One SignalR connection over an accepted WebSocket, framed with codecs/websocket (Beast only
// answers the upgrade). Three coroutines share it: the reader (WebSocket frames, then the
// SignalR handshake and hub messages), the writer (the only one that writes: queued records cut
// into messages as the faults say, gathered into one socket write while more are queued; Pongs;
// pings when idle; the closing handshake) and the watchdog (handshake timeout, client timeout,
// token expiry, a close that takes too long).
class signalr_session : public std::enable_shared_from_this<signalr_session> {
 public:
  using clock = std::chrono::steady_clock;
  static constexpr std::size_t max_pending_client_results = 1024;
  // Socket reads take up to this much; a client sends little (invocations, pings).
  static constexpr std::size_t receive_capacity = 16 * 1024;
  // Messages queued together go out in one socket write of about this size: a server that
  // writes each small message on its own spends a system call (and wakes its client) per message.
  static constexpr std::size_t gathered_write_size = 64 * 1024;

  // `early_bytes`: what the client sent after its upgrade request, before the answer.
  signalr_session(signalr_hub_state& hub, std::uint64_t id, net::stream transport, std::string_view early_bytes);

  signalr_connection_info info;
  std::string negotiated_token;  // empty for a connection that skipped negotiate
  std::optional<clock::time_point> token_expiry;

  // Answers the upgrade request with 101.
  boost::asio::awaitable<std::error_code> accept(request& upgrade);
  // Serves the connection until it ends, however it ends (cancellation included).
  boost::asio::awaitable<void> run();

  bool finished() const noexcept { return finished_; }
  bool closing() const noexcept { return closing_; }
  // Whether records may still be queued: handshaken, not closing, not gone.
  bool open() const noexcept { return info.handshaken && !closing_ && !finished_; }

  // Queues one record (0x1E included); false unless open().
  bool enqueue(std::string_view record);
  // Bytes queued and not yet handed to the socket: the outbox and the rest of the writer's batch.
  std::size_t queued_bytes() const noexcept { return outbox_.bytes() + (batch_.size() - batch_offset_); }
  std::uint64_t records_queued() const noexcept { return outbox_.records_queued(); }
  std::uint64_t records_written() const noexcept { return records_written_; }

  // Queues a Close message (with `error` and allowReconnect when true; none before the
  // handshake or without `send_message`), then closes the WebSocket with 1000.
  void request_close(std::optional<std::string_view> error, bool allow_reconnect,
                     bool send_message = true);
  // Ends the connection at once: no Close message, no close frame; FIN or, with `reset`, RST.
  void drop(bool reset);
  // The faults changed: the writer re-reads them.
  void faults_changed() { wake_writer(); }

  // Client results: sends an invocation with a fresh id and remembers it; std::nullopt when
  // too many are pending or the connection is not open.
  std::optional<std::string> start_client_invocation(std::string_view target, std::string_view arguments);
  // The completion for `invocation_id` once it arrived (and forgets it), else std::nullopt.
  std::optional<signalr_completion> take_client_result(const std::string& invocation_id);
  bool client_result_arrived(const std::string& invocation_id) const;
  void forget_client_invocation(const std::string& invocation_id);

 private:
  boost::asio::awaitable<void> reader();
  boost::asio::awaitable<void> writer();
  boost::asio::awaitable<void> watchdog();

  // Reader steps. false: stop interpreting input (the connection is closing).
  boost::asio::awaitable<bool> on_handshake(std::string_view record);
  bool on_message(std::string_view record);
  void on_invocation(std::string_view target, std::string_view arguments,
                     const std::optional<std::string>& invocation_id);

  // Reader steps for WebSocket frames. false: read no further.
  boost::asio::awaitable<bool> on_frame(const websocket::event& frame, signalr::record_framer& framer);

  // Writer steps. write_messages: false when the connection ended.
  boost::asio::awaitable<bool> write_messages();
  // Appends `message` as WebSocket text messages (split as the faults say); returns how many.
  std::size_t append_message_frames(std::string_view message);
  // Sends a Close frame with `code` (0: none) unless one went out, waits for the client's Close
  // when `wait_for_peer`, then ends the connection.
  boost::asio::awaitable<void> close_websocket(std::uint16_t code, bool wait_for_peer);
  boost::asio::awaitable<void> shut_down_transport();
  boost::asio::awaitable<void> sleep_writer(clock::time_point until);
  void wake_writer();
  void wake_watchdog();
  clock::time_point next_watchdog_deadline() const;
  void finish() noexcept;
  void note_written(std::size_t records, std::size_t hub_messages);

  signalr_hub_state& hub_;
  net::stream transport_;
  std::string received_;  // bytes the reader has not decoded yet
  signalr_outbox outbox_;
  std::string batch_;  // what the writer took from the outbox; written up to batch_offset_
  std::size_t batch_offset_ = 0;
  std::string outgoing_;  // WebSocket frames on their way to the socket
  std::string pong_payload_;
  bool pong_owed_ = false;
  bool close_frame_sent_ = false;
  bool interpreting_ = true;  // false after a refused record or a Close message
  bool peer_closed_ = false;  // the client's Close frame arrived
  std::uint16_t peer_close_code_ = 0;
  std::uint16_t failure_code_ = 0;  // the client broke the WebSocket protocol: the Close code that says so
  boost::asio::steady_timer writer_wake_;
  boost::asio::steady_timer watchdog_wake_;
  bool writer_sleeping_ = false;
  bool watchdog_sleeping_ = false;
  bool closing_ = false;
  bool finished_ = false;
  clock::time_point accepted_at_ = clock::now();
  clock::time_point close_requested_at_;
  clock::time_point last_sent_ = clock::now();
  std::uint64_t records_written_ = 0;
  std::uint64_t hub_messages_written_ = 0;
  std::uint64_t next_invocation_id_ = 0;
  std::map<std::string, std::optional<signalr_completion>> client_results_;
  std::string scratch_;  // for records the session writes itself
};

}  // namespace eventwire::emulator::detail
