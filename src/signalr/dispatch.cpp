// The receive path: whole WebSocket messages -> record framer -> hub message decoder -> handlers.
// Steady state allocates nothing: the flat_buffer and the decoded message are reused, records
// that lie in one message are views into it, and synchronous handlers are called inline.

#include "hub_connection_impl.hpp"

#include <eventwire/net/error.hpp>
#include <eventwire/signalr/hub_message_decoder.hpp>

#include <boost/asio/bind_cancellation_slot.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/error.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/system/system_error.hpp>

#include <charconv>
#include <exception>
#include <optional>

namespace eventwire::signalr {

namespace asio = boost::asio;

namespace {

bool is_cancellation(const std::exception& e) noexcept {
  const auto* failure = dynamic_cast<const boost::system::system_error*>(&e);
  return failure != nullptr && failure->code() == asio::error::operation_aborted;
}

bool equals_ignoring_ascii_case(std::string_view lower, std::string_view name) noexcept {
  if (lower.size() != name.size()) return false;
  for (std::size_t i = 0; i < name.size(); ++i) {
    char c = name[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != lower[i]) return false;
  }
  return true;
}

// Runs a coroutine handler as the body of its own spawned coroutine, which end_connection()
// may cancel. Nothing may escape that spawn: Asio 1.81's spawn entry point awaits a post after
// the body and rethrows out of io_context::run() when the cancelled body ended synchronously.
// So exceptions are captured here, and throwing on cancellation is turned off once the handler
// is over.
asio::awaitable<void> contained(asio::awaitable<void> body, std::exception_ptr& failure) {
  try {
    co_await std::move(body);
  } catch (...) {
    failure = std::current_exception();
  }
  co_await asio::this_coro::throw_if_cancelled(false);
}

asio::awaitable<void> contained(asio::awaitable<invocation_result> body, std::optional<invocation_result>& out,
                                std::exception_ptr& failure) {
  try {
    out = co_await std::move(body);
  } catch (...) {
    failure = std::current_exception();
  }
  co_await asio::this_coro::throw_if_cancelled(false);
}

}  // namespace

asio::awaitable<void> hub_connection::impl::reader() {
  for (;;) {
    if (in.size() == 0) {
      if (conn_ended) break;
      std::error_code ec;
      if (auto buffered = websocket.read_buffered(in)) {
        ec = std::get<0>(*buffered);
      } else {
        reading = true;
        read_started = clock::now();
        auto [read_error, n] = co_await websocket.read(in);
        reading = false;
        ec = read_error;
      }
      if (ec) {
        if (!conn_ended) {
          set_detail(websocket.last_error_detail().empty() ? "the connection ended: " + ec.message()
                                                           : websocket.last_error_detail());
          end_connection(ec, detail::end_mode::abort);
        }
        break;
      }
      ++stats.websocket_messages;
    }
    const auto data = in.data();
    std::string_view bytes(static_cast<const char*>(data.data()), data.size());
    while (!bytes.empty() && !conn_ended) {
      const codec::feed_result r = framer.feed(bytes);
      if (r.state == codec::status::error) {
        set_detail("receiving failed: " + framer.error().message());
        end_connection(framer.error(), detail::end_mode::abort);
        break;
      }
      bytes.remove_prefix(r.consumed);
      if (r.state != codec::status::event) break;
      ++stats.records;
      if (auto ec = decode_hub_message(framer.record(), message)) {
        set_detail("the server sent an invalid hub message: " + ec.message());
        end_connection(ec, detail::end_mode::abort);
        break;
      }
      if (const auto* inv = std::get_if<invocation>(&message)) {
        detail::handler_set* set = find_handlers(inv->target);
        if (set != nullptr && set->all_sync && !inv->invocation_id) {
          // The hot path: synchronous handlers, no answer, no coroutine.
          ++stats.invocations;
          dispatching = true;
          for (const hub_handler& h : set->handlers) call_sync(*set, h, *inv);
          dispatching = false;
        } else {
          co_await dispatch_invocation(*inv, set);
        }
        if (!deferred_changes.empty()) apply_deferred_changes();
        continue;
      }
      handle_other(message);
    }
    in.consume(in.size());
  }
}

void hub_connection::impl::call_sync(const detail::handler_set& set, const hub_handler& h,
                                     const invocation& inv) {
  try {
    if (h.get().index() == 0) {
      std::get<hub_handler::sync_void>(h.get())(inv);
    } else {
      (void)std::get<hub_handler::sync_result>(h.get())(inv);
    }
  } catch (const std::exception& e) {
    log(log_level::error, "a handler of '" + set.name + "' threw: " + e.what());
  }
}

asio::awaitable<void> hub_connection::impl::dispatch_invocation(const invocation& inv,
                                                               detail::handler_set* set) {
  ++stats.invocations;
  std::string id;
  if (inv.invocation_id) inv.invocation_id->append_to(id);
  if (set == nullptr) {
    std::string target;
    inv.target.append_to(target);
    log(log_level::warning, "no handler for the method '" + target + "'");
    if (inv.invocation_id) {
      co_await wait_for_send_room();
      queue_completion(id, invocation_result::error("Client didn't provide a result."));
    }
    co_return;
  }

  std::optional<invocation_result> result;
  std::optional<std::string> failure;
  bool several = false;
  dispatching = true;
  for (const hub_handler& h : set->handlers) {
    std::optional<invocation_result> r;
    std::exception_ptr thrown;
    try {
      switch (h.get().index()) {
        case 0:
          std::get<hub_handler::sync_void>(h.get())(inv);
          break;
        case 1:
          r = std::get<hub_handler::sync_result>(h.get())(inv);
          break;
        case 2:
          handler_running = true;
          co_await asio::co_spawn(executor, contained(std::get<hub_handler::async_void>(h.get())(inv), thrown),
                                  asio::bind_cancellation_slot(handler_cancel.slot(), asio::use_awaitable));
          handler_running = false;
          break;
        default:
          handler_running = true;
          co_await asio::co_spawn(executor,
                                  contained(std::get<hub_handler::async_result>(h.get())(inv), r, thrown),
                                  asio::bind_cancellation_slot(handler_cancel.slot(), asio::use_awaitable));
          handler_running = false;
          break;
      }
      if (thrown) std::rethrow_exception(thrown);
      failure.reset();
    } catch (const std::exception& e) {
      handler_running = false;
      if (conn_ended && is_cancellation(e)) {
        failure = "the connection ended";  // the handler honoured the cancellation
      } else {
        log(log_level::error, "a handler of '" + set->name + "' threw: " + e.what());
        failure = e.what();
      }
    }
    if (r) {
      several = several || result.has_value();
      result = std::move(r);
    }
  }
  dispatching = false;
  if (!inv.invocation_id || conn_ended) co_return;

  co_await wait_for_send_room();
  if (several) {
    queue_completion(id, invocation_result::error("Client provided multiple results."));
  } else if (failure) {
    queue_completion(id, invocation_result::error(*failure));
  } else if (result) {
    queue_completion(id, *result);
  } else {
    queue_completion(id, invocation_result::error("Client didn't provide a result."));
  }
}

asio::awaitable<void> hub_connection::impl::wait_for_send_room() {
  // Answers wait while the send queue is full: reading pauses, memory stays bounded.
  while (out_pending.size() >= options.max_send_queue && !conn_ended) co_await drained.wait_once();
}

detail::handler_set* hub_connection::impl::find_handlers(const json::raw_string& target) {
  const std::string_view name = target.has_escapes ? target.decode(scratch) : target.escaped;
  // A server spells a method the same way every time: one comparison of bytes finds it again.
  if (!last_target.empty() && name == last_target) return &handlers[last_handler];
  for (std::size_t i = 0; i < handlers.size(); ++i) {
    if (equals_ignoring_ascii_case(handlers[i].name, name)) {
      last_handler = i;
      last_target.assign(name);
      return &handlers[i];
    }
  }
  return nullptr;
}

void hub_connection::impl::handle_other(const hub_message& m) {
  if (const auto* done = std::get_if<completion>(&m)) {
    handle_completion(*done);
  } else if (const auto* bye = std::get_if<close>(&m)) {
    handle_close(*bye);
  } else if (std::holds_alternative<stream_item>(m)) {
    log(log_level::debug, "dropped a stream item: this client starts no streams");
  } else if (std::holds_alternative<stream_invocation>(m)) {
    log(log_level::warning, "dropped a streaming invocation: not supported by this client");
  }
  // Ping, CancelInvocation, Ack, Sequence and unknown types: nothing to do.
}

void hub_connection::impl::handle_completion(const completion& c) {
  const std::string_view text = c.invocation_id.has_escapes ? c.invocation_id.decode(scratch)
                                                            : c.invocation_id.escaped;
  std::uint64_t id = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  const auto found = ec == std::errc{} && end == text.data() + text.size() ? pending.find(id) : pending.end();
  if (found == pending.end()) {
    log(log_level::debug, "dropped a completion for an unknown invocation id");
    return;
  }
  detail::pending_call* call = found->second;
  pending.erase(found);
  call->value.clear();
  if (c.error) {
    call->error = session_error::invocation_error;
    c.error->append_to(call->value);
  } else {
    call->error = {};
    if (c.result) call->value.assign(*c.result);
  }
  call->done.set();
}

void hub_connection::impl::handle_close(const close& c) {
  final_close = !c.allow_reconnect.value_or(false);
  if (c.error) {
    std::string text;
    c.error->append_to(text);
    set_detail("Server returned an error on close: " + text);
    end_connection(session_error::server_closed_with_error, detail::end_mode::polite);
  } else {
    set_detail("the server closed the connection");
    end_connection(session_error::server_closed, detail::end_mode::polite);
  }
  log(log_level::info, detail_text + (final_close ? "" : " (reconnect allowed)"));
}

}  // namespace eventwire::signalr
