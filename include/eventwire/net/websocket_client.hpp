#pragma once

#include <eventwire/net/http_request.hpp>
#include <eventwire/net/tls_context.hpp>
#include <eventwire/net/url.hpp>

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/fields.hpp>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <tuple>

namespace eventwire::net {

// Deadlines and limits of a WebSocket client; a zero duration means no deadline.
struct websocket_options {
  std::chrono::steady_clock::duration connect_timeout = std::chrono::seconds(10);  // DNS + TCP
  // Each of: the TLS handshake, the HTTP upgrade, and the closing handshake.
  std::chrono::steady_clock::duration handshake_timeout = std::chrono::seconds(10);
  // No byte received for this long: the connection is dropped and read() fails with
  // net::error::read_timeout (SignalR's server timeout). Off by default.
  std::chrono::steady_clock::duration idle_timeout = std::chrono::steady_clock::duration::zero();
  // A write not finished by then drops the connection with net::error::write_timeout.
  std::chrono::steady_clock::duration write_timeout = std::chrono::seconds(30);
  std::size_t read_message_max = 1024 * 1024;
  // Socket reads take 64 KiB at once, and up to this much while the server sends faster than the
  // reader decodes (the buffer goes back to 64 KiB once the reader has caught up).
  std::size_t receive_buffer_max = 1024 * 1024;
  std::shared_ptr<tls_client_context> tls;  // null: tls_client_context::system_default()
  std::string user_agent = "eventwire";
};

struct websocket_close_reason {
  std::uint16_t code = 0;  // 0 when no Close frame arrived
  std::string reason;
};

// A WebSocket client for ws and wss URLs (http and https are taken as ws and wss). One read
// and one write may be in flight at once, from different coroutines; close() may run while a
// read is pending (the read then ends with net::error::websocket_closed). Writes are single
// frames (no auto-fragmenting) and permessage-deflate is off. The client must outlive its
// operations. Cancelling a pending read or write (per-operation cancellation) fails the
// connection.
class websocket_client {
 public:
  explicit websocket_client(boost::asio::any_io_executor ex, websocket_options options = {});
  ~websocket_client();
  websocket_client(const websocket_client&) = delete;
  websocket_client& operator=(const websocket_client&) = delete;

  // Connects and upgrades, sending `headers` (Authorization, ClientId, ...) with the request.
  // A refused upgrade is net::error::upgrade_refused with the response in upgrade_response().
  boost::asio::awaitable<std::error_code> connect(const url& where,
                                                  boost::beast::http::fields headers = {});

  // The server's answer to the upgrade: 101, or what it said instead (401, 404, 409, ...).
  const http_response& upgrade_response() const noexcept;
  unsigned upgrade_status() const noexcept { return upgrade_response().result_int(); }

  // Appends one whole message to `into`. Errors: net::error::websocket_closed (see
  // peer_close_reason()), message_too_large, read_timeout, connection_closed, socket errors.
  boost::asio::awaitable<std::tuple<std::error_code, std::size_t>> read(
      boost::beast::flat_buffer& into);
  // read() without suspending: appends the next message to `into` when all of it has already
  // arrived, else std::nullopt (then read() goes on from there: a Ping, Close or failure met on
  // the way is handled by that read()). Under load most messages take this path.
  std::optional<std::tuple<std::error_code, std::size_t>> read_buffered(boost::beast::flat_buffer& into);
  bool got_text() const noexcept;  // whether the last message read was text

  boost::asio::awaitable<std::error_code> write_text(std::string_view message);
  boost::asio::awaitable<std::error_code> write_binary(std::string_view message);

  // Sends Close with `code` and `reason` (cut to 123 bytes) and waits for the peer's Close
  // and the end of the connection, within handshake_timeout.
  boost::asio::awaitable<std::error_code> close(std::string_view reason = {},
                                                std::uint16_t code = 1000);

  websocket_close_reason peer_close_reason() const;
  // When a byte last arrived: the hook for a caller's own idle policy.
  std::chrono::steady_clock::time_point last_received() const noexcept;
  bool is_open() const noexcept;
  // Drops the connection at once; pending operations fail.
  void abort() noexcept;
  // One sentence about the last failure, safe for logs (URL redacted, no header values).
  const std::string& last_error_detail() const noexcept;

 private:
  struct impl;
  std::shared_ptr<impl> impl_;
};

}  // namespace eventwire::net
