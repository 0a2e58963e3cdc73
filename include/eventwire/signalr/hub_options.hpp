#pragma once

#include <eventwire/net/http_options.hpp>
#include <eventwire/net/tls_context.hpp>
#include <eventwire/net/websocket_client.hpp>
#include <eventwire/session/reconnect_policy.hpp>

#include <boost/asio/awaitable.hpp>
#include <boost/beast/http/fields.hpp>

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <system_error>
#include <tuple>

namespace eventwire::signalr {

// Called before every negotiate and every WebSocket connect; a second call after a 401 is the
// refresh. An error fails that attempt (session_error::token_unavailable). Empty: no token.
using access_token_source =
    std::function<boost::asio::awaitable<std::tuple<std::error_code, std::string>>()>;

enum class log_level : unsigned char { debug, info, warning, error };
// Receives one line per event worth logging; never a token (URLs are redacted).
using log_sink = std::function<void(log_level, std::string_view)>;

struct hub_options {
  std::string url;  // http, https, ws or wss; its query is kept
  // Connect the WebSocket straight to `url` (no negotiate; WebSockets only).
  bool skip_negotiation = false;

  access_token_source access_token;
  // Also send the token as the access_token query parameter of the WebSocket URL (Clay); it is
  // always sent as `Authorization: Bearer`.
  bool access_token_in_query = false;
  // Extra headers on every negotiate and upgrade request (Mission Control's ClientId).
  boost::beast::http::fields headers;

  std::chrono::steady_clock::duration handshake_timeout = std::chrono::seconds(15);
  // A Ping goes out when nothing was sent for this long.
  std::chrono::steady_clock::duration keep_alive_interval = std::chrono::seconds(15);
  // Nothing received for this long while waiting for a message: the connection is lost.
  std::chrono::steady_clock::duration server_timeout = std::chrono::seconds(30);
  // The longest stop() waits for the polite close (Close message, close handshake).
  std::chrono::steady_clock::duration close_timeout = std::chrono::seconds(5);

  std::size_t max_record_size = std::size_t{1} << 20;
  // Bytes of sends and invokes waiting for the socket; beyond it they fail with send_queue_full.
  std::size_t max_send_queue = std::size_t{1} << 20;
  unsigned max_negotiate_redirects = 100;

  // Transport settings; idle_timeout is ignored (server_timeout is the session's own rule).
  net::websocket_options websocket;
  net::http_options http;  // negotiate
  // For https and wss, given to both; null keeps what websocket.tls and http.tls say.
  std::shared_ptr<net::tls_client_context> tls;

  session::reconnect_policy reconnect;
  // Run the reconnect policy when the first start() fails too (the official clients don't).
  bool retry_first_start = false;

  log_sink log;
};

}  // namespace eventwire::signalr
