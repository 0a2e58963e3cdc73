// start, stop and the run loop: connect, serve until lost, reconnect as the policy says.

#include "hub_connection_impl.hpp"

#include <eventwire/net/redact.hpp>
#include <eventwire/signalr/hub_message_encoder.hpp>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/experimental/awaitable_operators.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <exception>

namespace eventwire::signalr {

namespace asio = boost::asio;
using namespace asio::experimental::awaitable_operators;

namespace {
constexpr auto use_tuple = asio::as_tuple(asio::use_awaitable);

std::string milliseconds(clock::duration d) {
  return std::to_string(std::chrono::duration_cast<std::chrono::milliseconds>(d).count()) + " ms";
}
}  // namespace

hub_connection::impl::impl(asio::any_io_executor ex, hub_options o)
    : executor(ex),
      options(std::move(o)),
      websocket(ex,
                [&] {
                  auto w = options.websocket;
                  w.idle_timeout = clock::duration::zero();  // server_timeout is ours
                  if (options.tls) w.tls = options.tls;
                  return w;
                }()),
      http(ex,
           [&] {
             auto h = options.http;
             if (options.tls) h.tls = options.tls;
             return h;
           }()),
      start_answered(ex),
      closed(ex),
      stop_wake(ex),
      delay_timer(ex),
      writer_finished(ex),
      watchdog_timer(ex),
      writer_wake(ex),
      drained(ex) {
  framer.max_record_size = options.max_record_size;
  closed.set();  // not running
}

void hub_connection::impl::log(log_level level, std::string_view text) const {
  if (options.log && !detached) options.log(level, text);
}

asio::awaitable<std::error_code> hub_connection::impl::connect_stoppable() {
  if (stop_requested) co_return session_error::stopped;
  std::variant<std::error_code, bool> outcome;
  try {
    outcome = co_await (connect_attempt() || stop_wake.wait());
  } catch (const std::exception& e) {
    // Only a throwing access token source or handler can get here; the attempt failed.
    set_detail(std::string("connect attempt failed: ") + e.what());
    outcome = std::error_code(session_error::token_unavailable);
  }
  if (outcome.index() == 1 || stop_requested) {
    websocket.abort();
    co_return session_error::stopped;
  }
  co_return std::get<0>(outcome);
}

asio::awaitable<bool> hub_connection::impl::wait_delay(clock::duration d) {
  if (stop_requested) co_return false;
  if (d <= clock::duration::zero()) co_return true;
  delay_timer.expires_after(d);
  co_await delay_timer.async_wait(use_tuple);  // stop() cancels it
  co_return !stop_requested;
}

void hub_connection::impl::answer_start(std::error_code ec) {
  if (start_result) return;
  start_result = ec;
  start_answered.set();
}

asio::awaitable<void> hub_connection::impl::run(std::shared_ptr<impl> self) {
  bool first = true;  // until a connection is established, start() is waiting
  std::uint32_t retries = 0;
  clock::time_point cycle_start = clock::now();
  std::error_code last;
  for (;;) {
    established = false;
    final_close = false;
    std::error_code ec = co_await connect_stoppable();
    if (!ec) {
      ec = co_await serve(self, first);
      if (established && !stop_requested && !detached && !final_close) {
        // Lost after being connected: a new reconnect cycle.
        first = false;
        retries = 0;
        cycle_start = clock::now();
        state = connection_state::reconnecting;
        log(log_level::warning, "connection lost: " + ec.message() + "; reconnecting");
        if (reconnecting_callback && !detached) reconnecting_callback(ec);
      } else if (established) {
        first = false;
      }
    }
    if (stop_requested || detached) {
      last = {};
      break;
    }
    if (final_close || (first && !options.retry_first_start)) {
      last = ec;
      break;
    }
    if (state != connection_state::reconnecting) state = first ? connection_state::connecting : connection_state::reconnecting;
    const auto elapsed = clock::now() - cycle_start;
    const auto delay = options.reconnect.next_delay({retries, elapsed, ec});
    if (!delay) {
      set_detail("gave up reconnecting after " + std::to_string(retries) + " attempts over " +
                 milliseconds(elapsed) + "; last error: " + ec.message() +
                 (detail_text.empty() ? std::string() : " (" + detail_text + ")"));
      log(log_level::error, detail_text);
      last = first ? ec : make_error_code(session_error::reconnect_gave_up);
      break;
    }
    // Every failed attempt says why, so a server that stays away is diagnosable from the log; the
    // loss itself was logged above.
    const std::string next = "reconnect attempt " + std::to_string(retries + 1) + " in " + milliseconds(*delay);
    if (retries == 0 && !first) {
      log(log_level::info, next);
    } else {
      log(log_level::warning, (first && retries == 0 ? "cannot connect: " : "attempt failed: ") + ec.message() +
                                  (detail_text.empty() ? std::string() : " (" + detail_text + ")") + "; " + next);
    }
    if (!co_await wait_delay(*delay)) {
      last = {};
      break;
    }
    ++retries;
  }
  if (first && !start_result) {
    // start() is still waiting: it gets the error, on_closed does not run.
    finish(last ? last : make_error_code(session_error::stopped));
  } else {
    finish(last);
  }
}

void hub_connection::impl::finish(std::error_code ec) {
  const bool was_connected = start_result && !*start_result;
  state = connection_state::disconnected;
  running = false;
  fail_pending(stop_requested ? make_error_code(session_error::stopped)
                              : make_error_code(session_error::connection_lost));
  closed_result = ec;
  if (!start_result) {
    answer_start(ec);
  } else if (was_connected && closed_callback && !detached) {
    closed_callback(ec);
  }
  closed.set();
}

void hub_connection::impl::begin_stop() {
  stop_requested = true;
  stop_wake.set();
  delay_timer.cancel();
  if (conn_open && !conn_ended) {
    state = connection_state::disconnecting;
    append_close(out_pending);
    end_connection(session_error::stopped, detail::end_mode::polite);
  }
}

void hub_connection::impl::drop_now() noexcept {
  detached = true;
  stop_requested = true;
  stop_wake.set();
  delay_timer.cancel();
  end_connection(session_error::stopped, detail::end_mode::abort);
  websocket.abort();
  if (hook_running) hook_cancel->emit(asio::cancellation_type::terminal);
  if (handler_running) handler_cancel.emit(asio::cancellation_type::terminal);
}

}  // namespace eventwire::signalr
