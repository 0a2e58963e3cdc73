#pragma once

#include <eventwire/websdk/event_stream_options.hpp>
#include <eventwire/websdk/stream_message.hpp>

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>

#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <system_error>
#include <tuple>
#include <vector>

namespace eventwire::websdk {

struct stream_statistics {
  std::uint64_t parts = 0;            // text/json parts decoded
  std::uint64_t events = 0;           // event_notification handed out
  std::uint64_t alarms = 0;           // alarm_triggered handed out
  std::uint64_t acknowledgements = 0;  // alarm_acknowledged handed out
  std::uint64_t heartbeats = 0;       // KeepAlive lines
  std::uint64_t skipped = 0;          // parts reported to on_skipped
  std::uint64_t connects = 0;         // streams opened, the first included
  std::uint64_t reconnects = 0;       // connections lost and restored
};

// One `/events/subscribed` item, owning its strings.
struct subscribed_item {
  std::string event_type;
  std::vector<std::string> entities;
};

// A Genetec Web SDK event and alarm stream. run() subscribes (options.subscriptions), turns alarm
// monitoring on when asked, sends GET /events, follows the 301 to the streaming port, takes the
// ConnectionId (header, or a first `ConnectionId:` body line), splits the multipart/mixed body
// (multipart codec) and decodes each text/json part (websdk codec): events, alarms and alarm
// acknowledgements go to the message handler. Bytes (KeepAlive lines included) feed a silence
// watchdog; a lost connection is reopened as options.reconnect says, subscriptions and alarm
// monitoring restored first. A part that is not JSON, not text/json, a failure or too large is
// reported to on_skipped and skipped; the stream goes on. stop() closes the connection with
// POST /events/closeconnection/{id}.
//
// All member functions must be called on the executor's thread. Destroy the object only when
// run() is not running (after stop() or its end).
class event_stream {
 public:
  // The part's decoded message and its JSON text; both live only during the call.
  using message_handler = std::function<void(const stream_message& message, std::string_view part)>;

  event_stream(boost::asio::any_io_executor ex, event_stream_options options);
  ~event_stream();
  event_stream(const event_stream&) = delete;
  event_stream& operator=(const event_stream&) = delete;

  void on_message(message_handler handler);
  // After the messages of each read were handed out: where a consumer flushes what it gathered
  // (and may wait: the stream is not read meanwhile, so a slow consumer slows the server).
  void on_read_end(std::function<boost::asio::awaitable<void>()> hook);
  // A part that was skipped, or a connection that was lost: the code and a log-safe sentence.
  void on_skipped(std::function<void(std::error_code, std::string_view detail)> callback);
  void on_connected(std::function<void(std::string_view connection_id)> callback);
  void on_reconnecting(std::function<void(std::error_code)> callback);

  // Connects and reads until stop() ({}), a refusal of the credentials (stream_error::
  // unauthorized, also on a reconnect), or the reconnect policy gives up (reconnect_gave_up). The
  // first connect's failure is returned without reconnecting. Errors of the first connect:
  // invalid_url, unauthorized, http_status, call_failed, not_a_stream, websdk::error (a bad
  // subscription), net errors.
  boost::asio::awaitable<std::error_code> run();
  // Closes the stream (closeconnection), ends run() and returns within about close_timeout.
  boost::asio::awaitable<void> stop();

  // Calls on the API port while running or not; the list is kept for later connects. One call at
  // a time. Errors: unauthorized, http_status, call_failed, no_subscriptions, websdk::error.
  boost::asio::awaitable<std::error_code> subscribe(std::span<const stream_subscription> subs);
  boost::asio::awaitable<std::error_code> unsubscribe(std::span<const stream_subscription> subs);
  boost::asio::awaitable<std::error_code> set_alarm_monitoring(bool on);
  boost::asio::awaitable<std::tuple<std::error_code, std::vector<subscribed_item>>> subscribed();

  bool connected() const noexcept;
  const std::string& connection_id() const noexcept;
  const std::vector<stream_subscription>& subscriptions() const noexcept;
  bool alarm_monitoring() const noexcept;
  // One sentence about the last failure, safe for logs (no credentials).
  const std::string& last_error_detail() const noexcept;
  const stream_statistics& statistics() const noexcept;

  struct impl;

 private:
  std::unique_ptr<impl> impl_;
};

}  // namespace eventwire::websdk
