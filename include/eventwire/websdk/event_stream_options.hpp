#pragma once

#include <eventwire/multipart/limits.hpp>
#include <eventwire/net/http_options.hpp>
#include <eventwire/session/reconnect_policy.hpp>
#include <eventwire/websdk/stream_subscription.hpp>

#include <chrono>
#include <cstddef>
#include <string>
#include <vector>

namespace eventwire::websdk {

// What an event_stream connects to and how it behaves.
struct event_stream_options {
  // The Web SDK base: http(s)://HOST:4590/WebSdk. GET /events answers a 301 to the streaming
  // port (4591 by default), which is followed.
  std::string url = "http://127.0.0.1:4590/WebSdk";
  // HTTP Basic with `username;application_id` as the user name.
  std::string username;
  std::string application_id;
  std::string password;
  // Subscribed on every connect (the first and each reconnect), in requests of at most
  // max_query_size bytes; subscribe()/unsubscribe() keep this list current.
  std::vector<stream_subscription> subscriptions;
  bool alarm_monitoring = false;  // POST /events/alarmMonitoring/on on every connect
  // Deadlines and TLS of every request; read_timeout bounds each call's answer.
  net::http_options http;
  // The stream's silence watchdog: no complete part and no KeepAlive line for this long means the
  // connection is lost (a server that sends nothing, or trickles bytes that never finish a part).
  // The server sends a KeepAlive a minute when idle.
  std::chrono::steady_clock::duration silence_timeout = std::chrono::seconds(90);
  session::reconnect_policy reconnect;
  // A part larger than this is reported (stream_error::part_too_large) and skipped.
  std::size_t max_part_size = 1024 * 1024;
  // The splitter's limits for header blocks and lines (its body limit is max_part_size's job).
  multipart::limits stream_limits;
  std::size_t read_buffer_size = 64 * 1024;
  std::size_t max_query_size = 8192;
  // stop(): how long POST /events/closeconnection and the end of run() may take.
  std::chrono::steady_clock::duration close_timeout = std::chrono::seconds(5);
};

}  // namespace eventwire::websdk
