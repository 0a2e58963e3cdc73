#pragma once

#include <eventwire/net/self_signed_certificate.hpp>
#include <eventwire/net/stream.hpp>
#include <eventwire/net/url.hpp>

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace eventwire::emulator {

using request = boost::beast::http::request<boost::beast::http::string_body>;
using response = boost::beast::http::response<boost::beast::http::string_body>;

struct server_options {
  bool tls = false;  // https and wss with `certificate`
  // The TLS identity; none: a fresh self-signed one for localhost, 127.0.0.1 and ::1.
  std::optional<net::self_signed_certificate> certificate;
  std::uint16_t port = 0;  // 0: any free port on 127.0.0.1
  std::uint64_t request_body_limit = 1024 * 1024;
  std::uint32_t request_header_limit = 16 * 1024;
  std::chrono::steady_clock::duration tls_handshake_timeout = std::chrono::seconds(10);
  // How long a connection may sit between requests; zero: no limit.
  std::chrono::steady_clock::duration keep_alive_timeout = std::chrono::seconds(60);
};

namespace detail {
struct server_state;
}

// One accepted connection as a request handler sees it.
class connection {
 public:
  connection(std::uint64_t id, net::stream transport) noexcept
      : id_(id), stream_(std::move(transport)) {}

  // The transport, for a handler that takes the connection over: a WebSocket (see
  // take_websocket) or raw bytes (e.g. "HTTP/1.0 200 OK\r\n...\r\n\r\n" and then a body at will).
  net::stream& stream() noexcept { return stream_; }
  // Bytes that arrived after the current request (a pipelining client's next request).
  boost::beast::flat_buffer& buffer() noexcept { return buffer_; }
  std::uint64_t id() const noexcept { return id_; }
  bool secure() const noexcept { return stream_.secure(); }
  // The host name the client sent in TLS SNI; empty without TLS or SNI.
  const std::string& server_name() const noexcept { return server_name_; }
  // Fault knob: close the connection right after the current response although it says
  // keep-alive, as a server dropping an idle connection does.
  void close_after_response() noexcept { close_after_response_ = true; }

 private:
  friend struct connection_access;  // the server's request loop
  std::uint64_t id_;
  net::stream stream_;
  boost::beast::flat_buffer buffer_;
  std::string server_name_;
  bool close_after_response_ = false;
};

// Answers one request: a response (sent with the request's keep-alive), or std::nullopt after
// taking the connection over, which the server then closes.
using handler =
    std::function<boost::asio::awaitable<std::optional<response>>(request&, connection&)>;

// A Beast HTTP/1.1 server on 127.0.0.1, plain or TLS, for the emulators and the tests. It
// listens from construction and serves when the executor runs: an accept loop and per
// connection a request loop handing each request to the handler. stop() (also run by the
// destructor) stops accepting and cancels every connection (terminal cancellation reaches the
// handler's pending operation), so every coroutine ends and the io_context runs out of work.
class server {
 public:
  // Throws boost::system::system_error if the port cannot be bound.
  server(boost::asio::any_io_executor ex, handler on_request, server_options options = {});
  ~server();
  server(const server&) = delete;
  server& operator=(const server&) = delete;

  std::uint16_t port() const noexcept;
  // http(s)://127.0.0.1:port{path} (ws(s) for websocket_url).
  net::url url(std::string_view path = "/") const;
  net::url websocket_url(std::string_view path = "/") const;
  // The TLS identity (for pinning in tests); null without TLS.
  const net::self_signed_certificate* certificate() const noexcept;

  std::size_t open_connections() const noexcept;
  std::uint64_t accepted_connections() const noexcept;

  void stop() noexcept;
  bool stopped() const noexcept;

 private:
  std::shared_ptr<detail::server_state> state_;
};

}  // namespace eventwire::emulator
