// One established connection: the reader (this coroutine), the writer (sends and keep-alive),
// the watchdog (server timeout, close deadline) and the on_connected hook.

#include "hub_connection_impl.hpp"

#include <eventwire/signalr/hub_message_encoder.hpp>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/bind_cancellation_slot.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <algorithm>
#include <exception>

namespace eventwire::signalr {

namespace asio = boost::asio;

namespace {
constexpr auto use_tuple = asio::as_tuple(asio::use_awaitable);
}  // namespace

void hub_connection::impl::wake_writer() {
  if (writer_idle) writer_wake.cancel();
}

void hub_connection::impl::end_connection(std::error_code why, detail::end_mode how) {
  if (!conn_open || conn_ended) return;
  conn_ended = true;
  ended_at = clock::now();
  end_reason = why;
  end_how = how;
  if (how == detail::end_mode::abort) websocket.abort();
  wake_writer();
  watchdog_timer.cancel();
  drained.poke();
  if (handler_running) handler_cancel.emit(asio::cancellation_type::terminal);
  if (hook_running) hook_cancel->emit(asio::cancellation_type::terminal);
}

asio::awaitable<std::error_code> hub_connection::impl::serve(std::shared_ptr<impl> self, bool first) {
  const std::uint64_t gen = ++generation;
  conn_open = true;
  conn_ended = false;
  end_reason = {};
  end_how = detail::end_mode::abort;
  reader_done = false;
  writer_done = false;
  writer_finished.reset();
  out_pending.clear();
  out_writing.clear();
  framer.reset();
  framer.max_record_size = options.max_record_size;
  state = connection_state::connected;
  ++stats.connects;
  log(log_level::info, connection_id.empty() ? std::string("connected")
                                             : "connected with connectionId " + connection_id);

  // The official clients send one Ping right after the handshake.
  append_ping(out_pending);
  ++stats.pings_sent;
  last_sent = clock::now();
  asio::co_spawn(executor, writer(self, gen), asio::detached);
  asio::co_spawn(executor, watchdog(self, gen), asio::detached);
  hook_cancel = std::make_shared<asio::cancellation_signal>();
  hook_running = true;
  asio::co_spawn(executor, run_hook(self, gen, first),
                 asio::bind_cancellation_slot(hook_cancel->slot(), [keep = hook_cancel](std::exception_ptr) {}));
  if (stop_requested) begin_stop();

  co_await reader();
  reader_done = true;
  end_connection(end_reason ? end_reason : make_error_code(session_error::connection_lost),
                 detail::end_mode::abort);
  co_await writer_finished.wait();
  watchdog_timer.cancel();
  conn_open = false;
  websocket.abort();
  fail_pending(stop_requested ? make_error_code(session_error::stopped)
                              : make_error_code(session_error::connection_lost));
  co_return end_reason;
}

asio::awaitable<void> hub_connection::impl::writer(std::shared_ptr<impl> /*keep_alive*/, std::uint64_t gen) {
  while (gen == generation) {
    if (!out_pending.empty() && !(conn_ended && end_how == detail::end_mode::abort)) {
      out_writing.swap(out_pending);
      out_pending.clear();
      drained.poke();
      const auto ec = co_await websocket.write_text(out_writing);
      out_writing.clear();
      last_sent = clock::now();
      if (ec) {
        if (!conn_ended) set_detail("sending failed: " + websocket.last_error_detail());
        end_connection(ec, detail::end_mode::abort);
      }
      continue;
    }
    if (conn_ended) {
      if (end_how == detail::end_mode::polite && websocket.is_open()) {
        co_await websocket.close({}, 1000);
      }
      break;
    }
    const bool keep_alive = options.keep_alive_interval > clock::duration::zero();
    const auto due = keep_alive ? last_sent + options.keep_alive_interval : clock::time_point::max();
    if (keep_alive && clock::now() >= due) {
      append_ping(out_pending);
      ++stats.pings_sent;
      continue;
    }
    writer_idle = true;
    writer_wake.expires_at(due);
    co_await writer_wake.async_wait(use_tuple);
    writer_idle = false;
  }
  writer_done = true;
  writer_finished.set();
}

asio::awaitable<void> hub_connection::impl::watchdog(std::shared_ptr<impl> /*keep_alive*/, std::uint64_t gen) {
  const auto timeout = options.server_timeout;
  while (gen == generation && !(reader_done && writer_done)) {
    const auto now = clock::now();
    clock::time_point deadline;
    if (conn_ended) {
      if (end_how == detail::end_mode::abort) break;
      // A polite close that takes too long is cut short.
      deadline = ended_at + options.close_timeout;
      if (now >= deadline) {
        websocket.abort();
        break;
      }
    } else if (timeout <= clock::duration::zero()) {
      deadline = clock::time_point::max();
    } else if (reading) {
      // Silence counts only while we wait for the server, never while a handler holds reading.
      deadline = std::max(websocket.last_received(), read_started) + timeout;
      if (now >= deadline) {
        set_detail("Server timeout elapsed without receiving a message from the server.");
        end_connection(session_error::server_timeout, detail::end_mode::abort);
        break;
      }
    } else {
      deadline = now + timeout;
    }
    watchdog_timer.expires_at(deadline);
    co_await watchdog_timer.async_wait(use_tuple);
  }
}

asio::awaitable<void> hub_connection::impl::run_hook(std::shared_ptr<impl> /*keep_alive*/, std::uint64_t gen, bool first) {
  std::error_code ec;
  if (connected_hook && !detached) {
    try {
      ec = co_await connected_hook();
    } catch (const std::exception& e) {
      set_detail(std::string("on_connected threw: ") + e.what());
      ec = std::make_error_code(std::errc::operation_canceled);
    }
  }
  // Nothing may throw out of this spawned coroutine once it is cancelled (see contained() in
  // dispatch.cpp).
  co_await asio::this_coro::throw_if_cancelled(false);
  if (gen == generation) hook_running = false;
  if (gen != generation || conn_ended) co_return;  // that connection is gone
  if (ec) {
    set_detail("on_connected failed: " + ec.message());
    end_connection(ec, detail::end_mode::polite);
    co_return;
  }
  established = true;
  if (first) {
    answer_start({});
  } else {
    log(log_level::info, "reconnected");
    if (reconnected_callback && !detached) reconnected_callback(connection_id);
  }
}

}  // namespace eventwire::signalr
