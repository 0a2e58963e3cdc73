#include "detail/classify.hpp"
#include "detail/http_exchange.hpp"

#include <eventwire/net/connect.hpp>
#include <eventwire/net/error.hpp>
#include <eventwire/net/http_client.hpp>
#include <eventwire/net/redact.hpp>
#include <eventwire/net/stream.hpp>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/error.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>

#include <optional>

namespace eventwire::net {

namespace asio = boost::asio;
namespace http = boost::beast::http;

namespace {

constexpr auto use_tuple = asio::as_tuple(asio::use_awaitable);

// Errors that mean a kept-alive connection had been closed by the server before our request.
bool is_stale_connection(const boost::system::error_code& ec) {
  return ec == http::error::end_of_stream || ec == asio::error::eof ||
         ec == asio::error::connection_reset || ec == asio::error::broken_pipe;
}

}  // namespace

struct http_client::impl {
  asio::any_io_executor executor;
  http_options options;
  std::optional<stream> connection;
  url connected_to;
  boost::beast::flat_buffer buffer;
  url last_url;
  std::string why;  // last failure, for last_error_detail()

  impl(asio::any_io_executor ex, http_options o)
      : executor(std::move(ex)), options(std::move(o)), buffer(options.header_limit + 65536) {
    // Beast reads at most max(512, capacity - size) bytes at once: without capacity, every read
    // would be 512 bytes (a system call and a deadline per half kilobyte).
    buffer.reserve(65536);
  }

  void drop_connection() noexcept {
    if (connection) connection->close();
    connection.reset();
    buffer.clear();
  }

  asio::awaitable<std::error_code> open(const url& where) {
    drop_connection();
    if (auto ec = co_await connect(connection, where, detail::connect_options_of(options), why))
      co_return ec;
    connected_to = where;
    co_return std::error_code{};
  }

  // One request and its response on the open connection. `got_some` says whether any byte of
  // the response arrived.
  asio::awaitable<boost::system::error_code> write_and_read(
      const http::request<http::string_body>& message, http_response& out, error& timeout_as,
      bool& got_some) {
    auto& tcp = connection->lowest_layer();
    timeout_as = error::write_timeout;
    got_some = false;
    detail::arm(tcp, options.write_timeout);
    auto [write_error, written] = co_await http::async_write(*connection, message, use_tuple);
    if (write_error) co_return write_error;

    timeout_as = error::read_timeout;
    http::response_parser<http::string_body> parser;
    parser.body_limit(options.body_limit);
    parser.header_limit(options.header_limit);
    if (message.method() == http::verb::head) parser.skip(true);
    detail::arm(tcp, options.read_timeout);
    auto [read_error, read] = co_await http::async_read(*connection, buffer, parser, use_tuple);
    tcp.expires_never();
    got_some = parser.got_some();
    if (!read_error) out = parser.release();
    co_return read_error;
  }

  asio::awaitable<std::error_code> exchange(const http_request& request, http_response& out) {
    const bool reusing = connection && detail::same_origin(connected_to, request.url);
    if (!reusing) {
      if (auto ec = co_await open(request.url)) co_return ec;
    }
    const auto message = detail::make_message(request, options);
    error timeout_as = error::write_timeout;
    bool got_some = false;
    auto ec = co_await write_and_read(message, out, timeout_as, got_some);
    if (ec && reusing && !got_some && is_stale_connection(ec)) {
      if (auto reopen_error = co_await open(request.url)) co_return reopen_error;
      ec = co_await write_and_read(message, out, timeout_as, got_some);
    }
    if (ec) {
      drop_connection();
      auto classified = detail::classify(ec, timeout_as);
      why = std::string(http::to_string(request.method)) + " " + redact(request.url) +
            " failed: " + classified.message();
      co_return classified;
    }
    if (!out.keep_alive()) drop_connection();
    co_return std::error_code{};
  }
};

http_client::http_client(asio::any_io_executor ex, http_options options)
    : impl_(std::make_unique<impl>(std::move(ex), std::move(options))) {}

http_client::~http_client() = default;

asio::awaitable<std::tuple<std::error_code, http_response>> http_client::send(
    http_request request) {
  impl& self = *impl_;
  self.why.clear();
  http_response response;
  for (unsigned hops = 0;; ++hops) {
    if (auto ec = co_await self.exchange(request, response))
      co_return std::tuple{ec, http_response{}};
    self.last_url = request.url;
    const unsigned status = response.result_int();
    if (!detail::is_redirect(status)) break;
    if (hops == self.options.max_redirects) {
      self.why = "more than " + std::to_string(self.options.max_redirects) +
                 " redirects, the last to " + redact(request.url);
      co_return std::tuple{std::error_code(error::too_many_redirects), http_response{}};
    }
    if (auto ec =
            detail::follow_redirect(request, status, response[http::field::location], self.why))
      co_return std::tuple{ec, http_response{}};
  }
  co_return std::tuple{std::error_code{}, std::move(response)};
}

asio::awaitable<std::tuple<std::error_code, http_response>> http_client::get(const url& where,
                                                                             http::fields headers) {
  // A named request: g++ 12 frees a braced temporary passed to a coroutine inside co_await twice.
  http_request request;
  request.url = where;
  request.headers = std::move(headers);
  co_return co_await send(std::move(request));
}

asio::awaitable<std::tuple<std::error_code, http_response>> http_client::post(
    const url& where, std::string body, std::string_view content_type, http::fields headers) {
  if (!content_type.empty()) headers.set(http::field::content_type, content_type);
  http_request request;
  request.method = http::verb::post;
  request.url = where;
  request.headers = std::move(headers);
  request.body = std::move(body);
  co_return co_await send(std::move(request));
}

const url& http_client::last_url() const noexcept { return impl_->last_url; }
const std::string& http_client::last_error_detail() const noexcept { return impl_->why; }
bool http_client::has_idle_connection() const noexcept { return impl_->connection.has_value(); }
void http_client::close() noexcept { impl_->drop_connection(); }

}  // namespace eventwire::net
