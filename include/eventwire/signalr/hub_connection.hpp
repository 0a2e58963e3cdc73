#pragma once

#include <eventwire/signalr/connection_state.hpp>
#include <eventwire/signalr/hub_handler.hpp>
#include <eventwire/signalr/hub_options.hpp>
#include <eventwire/signalr/session_error.hpp>

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>

#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <system_error>
#include <tuple>
#include <type_traits>

namespace eventwire::signalr {

// Counters of one hub_connection, for tests and monitoring.
struct hub_statistics {
  std::uint64_t websocket_messages = 0;  // received
  std::uint64_t records = 0;             // received hub messages, pings included
  std::uint64_t invocations = 0;         // server invocations handed to handlers
  std::uint64_t connects = 0;            // successful connects (handshakes), the first included
  std::uint64_t pings_sent = 0;
};

// A client session of an ASP.NET Core SignalR hub (JSON protocol over WebSockets): start()
// negotiates (or skips it), connects and handshakes; then a run loop reads messages and hands
// server invocations to the handlers registered with on(), while invoke() and send() call hub
// methods. When the connection is lost it reconnects as the options' reconnect_policy says, and
// on_connected runs again after every connect so that subscriptions are renewed. stop() closes
// politely. Expected failures are std::error_codes: session_error, signalr::error (codec),
// net::error (transport), with a log-safe sentence in last_error_detail().
//
// All member functions must be called on the executor's thread (one io_context thread). The
// object may be destroyed in any state: that drops the connection without waiting (stop() is
// the polite way) and no callback runs afterwards.
class hub_connection {
 public:
  hub_connection(boost::asio::any_io_executor ex, hub_options options);
  ~hub_connection();
  hub_connection(const hub_connection&) = delete;
  hub_connection& operator=(const hub_connection&) = delete;

  // --- handlers (they survive reconnects) ---------------------------------------------------
  // Adds a handler for `target` (matched case-insensitively, as the official clients do); a
  // target may have several, called in order. See hub_handler for what a handler may return.
  void on(std::string_view target, hub_handler handler);
  void off(std::string_view target);

  // --- lifecycle callbacks ------------------------------------------------------------------
  // After every successful connect, the first included, before start() returns and before
  // on_reconnected: renew subscriptions here (invoke works). An error fails that connect: the
  // first start() returns it, a reconnect attempt counts as failed.
  void on_connected(std::function<boost::asio::awaitable<std::error_code>()> hook);
  void on_reconnecting(std::function<void(std::error_code)> callback);  // why it was lost
  void on_reconnected(std::function<void(std::string_view connection_id)> callback);
  // Closed for good after having been connected: stop() ({}), a Close without allowReconnect
  // (server_closed or server_closed_with_error), or the policy gave up (reconnect_gave_up).
  void on_closed(std::function<void(std::error_code)> callback);

  // --- lifecycle ----------------------------------------------------------------------------
  // Connects (negotiate, WebSocket, handshake, on_connected) and returns once connected or
  // failed; the first failure is returned without reconnecting unless retry_first_start.
  // Errors: already_started, invalid_url, negotiate_*, no_websockets_transport, unauthorized,
  // token_unavailable, handshake_timeout, stopped, signalr::error::handshake_rejected, net errors.
  boost::asio::awaitable<std::error_code> start();

  // Sends Close, closes the WebSocket with 1000 and ends the run loop; pending invocations fail
  // with session_error::stopped. Works in every state and returns within close_timeout (plus
  // the time a coroutine handler takes to honour cancellation).
  boost::asio::awaitable<void> stop();

  // Completes when the connection is closed for good (at once when it is not running) with
  // what on_closed got (or the first start()'s error).
  boost::asio::awaitable<std::error_code> wait_closed();

  // --- calls ----------------------------------------------------------------------------------
  // Each argument is one encoded JSON value ("42", "\"text\"", "{...}"), sent as it is:
  //   auto [ec, result] = co_await hub.invoke("Subscribe", "\"all\"", "42");
  // Awaits the Completion: the result's JSON text ("" for void), or invocation_error with the
  // server's error text; connection_lost or stopped when the connection ends first,
  // not_connected, send_queue_full, invocation_cancelled (per-operation cancellation).
  // The arguments are read when the invoke is awaited: temporaries in the co_await are fine.
  boost::asio::awaitable<std::tuple<std::error_code, std::string>> invoke(
      std::string_view target, std::span<const std::string_view> arguments);
  template <class... Arguments>
    requires(std::is_convertible_v<const Arguments&, std::string_view> && ...)
  boost::asio::awaitable<std::tuple<std::error_code, std::string>> invoke(std::string_view target,
                                                                          const Arguments&... arguments) {
    const std::array<std::string_view, sizeof...(Arguments)> list{std::string_view(arguments)...};
    co_return co_await invoke(target, std::span<const std::string_view>(list));
  }

  // Queues an invocation without an id (no Completion) and returns at once.
  // Errors: not_connected, send_queue_full.
  std::error_code send(std::string_view target, std::span<const std::string_view> arguments);
  template <class... Arguments>
    requires(std::is_convertible_v<const Arguments&, std::string_view> && ...)
  std::error_code send(std::string_view target, const Arguments&... arguments) {
    const std::array<std::string_view, sizeof...(Arguments)> list{std::string_view(arguments)...};
    return send(target, std::span<const std::string_view>(list));
  }

  // --- observation --------------------------------------------------------------------------
  connection_state state() const noexcept;
  // The current connection's connectionId from negotiate; empty when negotiation was skipped.
  const std::string& connection_id() const noexcept;
  // One sentence about the last failure, safe for logs (URLs redacted, no tokens).
  const std::string& last_error_detail() const noexcept;
  const hub_statistics& statistics() const noexcept;

  struct impl;

 private:
  std::shared_ptr<impl> impl_;
};

}  // namespace eventwire::signalr
