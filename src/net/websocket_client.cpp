#include "detail/classify.hpp"

#include <eventwire/net/connect.hpp>
#include <eventwire/net/error.hpp>
#include <eventwire/net/redact.hpp>
#include <eventwire/net/websocket_client.hpp>
#include <eventwire/net/websocket_stream.hpp>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/buffer.hpp>
#include <boost/asio/error.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <algorithm>
#include <optional>

namespace eventwire::net {

namespace asio = boost::asio;
namespace http = boost::beast::http;
namespace websocket = boost::beast::websocket;
using clock = std::chrono::steady_clock;

namespace {
constexpr auto use_tuple = asio::as_tuple(asio::use_awaitable);
constexpr auto none = clock::duration::zero();
}  // namespace

// Deadlines after the upgrade come from one watchdog timer that wakes at the earliest of
// "last byte + idle_timeout" and "write start + write_timeout" and drops the connection when
// one has passed. Reads and writes only note times, so a message costs no timer operation.
struct websocket_client::impl : std::enable_shared_from_this<impl> {
  asio::any_io_executor executor;
  websocket_options options;
  std::optional<websocket_stream> ws;
  http_response upgrade;
  std::string why;

  asio::steady_timer watchdog;
  bool closing = false;  // close() has begun: a read it cuts short ends as websocket_closed
  bool watching = false;
  bool writing = false;
  clock::time_point write_started;
  std::optional<error> timed_out;

  impl(asio::any_io_executor ex, websocket_options o)
      : executor(ex), options(std::move(o)), watchdog(std::move(ex)) {}

  std::optional<clock::time_point> next_deadline() const {
    std::optional<clock::time_point> next;
    if (options.idle_timeout != none)
      next = ws->next_layer().last_received() + options.idle_timeout;
    if (writing && options.write_timeout != none) {
      const auto write_deadline = write_started + options.write_timeout;
      next = next ? std::min(*next, write_deadline) : write_deadline;
    }
    return next;
  }

  void arm_watchdog(clock::time_point at) {
    watching = true;
    watchdog.expires_at(at);
    watchdog.async_wait([weak = weak_from_this()](boost::system::error_code ec) {
      if (ec) return;  // re-armed or stopped
      if (auto self = weak.lock()) self->on_watchdog();
    });
  }

  void on_watchdog() {
    watching = false;
    if (!ws || timed_out) return;
    const auto now = clock::now();
    if (options.idle_timeout != none &&
        now >= ws->next_layer().last_received() + options.idle_timeout) {
      return drop(error::read_timeout);
    }
    if (writing && options.write_timeout != none && now >= write_started + options.write_timeout) {
      return drop(error::write_timeout);
    }
    if (auto next = next_deadline()) arm_watchdog(*next);
  }

  void stop_watchdog() {
    watching = false;
    watchdog.cancel();
  }

  void drop(error reason) {
    timed_out = reason;
    why = "WebSocket dropped: " + make_error_code(reason).message();
    ws->next_layer().close();
  }

  void begin_write() {
    writing = true;
    write_started = clock::now();
    if (options.write_timeout == none) return;
    const auto deadline = write_started + options.write_timeout;
    if (!watching || watchdog.expiry() > deadline) arm_watchdog(deadline);
  }

  std::error_code failure(const boost::system::error_code& ec, error timeout_as) {
    if (timed_out) return *timed_out;
    auto classified = closing && ec == asio::error::operation_aborted
                          ? std::error_code(error::websocket_closed)
                          : detail::classify(ec, timeout_as);
    if (classified == error::websocket_closed && !closing) {
      const auto reason = ws->reason();
      why = "the peer closed the WebSocket with code " + std::to_string(reason.code);
    } else if (why.empty()) {
      why = "WebSocket failed: " + classified.message();
    }
    stop_watchdog();
    return classified;
  }

  asio::awaitable<std::error_code> write(std::string_view message, bool text) {
    if (!ws || !ws->is_open()) co_return error::not_connected;
    ws->text(text);
    begin_write();
    auto [ec, written] = co_await ws->async_write(asio::buffer(message), use_tuple);
    writing = false;
    if (ec) co_return failure(ec, error::write_timeout);
    co_return std::error_code{};
  }
};

websocket_client::websocket_client(asio::any_io_executor ex, websocket_options options)
    : impl_(std::make_shared<impl>(std::move(ex), std::move(options))) {}

websocket_client::~websocket_client() {
  impl_->stop_watchdog();
  if (impl_->ws) impl_->ws->next_layer().close();
}

asio::awaitable<std::error_code> websocket_client::connect(const url& where, http::fields headers) {
  impl& self = *impl_;
  self.stop_watchdog();
  self.ws.reset();
  self.upgrade = {};
  self.why.clear();
  self.timed_out.reset();
  self.writing = false;
  self.closing = false;

  const url target = to_websocket(where);
  std::optional<stream> transport;
  const connect_options how{self.options.connect_timeout, self.options.handshake_timeout,
                            self.options.tls};
  if (auto ec = co_await net::connect(transport, target, how, self.why)) co_return ec;

  self.ws.emplace(std::move(*transport));
  websocket_stream& ws = *self.ws;
  apply_websocket_defaults(ws, self.options.read_message_max);
  websocket::stream_base::timeout timeouts{};
  timeouts.handshake_timeout = self.options.handshake_timeout == none
                                   ? websocket::stream_base::none()
                                   : self.options.handshake_timeout;
  timeouts.idle_timeout = websocket::stream_base::none();
  timeouts.keep_alive_pings = false;
  ws.set_option(timeouts);
  ws.set_option(websocket::stream_base::decorator(
      [headers = std::move(headers),
       agent = self.options.user_agent](websocket::request_type& req) {
        req.set(http::field::user_agent, agent);
        for (const auto& field : headers) req.set(field.name_string(), field.value());
      }));

  auto [ec] =
      co_await ws.async_handshake(self.upgrade, target.host_header(), target.target(), use_tuple);
  if (ec) {
    auto classified = detail::classify(ec, error::handshake_timeout);
    self.why = "WebSocket upgrade at " + redact(target) +
               (classified == error::upgrade_refused
                    ? " refused with status " + std::to_string(self.upgrade.result_int())
                    : " failed: " + classified.message());
    ws.next_layer().close();
    self.ws.reset();
    co_return classified;
  }
  ws.next_layer().note_received_now();
  if (self.options.idle_timeout != none)
    self.arm_watchdog(ws.next_layer().last_received() + self.options.idle_timeout);
  co_return std::error_code{};
}

const http_response& websocket_client::upgrade_response() const noexcept { return impl_->upgrade; }

asio::awaitable<std::tuple<std::error_code, std::size_t>> websocket_client::read(
    boost::beast::flat_buffer& into) {
  impl& self = *impl_;
  if (!self.ws || !self.ws->is_open())
    co_return std::tuple{std::error_code(error::not_connected), std::size_t{0}};
  auto [ec, n] = co_await self.ws->async_read(into, use_tuple);
  if (ec) co_return std::tuple{self.failure(ec, error::read_timeout), n};
  co_return std::tuple{std::error_code{}, n};
}

bool websocket_client::got_text() const noexcept { return impl_->ws && impl_->ws->got_text(); }

asio::awaitable<std::error_code> websocket_client::write_text(std::string_view message) {
  co_return co_await impl_->write(message, true);
}

asio::awaitable<std::error_code> websocket_client::write_binary(std::string_view message) {
  co_return co_await impl_->write(message, false);
}

asio::awaitable<std::error_code> websocket_client::close(std::string_view reason,
                                                         std::uint16_t code) {
  impl& self = *impl_;
  if (!self.ws || !self.ws->is_open()) co_return error::not_connected;
  websocket::close_reason why(static_cast<websocket::close_code>(code), reason.substr(0, 123));
  self.closing = true;
  auto [ec] = co_await self.ws->async_close(why, use_tuple);
  self.stop_watchdog();
  if (ec) co_return self.failure(ec, error::handshake_timeout);
  co_return std::error_code{};
}

websocket_close_reason websocket_client::peer_close_reason() const {
  if (!impl_->ws) return {};
  const auto& reason = impl_->ws->reason();
  return {reason.code, std::string(reason.reason.data(), reason.reason.size())};
}

clock::time_point websocket_client::last_received() const noexcept {
  return impl_->ws ? impl_->ws->next_layer().last_received() : clock::time_point{};
}

bool websocket_client::is_open() const noexcept { return impl_->ws && impl_->ws->is_open(); }

void websocket_client::abort() noexcept {
  impl_->stop_watchdog();
  if (impl_->ws) impl_->ws->next_layer().close();
}

const std::string& websocket_client::last_error_detail() const noexcept { return impl_->why; }

}  // namespace eventwire::net
