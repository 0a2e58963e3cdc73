#include "signalr_session.hpp"

#include "signalr_hub_state.hpp"
#include "signalr_wire.hpp"

#include <eventwire/signalr/hub_message_decoder.hpp>
#include <eventwire/signalr/hub_message_encoder.hpp>
#include <eventwire/signalr/record_framer.hpp>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/buffer.hpp>
#include <boost/asio/experimental/awaitable_operators.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/websocket/stream.hpp>

#include <algorithm>
#include <exception>
#include <limits>

namespace eventwire::emulator::detail {

namespace asio = boost::asio;
namespace websocket = boost::beast::websocket;
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

signalr_session::signalr_session(signalr_hub_state& hub, std::uint64_t id, net::websocket_stream ws)
    : hub_(hub), ws_(std::move(ws)), writer_wake_(hub.executor), watchdog_wake_(hub.executor) {
  info.id = id;
}

asio::awaitable<std::error_code> signalr_session::accept(request& upgrade) {
  auto [ec] = co_await ws_.async_accept(upgrade, use_tuple);
  if (ec) co_return ec;
  ws_.text(true);
  // Kestrel's default too: without it every small message waits for the previous one's ACK.
  boost::system::error_code ignored;
  ws_.next_layer().lowest_layer().socket().set_option(asio::ip::tcp::no_delay(true), ignored);
  websocket::stream_base::timeout timeouts{};
  timeouts.handshake_timeout = close_grace;  // the closing handshake
  timeouts.idle_timeout = websocket::stream_base::none();
  timeouts.keep_alive_pings = false;
  ws_.set_option(timeouts);
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
  if (!finished_) ws_.next_layer().close();
  finished_ = true;
  closing_ = true;
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
  auto& socket = ws_.next_layer().lowest_layer().socket();
  boost::system::error_code ignored;
  if (reset) {
    socket.set_option(asio::socket_base::linger(true, 0), ignored);
    socket.close(ignored);
  }
  ws_.next_layer().close();
  finished_ = true;
  closing_ = true;
  wake_writer();
  wake_watchdog();
  hub_.notify_all();
}

// --- reader ---------------------------------------------------------------------------------

asio::awaitable<void> signalr_session::reader() {
  co_await asio::this_coro::throw_if_cancelled(false);
  boost::beast::flat_buffer buffer(max_websocket_message);
  signalr::record_framer framer;
  framer.max_record_size = hub_.options.max_receive_message_size;
  bool interpreting = true;
  for (;;) {
    auto [ec, n] = co_await ws_.async_read(buffer, use_tuple);
    if (ec || finished_) break;
    std::string_view input(static_cast<const char*>(buffer.data().data()), buffer.size());
    while (interpreting && !input.empty()) {
      const auto r = framer.feed(input);
      if (r.state == codec::status::error) {
        hub_.log("signalr hub: connection " + info.connection_id + ": " + framer.error().message());
        request_close(closed_with_error, false);
        interpreting = false;
        break;
      }
      input.remove_prefix(r.consumed);
      if (r.state != codec::status::event) continue;
      interpreting = info.handshaken ? on_message(framer.record()) : co_await on_handshake(framer.record());
    }
    buffer.consume(buffer.size());
  }
  finished_ = true;
  wake_writer();
  wake_watchdog();
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
  std::string batch;
  std::size_t offset = 0;
  for (;;) {
    if (finished_ || co_await cancelled()) co_return;
    const signalr_hub_faults& faults = hub_.faults;
    const bool paused = faults.silent && !closing_;
    if (offset == batch.size()) {
      if (!paused && !outbox_.empty()) {
        outbox_.take(batch);
        offset = 0;
        hub_.drained.notify();
        continue;
      }
      if (!paused && closing_) {
        // Whether the closing handshake completes or fails, the connection is over.
        co_await ws_.async_close(websocket::close_code::normal, use_tuple);
        finish();
        co_return;
      }
      const auto keep_alive_at = last_sent_ + hub_.options.keep_alive_interval;
      if (!paused && info.handshaken && clock::now() >= keep_alive_at) {
        scratch_.clear();
        signalr::append_ping(scratch_);
        outbox_.append(scratch_);
        continue;
      }
      co_await sleep_writer(paused || !info.handshaken ? clock::time_point::max() : keep_alive_at);
      continue;
    }
    if (paused) {
      co_await sleep_writer(clock::time_point::max());
      continue;
    }
    std::uint64_t hub_messages_allowed = std::numeric_limits<std::uint64_t>::max();
    if (faults.drop_after_messages) {
      hub_messages_allowed = *faults.drop_after_messages > hub_messages_written_
                                 ? *faults.drop_after_messages - hub_messages_written_
                                 : 0;
    }
    const std::size_t per_message = faults.messages_per_record > 1 ? 1 : faults.records_per_message;
    const std::string_view rest = std::string_view(batch).substr(offset);
    const message_cut cut =
        cut_message(rest, per_message, hub_.options.max_coalesced_message_size, hub_messages_allowed);
    if (cut.bytes == 0) {
      hub_.log("signalr hub: connection " + info.connection_id + " dropped after " +
               std::to_string(hub_messages_written_) + " messages (fault)");
      drop(false);
      co_return;
    }
    if (!co_await write_message(rest.substr(0, cut.bytes))) {
      finish();
      co_return;
    }
    offset += cut.bytes;
    if (offset == batch.size()) {
      batch.clear();
      offset = 0;
    }
    note_written(cut.records, cut.hub_messages);
    if (faults.drop_after_messages && hub_messages_written_ >= *faults.drop_after_messages &&
        cut.hub_messages > 0) {
      hub_.log("signalr hub: connection " + info.connection_id + " dropped after " +
               std::to_string(hub_messages_written_) + " messages (fault)");
      drop(false);
      co_return;
    }
  }
}

asio::awaitable<bool> signalr_session::write_message(std::string_view message) {
  const std::size_t pieces = std::max<std::size_t>(hub_.faults.messages_per_record, 1);
  const std::size_t piece = (message.size() + pieces - 1) / pieces;
  for (std::size_t begin = 0; begin < message.size();) {
    const std::size_t end = piece_end(message, begin, piece);
    auto [ec, n] = co_await ws_.async_write(asio::buffer(message.data() + begin, end - begin), use_tuple);
    if (ec) co_return false;
    ++info.websocket_messages_sent;
    begin = end;
  }
  co_return true;
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
    next = std::min(next, ws_.next_layer().last_received() + options.client_timeout);
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
               now >= ws_.next_layer().last_received() + hub_.options.client_timeout) {
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
