#include "signalr_session.hpp"

#include "signalr_hub_state.hpp"
#include "signalr_wire.hpp"

#include <eventwire/signalr/hub_message_decoder.hpp>
#include <eventwire/signalr/hub_message_encoder.hpp>
#include <eventwire/websocket/close_payload.hpp>
#include <eventwire/websocket/frame_decoder.hpp>
#include <eventwire/websocket/frame_encoder.hpp>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/buffer.hpp>
#include <boost/asio/experimental/awaitable_operators.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/websocket/stream.hpp>

#include <algorithm>
#include <exception>
#include <limits>
#include <memory>

namespace eventwire::emulator::detail {

namespace asio = boost::asio;
namespace ws = eventwire::websocket;
using clock = std::chrono::steady_clock;

namespace {

constexpr auto use_tuple = asio::as_tuple(asio::use_awaitable);
// How long a close may take (the Close message, the closing handshake) before the hub drops
// the connection instead.
constexpr auto close_grace = std::chrono::seconds(5);
constexpr std::string_view closed_with_error = "Connection closed with an error.";
constexpr std::string_view token_expired = "The access token has expired.";

asio::awaitable<bool> cancelled() {
  const auto state = co_await asio::this_coro::cancellation_state;
  co_return state.cancelled() != asio::cancellation_type::none;
}

std::string decoded(const json::raw_string& s) {
  std::string out;
  s.append_to(out);
  return out;
}

bool continuation_byte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// The end of the piece of `text` that starts at `begin` and is about `size` bytes long, moved so
// that no UTF-8 sequence is split (each text message must be valid UTF-8 on its own).
std::size_t piece_end(std::string_view text, std::size_t begin, std::size_t size) {
  std::size_t end = std::min(text.size(), begin + size);
  while (end > begin && end < text.size() && continuation_byte(text[end])) --end;
  if (end > begin) return end;
  end = begin + 1;
  while (end < text.size() && continuation_byte(text[end])) ++end;
  return end;
}

}  // namespace

signalr_session::signalr_session(signalr_hub_state& hub, std::uint64_t id, net::stream transport,
                                 std::string_view early_bytes)
    : hub_(hub),
      transport_(std::move(transport)),
      received_(early_bytes),
      writer_wake_(hub.executor),
      watchdog_wake_(hub.executor) {
  info.id = id;
}

asio::awaitable<std::error_code> signalr_session::accept(request& upgrade) {
  // Beast checks the upgrade request and answers it (101, or 400 saying what is wrong); the
  // frames after it are ours.
  boost::beast::websocket::stream<net::stream&> upgrading(transport_);
  auto [ec] = co_await upgrading.async_accept(upgrade, use_tuple);
  if (ec) co_return ec;
  // Kestrel's default too: without it every small message waits for the previous one's ACK.
  boost::system::error_code ignored;
  transport_.lowest_layer().socket().set_option(asio::ip::tcp::no_delay(true), ignored);
  accepted_at_ = clock::now();
  last_sent_ = accepted_at_;
  co_return std::error_code{};
}

asio::awaitable<void> signalr_session::run() {
  using namespace asio::experimental::awaitable_operators;
  try {
    co_await (reader() && writer() && watchdog());
  } catch (const std::exception&) {
    // A cancelled child may throw; the connection is over either way.
  }
  finish();
}

void signalr_session::finish() noexcept {
  if (!finished_) transport_.close();
  finished_ = true;
  closing_ = true;
  // The reader may have ended first (the client's Close): nothing else would wake these.
  wake_writer();
  wake_watchdog();
}

bool signalr_session::enqueue(std::string_view record) {
  if (!open()) return false;
  outbox_.append(record);
  wake_writer();
  return true;
}

void signalr_session::request_close(std::optional<std::string_view> error, bool allow_reconnect,
                                    bool send_message) {
  if (closing_ || finished_) return;
  if (send_message && info.handshaken) {
    scratch_.clear();
    signalr::append_close(scratch_, error, allow_reconnect ? std::optional<bool>(true) : std::nullopt);
    outbox_.append(scratch_);
  }
  closing_ = true;
  close_requested_at_ = clock::now();
  wake_writer();
  wake_watchdog();
  hub_.notify_all();
}

void signalr_session::drop(bool reset) {
  if (finished_) return;
  auto& socket = transport_.lowest_layer().socket();
  boost::system::error_code ignored;
  if (reset) {
    socket.set_option(asio::socket_base::linger(true, 0), ignored);
    socket.close(ignored);
  }
  transport_.close();
  finished_ = true;
  closing_ = true;
  wake_writer();
  wake_watchdog();
  hub_.notify_all();
}

// --- reader ---------------------------------------------------------------------------------

asio::awaitable<void> signalr_session::reader() {
  co_await asio::this_coro::throw_if_cancelled(false);
  ws::frame_decoder decoder(ws::role::server);
  decoder.max_message_size = hub_.options.max_websocket_message_size;
  signalr::record_framer framer;
  framer.max_record_size = hub_.options.max_receive_message_size;
  const auto buffer = std::make_unique_for_overwrite<char[]>(receive_capacity);
  std::string_view input = received_;
  for (bool reading = true; reading;) {
    while (reading && !input.empty()) {
      const auto fed = decoder.feed(input);
      input.remove_prefix(fed.consumed);
      if (fed.state == codec::status::error) {
        hub_.log("signalr hub: connection " + info.connection_id + ": " + decoder.error().message());
        failure_code_ = ws::close_code_for(decoder.error());
        reading = false;
      } else if (fed.state == codec::status::event) {
        reading = co_await on_frame(decoder.current(), framer);
      }
    }
    if (!reading || finished_) break;
    auto [ec, n] = co_await transport_.async_read_some(asio::buffer(buffer.get(), receive_capacity), use_tuple);
    if (ec || finished_) {
      finished_ = true;
      break;
    }
    input = std::string_view(buffer.get(), n);
  }
  std::string().swap(received_);
  wake_writer();
  wake_watchdog();
}

asio::awaitable<bool> signalr_session::on_frame(const ws::event& frame, signalr::record_framer& framer) {
  switch (frame.kind) {
    case ws::event_kind::message:
      break;
    case ws::event_kind::ping:
      pong_payload_.assign(frame.payload);
      pong_owed_ = true;
      wake_writer();
      co_return true;
    case ws::event_kind::pong:
      co_return true;
    case ws::event_kind::close:
      peer_closed_ = true;
      peer_close_code_ = frame.close.code;
      co_return false;
  }
  // After a refused record or a Close message, messages are read (for the client's Close) but
  // no longer interpreted.
  if (!interpreting_) co_return true;
  for (std::string_view input = frame.payload; !input.empty();) {
    const auto r = framer.feed(input);
    if (r.state == codec::status::error) {
      hub_.log("signalr hub: connection " + info.connection_id + ": " + framer.error().message());
      request_close(closed_with_error, false);
      interpreting_ = false;
      co_return true;
    }
    input.remove_prefix(r.consumed);
    if (r.state != codec::status::event) continue;
    const bool handled = info.handshaken ? on_message(framer.record()) : co_await on_handshake(framer.record());
    if (!handled) {
      interpreting_ = false;
      co_return true;
    }
  }
  co_return true;
}

asio::awaitable<bool> signalr_session::on_handshake(std::string_view record) {
  handshake_request request;
  auto error = decode_handshake_request(record, request);
  if (!error) error = judge_handshake_request(request, hub_.options.max_protocol_version);
  if (hub_.faults.handshake_delay > clock::duration::zero()) {
    asio::steady_timer delay(hub_.executor, hub_.faults.handshake_delay);
    co_await delay.async_wait(use_tuple);
    if (finished_ || co_await cancelled()) co_return false;
  }
  scratch_.clear();
  if (error) {
    hub_.log("signalr hub: handshake refused: " + *error);
    append_handshake_response(scratch_, *error);
    outbox_.append(scratch_);
    request_close(std::nullopt, false, false);
    co_return false;
  }
  info.protocol = request.protocol;
  info.protocol_version = static_cast<int>(request.version);
  append_handshake_response(scratch_);
  outbox_.append(scratch_);
  info.handshaken = true;
  ++hub_.handshaken;
  wake_writer();
  wake_watchdog();
  hub_.changed.notify();
  co_return true;
}

bool signalr_session::on_message(std::string_view record) {
  signalr::hub_message message;
  if (const auto ec = signalr::decode_hub_message(record, message)) {
    hub_.log("signalr hub: connection " + info.connection_id + ": invalid message: " + ec.message());
    request_close(closed_with_error, false);
    return false;
  }
  if (auto* m = std::get_if<signalr::invocation>(&message)) {
    std::optional<std::string> id;
    if (m->invocation_id) id = decoded(*m->invocation_id);
    on_invocation(decoded(m->target), m->arguments.text(), id);
  } else if (auto* stream = std::get_if<signalr::stream_invocation>(&message)) {
    hub_.log("signalr hub: streaming invocation of '" + decoded(stream->target) + "' refused");
    scratch_.clear();
    signalr::append_completion_error(scratch_, decoded(stream->invocation_id),
                                     "Streaming hub methods are not supported by this hub.");
    enqueue(scratch_);
  } else if (auto* completion = std::get_if<signalr::completion>(&message)) {
    const std::string id = decoded(completion->invocation_id);
    auto found = client_results_.find(id);
    if (found == client_results_.end()) {
      hub_.log("signalr hub: completion for unknown invocation " + id + " dropped");
      return true;
    }
    signalr_completion result;
    if (completion->result) result.result = std::string(*completion->result);
    if (completion->error) result.error = decoded(*completion->error);
    found->second = std::move(result);
    hub_.changed.notify();
  } else if (std::holds_alternative<signalr::ping>(message)) {
    ++info.pings_received;
  } else if (std::holds_alternative<signalr::close>(message)) {
    info.close_received = true;
    request_close(std::nullopt, false, false);
    return false;
  } else if (std::holds_alternative<signalr::stream_item>(message) ||
             std::holds_alternative<signalr::cancel_invocation>(message)) {
    hub_.log("signalr hub: stream item or cancel invocation ignored");
  }
  return true;
}

void signalr_session::on_invocation(std::string_view target, std::string_view arguments,
                                    const std::optional<std::string>& invocation_id) {
  ++info.invocations_received;
  hub_.record_invocation({info.id, std::string(target), std::string(arguments), invocation_id});
  signalr_completion answer;
  if (auto method = hub_.methods.find(target); method != hub_.methods.end()) {
    try {
      answer = method->second(arguments, info);
    } catch (const std::exception&) {
      answer = signalr_completion::with_error("An unexpected error occurred invoking '" +
                                              std::string(target) + "' on the server.");
    }
  } else {
    hub_.log("signalr hub: unknown hub method '" + std::string(target) + "'");
    answer = signalr_completion::with_error("Unknown hub method '" + std::string(target) + "'");
  }
  if (invocation_id) {
    scratch_.clear();
    if (answer.error) {
      signalr::append_completion_error(scratch_, *invocation_id, *answer.error);
    } else if (answer.result) {
      signalr::append_completion_result(scratch_, *invocation_id, *answer.result);
    } else {
      signalr::append_completion(scratch_, *invocation_id);
    }
    enqueue(scratch_);
  }
  hub_.changed.notify();
}

// --- writer ---------------------------------------------------------------------------------

asio::awaitable<void> signalr_session::writer() {
  co_await asio::this_coro::throw_if_cancelled(false);
  std::string& batch = batch_;
  std::size_t& offset = batch_offset_;
  for (;;) {
    if (finished_ || co_await cancelled()) co_return;
    if (peer_closed_ || failure_code_ != 0) {
      // The client's Close is answered with its code; a protocol failure says why, then ends.
      co_await close_websocket(peer_closed_ ? peer_close_code_ : failure_code_, false);
      co_return;
    }
    const signalr_hub_faults& faults = hub_.faults;
    const bool paused = faults.silent && !closing_;
    if (offset == batch.size() && !paused && !outbox_.empty()) {
      outbox_.take(batch);
      offset = 0;
      continue;
    }
    if (!paused && (offset < batch.size() || pong_owed_)) {
      const bool open_still = co_await write_messages();
      if (!open_still) co_return;
      continue;
    }
    if (!paused && closing_ && offset == batch.size()) {
      co_await close_websocket(1000, true);
      co_return;
    }
    const auto keep_alive_at = last_sent_ + hub_.options.keep_alive_interval;
    if (!paused && info.handshaken && offset == batch.size() && clock::now() >= keep_alive_at) {
      scratch_.clear();
      signalr::append_ping(scratch_);
      outbox_.append(scratch_);
      continue;
    }
    co_await sleep_writer(paused || !info.handshaken ? clock::time_point::max() : keep_alive_at);
  }
}

// Writes the messages of the batch not yet written (and an owed Pong) in one socket write of up
// to about gathered_write_size bytes. Ends the connection for the drop fault.
asio::awaitable<bool> signalr_session::write_messages() {
  std::string& batch = batch_;
  std::size_t& offset = batch_offset_;
  const signalr_hub_faults& faults = hub_.faults;
  outgoing_.clear();
  if (pong_owed_) {
    ws::append_frame(outgoing_, ws::opcode::pong, pong_payload_, std::nullopt);
    pong_owed_ = false;
  }
  const std::size_t per_message = faults.messages_per_record > 1 ? 1 : faults.records_per_message;
  std::size_t records = 0, hub_messages = 0, messages = 0;
  bool drop_now = false;
  while (offset < batch.size() && outgoing_.size() < gathered_write_size) {
    const std::uint64_t written = hub_messages_written_ + hub_messages;
    std::uint64_t allowed = std::numeric_limits<std::uint64_t>::max();
    if (faults.drop_after_messages) allowed = *faults.drop_after_messages > written ? *faults.drop_after_messages - written : 0;
    const std::string_view rest = std::string_view(batch).substr(offset);
    const message_cut cut = cut_message(rest, per_message, hub_.options.max_coalesced_message_size, allowed);
    if (cut.bytes == 0) {
      drop_now = true;
      break;
    }
    messages += append_message_frames(rest.substr(0, cut.bytes));
    offset += cut.bytes;
    records += cut.records;
    hub_messages += cut.hub_messages;
    if (faults.drop_after_messages && written + cut.hub_messages >= *faults.drop_after_messages &&
        cut.hub_messages > 0) {
      drop_now = true;
      break;
    }
  }
  if (!outgoing_.empty()) {
    auto [ec, n] = co_await asio::async_write(transport_, asio::buffer(outgoing_), use_tuple);
    if (outgoing_.capacity() > 4 * gathered_write_size) std::string().swap(outgoing_);
    if (ec) {
      finish();
      co_return false;
    }
    ++info.socket_writes;
    info.websocket_messages_sent += messages;
    if (messages != 0) note_written(records, hub_messages);
  }
  if (offset == batch.size()) {
    batch.clear();
    offset = 0;
  }
  hub_.drained.notify();
  if (drop_now) {
    hub_.log("signalr hub: connection " + info.connection_id + " dropped after " +
             std::to_string(hub_messages_written_) + " messages (fault)");
    drop(false);
    co_return false;
  }
  co_return true;
}

std::size_t signalr_session::append_message_frames(std::string_view message) {
  const std::size_t pieces = std::max<std::size_t>(hub_.faults.messages_per_record, 1);
  const std::size_t piece = (message.size() + pieces - 1) / pieces;
  std::size_t messages = 0;
  for (std::size_t begin = 0; begin < message.size(); ++messages) {
    const std::size_t end = piece_end(message, begin, piece);
    ws::append_frame(outgoing_, ws::opcode::text, message.substr(begin, end - begin), std::nullopt);
    begin = end;
  }
  return messages;
}

asio::awaitable<void> signalr_session::close_websocket(std::uint16_t code, bool wait_for_peer) {
  if (!closing_) {  // the client closed or failed: the close grace applies from now
    closing_ = true;
    close_requested_at_ = clock::now();
    wake_watchdog();
  }
  if (!close_frame_sent_) {
    close_frame_sent_ = true;
    std::string payload;
    if (ws::is_valid_close_code(code)) ws::append_close_payload(payload, {code, {}});
    outgoing_.clear();
    ws::append_frame(outgoing_, ws::opcode::close, payload, std::nullopt);
    auto [ec, n] = co_await asio::async_write(transport_, asio::buffer(outgoing_), use_tuple);
    if (ec) {
      finish();
      co_return;
    }
  }
  // The reader wakes the writer when the client's Close arrives or the connection ends; the
  // watchdog drops a connection whose close takes longer than close_grace.
  while (wait_for_peer && !peer_closed_ && !finished_) co_await sleep_writer(clock::time_point::max());
  if (!finished_) co_await shut_down_transport();
  finish();
}

// The server ends TCP first (RFC 6455 section 7.1.1): TLS close_notify, or FIN and then what the
// client still sends is read and dropped until its FIN, so that closing with unread bytes does
// not reset the connection before the client read our Close.
asio::awaitable<void> signalr_session::shut_down_transport() {
  if (auto* tls = transport_.tls()) {
    co_await tls->async_shutdown(use_tuple);
    co_return;
  }
  boost::system::error_code ignored;
  transport_.lowest_layer().socket().shutdown(asio::ip::tcp::socket::shutdown_send, ignored);
  char drain[4096];
  for (;;) {
    auto [ec, n] = co_await transport_.lowest_layer().async_read_some(asio::buffer(drain), use_tuple);
    if (ec || finished_) break;
  }
}

void signalr_session::note_written(std::size_t records, std::size_t hub_messages) {
  last_sent_ = clock::now();
  records_written_ += records;
  hub_messages_written_ += hub_messages;
  info.messages_sent += records;
  hub_.messages_sent += records;
  hub_.changed.notify();
}

asio::awaitable<void> signalr_session::sleep_writer(clock::time_point until) {
  writer_wake_.expires_at(until);
  writer_sleeping_ = true;
  co_await writer_wake_.async_wait(use_tuple);
  writer_sleeping_ = false;
}

void signalr_session::wake_writer() {
  if (writer_sleeping_) writer_wake_.cancel();
}

// --- watchdog -------------------------------------------------------------------------------

clock::time_point signalr_session::next_watchdog_deadline() const {
  const auto& options = hub_.options;
  if (closing_) return close_requested_at_ + close_grace;
  auto next = clock::time_point::max();
  if (!info.handshaken) next = std::min(next, accepted_at_ + options.handshake_timeout);
  if (info.handshaken && options.client_timeout > clock::duration::zero()) {
    next = std::min(next, transport_.last_received() + options.client_timeout);
  }
  if (token_expiry) next = std::min(next, *token_expiry);
  return next;
}

asio::awaitable<void> signalr_session::watchdog() {
  co_await asio::this_coro::throw_if_cancelled(false);
  for (;;) {
    if (finished_) co_return;
    watchdog_wake_.expires_at(next_watchdog_deadline());
    watchdog_sleeping_ = true;
    co_await watchdog_wake_.async_wait(use_tuple);
    watchdog_sleeping_ = false;
    if (finished_ || co_await cancelled()) co_return;
    const auto now = clock::now();
    if (closing_) {
      if (now >= close_requested_at_ + close_grace) {
        hub_.log("signalr hub: connection " + info.connection_id + " did not close in time; dropped");
        drop(false);
      }
      continue;
    }
    if (!info.handshaken && now >= accepted_at_ + hub_.options.handshake_timeout) {
      hub_.log("signalr hub: handshake timeout");
      request_close(std::nullopt, false, false);
    } else if (token_expiry && now >= *token_expiry) {
      hub_.log("signalr hub: connection " + info.connection_id + ": access token expired");
      request_close(token_expired, true);
    } else if (info.handshaken && hub_.options.client_timeout > clock::duration::zero() &&
               now >= transport_.last_received() + hub_.options.client_timeout) {
      hub_.log("signalr hub: connection " + info.connection_id + ": client timeout");
      request_close(closed_with_error, true);
    }
  }
}

void signalr_session::wake_watchdog() {
  if (watchdog_sleeping_) watchdog_wake_.cancel();
}

// --- client results -------------------------------------------------------------------------

std::optional<std::string> signalr_session::start_client_invocation(std::string_view target,
                                                                    std::string_view arguments) {
  if (!open() || client_results_.size() >= max_pending_client_results) return std::nullopt;
  std::string id = std::to_string(++next_invocation_id_);
  scratch_.clear();
  append_invocation_record(scratch_, id, target, arguments);
  if (!enqueue(scratch_)) return std::nullopt;
  client_results_.emplace(id, std::nullopt);
  return id;
}

bool signalr_session::client_result_arrived(const std::string& invocation_id) const {
  auto found = client_results_.find(invocation_id);
  return found != client_results_.end() && found->second.has_value();
}

std::optional<signalr_completion> signalr_session::take_client_result(const std::string& invocation_id) {
  auto found = client_results_.find(invocation_id);
  if (found == client_results_.end() || !found->second) return std::nullopt;
  auto result = std::move(found->second);
  client_results_.erase(found);
  return result;
}

void signalr_session::forget_client_invocation(const std::string& invocation_id) {
  client_results_.erase(invocation_id);
}

}  // namespace eventwire::emulator::detail
