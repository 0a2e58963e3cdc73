#include "metrics_endpoint.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>

#include <charconv>
#include <list>

namespace eventwire::cli {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;
using namespace std::chrono_literals;

namespace {
constexpr auto use_tuple = asio::as_tuple(asio::use_awaitable);
}

std::optional<tcp::endpoint> parse_listen_address(std::string_view text) {
  const auto colon = text.rfind(':');
  if (colon == std::string_view::npos) return std::nullopt;
  std::string_view host = text.substr(0, colon);
  const std::string_view port_text = text.substr(colon + 1);
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  unsigned port = 0;
  const auto [end, ec] = std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
  if (ec != std::errc{} || end != port_text.data() + port_text.size() || port > 65535) return std::nullopt;
  boost::system::error_code bad;
  const auto address = asio::ip::make_address(std::string(host), bad);
  if (bad) return std::nullopt;
  return tcp::endpoint(address, static_cast<std::uint16_t>(port));
}

struct metrics_endpoint::state : std::enable_shared_from_this<state> {
  tcp::acceptor acceptor;
  std::function<std::string()> render;
  std::list<std::weak_ptr<beast::tcp_stream>> connections;
  bool stopped = false;

  state(asio::any_io_executor ex, const tcp::endpoint& where, std::function<std::string()> r)
      : acceptor(ex, where), render(std::move(r)) {}

  asio::awaitable<void> serve(std::shared_ptr<beast::tcp_stream> stream) {
    auto self = shared_from_this();
    beast::flat_buffer buffer(8192);
    for (;;) {
      http::request_parser<http::string_body> parser;
      parser.header_limit(8192);
      parser.body_limit(8192);
      stream->expires_after(30s);
      auto [ec, n] = co_await http::async_read(*stream, buffer, parser, use_tuple);
      if (ec) co_return;
      const auto& request = parser.get();
      http::response<http::string_body> response;
      response.version(11);
      response.keep_alive(request.keep_alive());
      const bool found = request.method() == http::verb::get && request.target() == "/metrics";
      response.result(found ? http::status::ok : http::status::not_found);
      response.set(http::field::content_type, found ? "text/plain; version=0.0.4; charset=utf-8" : "text/plain");
      response.body() = found ? render() : "eventwire serves /metrics\n";
      response.prepare_payload();
      auto [write_error, written] = co_await http::async_write(*stream, response, use_tuple);
      if (write_error || !response.keep_alive()) co_return;
    }
  }

  asio::awaitable<void> accept_loop() {
    auto self = shared_from_this();
    while (!stopped) {
      auto [ec, socket] = co_await acceptor.async_accept(use_tuple);
      if (ec) {
        if (stopped || ec == asio::error::operation_aborted) co_return;
        continue;  // e.g. too many open files: try the next one
      }
      auto stream = std::make_shared<beast::tcp_stream>(std::move(socket));
      connections.remove_if([](const auto& weak) { return weak.expired(); });
      connections.push_back(stream);
      asio::co_spawn(acceptor.get_executor(), serve(stream), asio::detached);
    }
  }
};

metrics_endpoint::metrics_endpoint(asio::any_io_executor ex, const tcp::endpoint& where,
                                   std::function<std::string()> render)
    : state_(std::make_shared<state>(ex, where, std::move(render))) {
  asio::co_spawn(ex, state_->accept_loop(), asio::detached);
}

metrics_endpoint::~metrics_endpoint() { stop(); }

tcp::endpoint metrics_endpoint::local_endpoint() const { return state_->acceptor.local_endpoint(); }

void metrics_endpoint::stop() noexcept {
  if (state_->stopped) return;
  state_->stopped = true;
  boost::system::error_code ignored;
  state_->acceptor.close(ignored);
  for (auto& weak : state_->connections)
    if (auto stream = weak.lock()) stream->socket().close(ignored);
}

}  // namespace eventwire::cli
