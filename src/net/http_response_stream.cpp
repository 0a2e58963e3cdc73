#include "detail/classify.hpp"
#include "detail/http_exchange.hpp"

#include <eventwire/net/connect.hpp>
#include <eventwire/net/error.hpp>
#include <eventwire/net/http_response_stream.hpp>
#include <eventwire/net/redact.hpp>
#include <eventwire/net/stream.hpp>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/buffer_body.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>

#include <optional>

namespace eventwire::net {

namespace asio = boost::asio;
namespace http = boost::beast::http;

namespace {
constexpr auto use_tuple = asio::as_tuple(asio::use_awaitable);
const http::response_header<> no_header;
}  // namespace

struct http_response_stream::impl {
  asio::any_io_executor executor;
  http_options options;
  std::optional<stream> connection;
  boost::beast::flat_buffer buffer;
  std::optional<http::response_parser<http::buffer_body>> parser;
  url where;
  std::string why;

  impl(asio::any_io_executor ex, http_options o)
      : executor(std::move(ex)), options(std::move(o)), buffer(options.header_limit + 65536) {
    // Beast reads at most max(512, capacity - size) bytes at once: without capacity, every read
    // would be 512 bytes (a system call and a deadline per half kilobyte).
    buffer.reserve(65536);
  }

  void close() noexcept {
    if (connection) connection->close();
    connection.reset();
    parser.reset();
    buffer.clear();
  }

  std::error_code fail(const boost::system::error_code& ec, error timeout_as,
                       std::string_view doing) {
    auto classified = detail::classify(ec, timeout_as);
    why = std::string(doing) + " " + redact(where) + " failed: " + classified.message();
    close();
    return classified;
  }

  // Sends `request` on a new connection and reads the response header.
  asio::awaitable<std::error_code> exchange(const http_request& request) {
    close();
    where = request.url;
    if (auto ec = co_await connect(connection, where, detail::connect_options_of(options), why))
      co_return ec;
    auto& tcp = connection->lowest_layer();

    const auto message = detail::make_message(request, options);
    detail::arm(tcp, options.write_timeout);
    auto [write_error, written] = co_await http::async_write(*connection, message, use_tuple);
    if (write_error) co_return fail(write_error, error::write_timeout, "sending to");

    parser.emplace();
    parser->body_limit(boost::none);
    parser->header_limit(options.header_limit);
    detail::arm(tcp, options.read_timeout);
    auto [read_error, read] =
        co_await http::async_read_header(*connection, buffer, *parser, use_tuple);
    tcp.expires_never();
    if (read_error) co_return fail(read_error, error::read_timeout, "reading the header of");
    co_return std::error_code{};
  }
};

http_response_stream::http_response_stream(asio::any_io_executor ex, http_options options)
    : impl_(std::make_unique<impl>(std::move(ex), std::move(options))) {}

http_response_stream::~http_response_stream() = default;

asio::awaitable<std::error_code> http_response_stream::open(http_request request) {
  impl& self = *impl_;
  self.why.clear();
  for (unsigned hops = 0;; ++hops) {
    if (auto ec = co_await self.exchange(request)) co_return ec;
    const unsigned status = self.parser->get().result_int();
    if (!detail::is_redirect(status)) co_return std::error_code{};
    const std::string location(self.parser->get()[http::field::location]);
    self.close();
    if (hops == self.options.max_redirects) {
      self.why = "more than " + std::to_string(self.options.max_redirects) +
                 " redirects, the last to " + redact(request.url);
      co_return error::too_many_redirects;
    }
    if (auto ec = detail::follow_redirect(request, status, location, self.why)) co_return ec;
  }
}

const http::response_header<>& http_response_stream::header() const noexcept {
  return impl_->parser ? impl_->parser->get().base() : no_header;
}

const url& http_response_stream::final_url() const noexcept { return impl_->where; }

asio::awaitable<std::tuple<std::error_code, std::size_t>> http_response_stream::read_some(
    asio::mutable_buffer into) {
  impl& self = *impl_;
  if (!self.parser || !self.connection)
    co_return std::tuple{std::error_code(error::not_connected), std::size_t{0}};
  if (self.parser->is_done())
    co_return std::tuple{std::error_code(error::end_of_body), std::size_t{0}};

  // The parser may progress without body bytes (a chunk header, the end of the message).
  for (;;) {
    auto& body = self.parser->get().body();
    body.data = into.data();
    body.size = into.size();
    body.more = true;
    detail::arm(self.connection->lowest_layer(), self.options.read_timeout);
    auto [ec, parsed] =
        co_await http::async_read_some(*self.connection, self.buffer, *self.parser, use_tuple);
    self.connection->lowest_layer().expires_never();
    const std::size_t got = into.size() - body.size;
    body.data = nullptr;
    body.size = 0;
    if (ec == http::error::need_buffer) ec = {};
    if (ec) co_return std::tuple{self.fail(ec, error::read_timeout, "reading the body of"), got};
    if (got != 0) co_return std::tuple{std::error_code{}, got};
    if (self.parser->is_done())
      co_return std::tuple{std::error_code(error::end_of_body), std::size_t{0}};
  }
}

const std::string& http_response_stream::last_error_detail() const noexcept { return impl_->why; }
void http_response_stream::close() noexcept { impl_->close(); }

}  // namespace eventwire::net
