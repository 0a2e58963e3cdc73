#pragma once

#include <eventwire/net/http_options.hpp>
#include <eventwire/net/http_request.hpp>
#include <eventwire/net/url.hpp>

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>

#include <memory>
#include <string>
#include <system_error>
#include <tuple>

namespace eventwire::net {

// HTTP/1.1 requests for negotiate and REST calls. One connection is kept alive and reused while
// requests go to the same scheme, host and port; a reused connection that the server had
// closed is replaced once, transparently. Redirects (301, 302, 303, 307, 308) are followed up
// to max_redirects hops; 301-303 turn a POST into a GET without body, 307 and 308 keep both;
// https -> http is refused. One request at a time; the client must outlive its operations.
class http_client {
 public:
  explicit http_client(boost::asio::any_io_executor ex, http_options options = {});
  ~http_client();
  http_client(const http_client&) = delete;
  http_client& operator=(const http_client&) = delete;

  // Any final status is a success here; the caller judges it. Errors: net::error::
  // connect_timeout, handshake_timeout, write_timeout, read_timeout, response_too_large,
  // header_too_large, too_many_redirects, redirect_without_location, insecure_redirect,
  // connection_closed, certificate_rejected, certificate_pin_mismatch, or a socket error.
  boost::asio::awaitable<std::tuple<std::error_code, http_response>> send(http_request request);

  boost::asio::awaitable<std::tuple<std::error_code, http_response>> get(
      const url& where, boost::beast::http::fields headers = {});
  boost::asio::awaitable<std::tuple<std::error_code, http_response>> post(
      const url& where, std::string body, std::string_view content_type,
      boost::beast::http::fields headers = {});

  // Where the last response came from, after redirects.
  const url& last_url() const noexcept;
  // One sentence about the last failure, safe for logs (URLs redacted, no header values).
  const std::string& last_error_detail() const noexcept;
  // Whether a kept-alive connection is open (for tests of reuse).
  bool has_idle_connection() const noexcept;
  void close() noexcept;

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

}  // namespace eventwire::net
