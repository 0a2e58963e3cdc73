#pragma once

#include <eventwire/net/http_options.hpp>
#include <eventwire/net/http_request.hpp>
#include <eventwire/net/url.hpp>

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/buffer.hpp>
#include <boost/beast/http/message.hpp>

#include <cstddef>
#include <memory>
#include <string>
#include <system_error>
#include <tuple>

namespace eventwire::net {

// One request whose response body is read as it arrives, for never-ending responses such as
// the Genetec Web SDK's event stream (often "HTTP/1.0 200" with no Content-Length: the body
// lasts until the server closes). Redirects are followed as by http_client. Memory stays
// bounded by header_limit and the caller's buffer; the connection is never reused.
class http_response_stream {
 public:
  explicit http_response_stream(boost::asio::any_io_executor ex, http_options options = {});
  ~http_response_stream();
  http_response_stream(const http_response_stream&) = delete;
  http_response_stream& operator=(const http_response_stream&) = delete;

  // Connects, sends, and reads the response header (following redirects). Any status is a
  // success; header() and final_url() then describe the response. Errors as http_client::send.
  boost::asio::awaitable<std::error_code> open(http_request request);

  const boost::beast::http::response_header<>& header() const noexcept;
  unsigned status() const noexcept { return header().result_int(); }
  const url& final_url() const noexcept;

  // Copies the next body bytes into `into` as soon as any arrive (chunked framing removed).
  // Returns net::error::end_of_body when the body is complete (Content-Length reached, last
  // chunk, or the server closed a body that lasts until EOF), read_timeout after read_timeout
  // of silence. Bytes may come with an error: use them first.
  boost::asio::awaitable<std::tuple<std::error_code, std::size_t>> read_some(
      boost::asio::mutable_buffer into);

  const std::string& last_error_detail() const noexcept;
  void close() noexcept;

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

}  // namespace eventwire::net
