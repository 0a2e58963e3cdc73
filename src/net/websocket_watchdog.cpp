#include "detail/websocket_client_impl.hpp"

#include <algorithm>

namespace eventwire::net {

// Deadlines after the upgrade come from one timer that wakes at the earliest of "last byte +
// idle_timeout", "frame send start + write_timeout" and the closing handshake's deadline, and
// drops the connection when one has passed. Reads and writes only note times, so a message
// costs no timer operation.

namespace {
constexpr auto none = std::chrono::steady_clock::duration::zero();
}  // namespace

using clock = std::chrono::steady_clock;

std::optional<clock::time_point> websocket_client::impl::next_deadline() const {
  std::optional<clock::time_point> next = close_deadline;
  const auto earliest = [&next](clock::time_point t) { next = next ? std::min(*next, t) : t; };
  if (options.idle_timeout != none) earliest(transport->last_received() + options.idle_timeout);
  if (sending && options.write_timeout != none) earliest(write_started + options.write_timeout);
  return next;
}

void websocket_client::impl::arm_watchdog(clock::time_point at) {
  watching = true;
  watchdog.expires_at(at);
  watchdog.async_wait([weak = weak_from_this()](boost::system::error_code ec) {
    if (ec) return;  // re-armed or stopped
    if (auto self = weak.lock()) self->on_watchdog();
  });
}

void websocket_client::impl::watch_until(clock::time_point deadline) {
  if (!watching || watchdog.expiry() > deadline) arm_watchdog(deadline);
}

void websocket_client::impl::on_watchdog() {
  watching = false;
  if (!open || timed_out) return;
  const auto now = clock::now();
  if (close_deadline && now >= *close_deadline) return drop(error::handshake_timeout);
  if (options.idle_timeout != none && now >= transport->last_received() + options.idle_timeout)
    return drop(error::read_timeout);
  if (sending && options.write_timeout != none && now >= write_started + options.write_timeout)
    return drop(error::write_timeout);
  if (auto next = next_deadline()) arm_watchdog(*next);
}

void websocket_client::impl::stop_watchdog() noexcept {
  if (!watching) return;
  watching = false;
  watchdog.cancel();
}

void websocket_client::impl::drop(error reason) {
  timed_out = reason;
  why = "WebSocket dropped: " + make_error_code(reason).message();
  shut(reason);
}

void websocket_client::impl::begin_send() {
  sending = true;
  write_started = clock::now();
  if (options.write_timeout != none) watch_until(write_started + options.write_timeout);
}

void websocket_client::impl::start_close_deadline() {
  if (close_deadline || options.handshake_timeout == none) return;
  close_deadline = clock::now() + options.handshake_timeout;
  watch_until(*close_deadline);
}

}  // namespace eventwire::net
