#pragma once

// The state of a hub_connection, shared by the files that implement it:
//   hub_connection.cpp   the public functions
//   lifecycle.cpp        start, stop, the run loop and reconnecting
//   connect_attempt.cpp  token, negotiate, WebSocket connect and handshake
//   serve.cpp            one connection: reader, writer (sends, keep-alive), watchdog
//   dispatch.cpp         what the reader does with each record
//   calls.cpp            invoke, send and their completions

#include "event_flag.hpp"

#include <eventwire/net/http_client.hpp>
#include <eventwire/net/url.hpp>
#include <eventwire/net/websocket_client.hpp>
#include <eventwire/signalr/hub_connection.hpp>
#include <eventwire/signalr/hub_message.hpp>
#include <eventwire/signalr/record_framer.hpp>

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/cancellation_signal.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core/flat_buffer.hpp>

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace eventwire::signalr {

using clock = std::chrono::steady_clock;

namespace detail {

// The handlers of one target; `name` is lower-cased for case-insensitive matching.
struct handler_set {
  std::string name;
  std::vector<hub_handler> handlers;
  bool all_sync = true;
};

// An invoke() waiting for its Completion; it lives in the invoking coroutine's frame.
struct pending_call {
  explicit pending_call(boost::asio::any_io_executor ex) : done(std::move(ex)) {}
  std::error_code error;
  std::string value;  // the result's JSON text, or the server's error text
  event_flag done;
};

// Where a connection attempt leads: the WebSocket URL and what negotiate said.
struct transport_target {
  net::url websocket_url;
  std::string connection_id;
  std::optional<std::string> redirect_token;  // from a negotiate redirect: used instead
};

// How a connection ends: dropped at once, or politely (flush, close handshake).
enum class end_mode : unsigned char { abort, polite };

}  // namespace detail

struct hub_connection::impl : std::enable_shared_from_this<impl> {
  impl(boost::asio::any_io_executor ex, hub_options o);

  // --- configuration ------------------------------------------------------------------------
  boost::asio::any_io_executor executor;
  hub_options options;
  net::url base_url;  // parsed at start()

  // --- transports -----------------------------------------------------------------------------
  net::websocket_client websocket;
  net::http_client http;

  // --- handlers and callbacks -----------------------------------------------------------------
  std::vector<detail::handler_set> handlers;
  std::size_t last_handler = 0;  // the set that matched last, tried first
  std::string last_target;       // the target as the server spelled it then (empty: none yet)
  // on() and off() while a handler runs wait here until the dispatch is over.
  bool dispatching = false;
  std::vector<std::pair<std::string, std::optional<hub_handler>>> deferred_changes;
  std::function<boost::asio::awaitable<std::error_code>()> connected_hook;
  std::function<void(std::error_code)> reconnecting_callback;
  std::function<void(std::string_view)> reconnected_callback;
  std::function<void(std::error_code)> closed_callback;

  // --- lifecycle (lifecycle.cpp) ----------------------------------------------------------------
  connection_state state = connection_state::disconnected;
  bool running = false;         // the run loop is alive
  bool stop_requested = false;
  bool detached = false;        // the hub_connection was destroyed: no more callbacks
  bool ever_connected = false;  // since start(): decides whether on_closed runs
  std::optional<std::error_code> start_result;
  std::error_code closed_result;
  detail::event_flag start_answered;
  detail::event_flag closed;
  detail::event_flag stop_wake;  // set by stop(): ends a connect attempt or a reconnect delay
  boost::asio::steady_timer delay_timer;
  std::string connection_id;
  std::string detail_text;
  hub_statistics stats;

  // --- the current connection (serve.cpp) -------------------------------------------------------
  std::uint64_t generation = 0;  // one per connection, to ignore late news from an old one
  bool conn_open = false;        // handshaken and not ended
  bool conn_ended = false;
  bool established = false;      // on_connected succeeded on this connection
  bool final_close = false;      // a Close without allowReconnect: no reconnect
  detail::end_mode end_how = detail::end_mode::abort;
  std::error_code end_reason;
  clock::time_point ended_at;
  bool reader_done = false;
  bool writer_done = false;
  detail::event_flag writer_finished;
  // For a coroutine handler being awaited (the reader keeps this object alive meanwhile).
  boost::asio::cancellation_signal handler_cancel;
  // Cancellation is emitted only while these run: Asio's co_spawn leaves its cancellation
  // handler installed after completion, and emitting then would post work that outlives us.
  bool handler_running = false;
  bool hook_running = false;
  // For the running on_connected hook; shared with its completion handler, which may run after
  // this object is gone.
  std::shared_ptr<boost::asio::cancellation_signal> hook_cancel;

  // --- receiving (dispatch.cpp) -------------------------------------------------------------------
  boost::beast::flat_buffer in;
  record_framer framer;
  hub_message message;
  std::string scratch;       // decoded targets and ids with escapes
  bool reading = false;      // a WebSocket read is pending
  clock::time_point read_started;
  boost::asio::steady_timer watchdog_timer;

  // --- sending (serve.cpp, calls.cpp) ---------------------------------------------------------
  std::string out_pending;   // records waiting for the writer
  std::string out_writing;   // the message being written
  bool writer_idle = false;
  clock::time_point last_sent;
  boost::asio::steady_timer writer_wake;
  detail::event_flag drained;  // the writer took out_pending
  std::uint64_t next_invocation_id = 0;
  std::unordered_map<std::uint64_t, detail::pending_call*> pending;

  // --- lifecycle.cpp ------------------------------------------------------------------------------
  boost::asio::awaitable<void> run(std::shared_ptr<impl> self);
  boost::asio::awaitable<std::error_code> connect_stoppable();
  boost::asio::awaitable<bool> wait_delay(clock::duration d);
  void answer_start(std::error_code ec);
  void finish(std::error_code ec);
  void begin_stop();
  void drop_now() noexcept;

  // --- connect_attempt.cpp ------------------------------------------------------------------------
  boost::asio::awaitable<std::error_code> connect_attempt();
  boost::asio::awaitable<std::error_code> connect_once(bool& unauthorized);
  boost::asio::awaitable<std::tuple<std::error_code, std::string>> fetch_token();
  boost::asio::awaitable<std::error_code> negotiate(detail::transport_target& target,
                                                    std::string& token, bool& unauthorized);
  boost::asio::awaitable<std::error_code> handshake();
  boost::asio::awaitable<std::error_code> handshake_exchange();

  // --- serve.cpp ------------------------------------------------------------------------------------
  // Runs the connection that connect_attempt() opened until it ends; returns why.
  boost::asio::awaitable<std::error_code> serve(std::shared_ptr<impl> self, bool first);
  boost::asio::awaitable<void> writer(std::shared_ptr<impl> self, std::uint64_t gen);
  boost::asio::awaitable<void> watchdog(std::shared_ptr<impl> self, std::uint64_t gen);
  boost::asio::awaitable<void> run_hook(std::shared_ptr<impl> self, std::uint64_t gen, bool first);
  void end_connection(std::error_code why, detail::end_mode how);
  void wake_writer();

  // --- dispatch.cpp ---------------------------------------------------------------------------------
  boost::asio::awaitable<void> reader();
  void call_sync(const detail::handler_set& set, const hub_handler& h, const invocation& inv);
  boost::asio::awaitable<void> dispatch_invocation(const invocation& inv, detail::handler_set* set);
  boost::asio::awaitable<void> wait_for_send_room();
  void handle_other(const hub_message& m);
  detail::handler_set* find_handlers(const json::raw_string& target);
  void handle_completion(const completion& c);
  void handle_close(const close& c);

  // --- calls.cpp ------------------------------------------------------------------------------------
  boost::asio::awaitable<std::tuple<std::error_code, std::string>> invoke(
      std::shared_ptr<impl> self, std::string_view target, std::span<const std::string_view> arguments);
  std::error_code send(std::string_view target, std::span<const std::string_view> arguments);
  std::error_code can_send() const noexcept;
  void queue_completion(std::string_view invocation_id, const invocation_result& result);
  void fail_pending(std::error_code why);

  void add_handler(std::string_view target, hub_handler h);
  void remove_handlers(std::string_view target);
  void apply_deferred_changes();

  void log(log_level level, std::string_view text) const;
  void set_detail(std::string text) { detail_text = std::move(text); }
};

}  // namespace eventwire::signalr
