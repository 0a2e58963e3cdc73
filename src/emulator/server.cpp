#include <eventwire/emulator/server.hpp>
#include <eventwire/net/tls_context.hpp>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/bind_cancellation_slot.hpp>
#include <boost/asio/cancellation_signal.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>
#include <boost/system/system_error.hpp>

#include <openssl/ssl.h>

#include <iostream>
#include <map>
#include <vector>

namespace eventwire::emulator {

namespace asio = boost::asio;
namespace http = boost::beast::http;
using asio::ip::tcp;

namespace {
constexpr auto use_tuple = asio::as_tuple(asio::use_awaitable);
}  // namespace

struct connection_access {
  static void set_server_name(connection& c, std::string name) { c.server_name_ = std::move(name); }
  static bool closes_after_response(const connection& c) { return c.close_after_response_; }
};

struct detail::server_state {
  asio::any_io_executor executor;
  handler on_request;
  server_options options;
  tcp::acceptor acceptor;
  std::shared_ptr<asio::ssl::context> tls;
  std::uint16_t port = 0;
  bool stopping = false;
  std::uint64_t accepted = 0;
  std::map<std::uint64_t, std::shared_ptr<asio::cancellation_signal>> connections;

  server_state(asio::any_io_executor ex, handler h, server_options o)
      : executor(ex), on_request(std::move(h)), options(std::move(o)), acceptor(ex) {}

  void arm(net::stream& s, std::chrono::steady_clock::duration timeout) {
    if (timeout == std::chrono::steady_clock::duration::zero())
      s.lowest_layer().expires_never();
    else
      s.lowest_layer().expires_after(timeout);
  }
};

namespace {

using detail::server_state;
using state_ptr = std::shared_ptr<server_state>;

asio::awaitable<bool> tls_handshake(server_state& st, connection& c) {
  st.arm(c.stream(), st.options.tls_handshake_timeout);
  auto [ec] = co_await c.stream().tls()->async_handshake(asio::ssl::stream_base::server, use_tuple);
  c.stream().lowest_layer().expires_never();
  if (ec) co_return false;
  if (const char* name =
          SSL_get_servername(c.stream().tls()->native_handle(), TLSEXT_NAMETYPE_host_name))
    connection_access::set_server_name(c, name);
  co_return true;
}

// The request loop of one connection: read a request, let the handler answer it, write the
// answer, until the client or the handler ends the connection.
asio::awaitable<void> serve(state_ptr st, tcp::socket socket, std::uint64_t id) {
  connection c(id,
               st->tls ? net::stream(std::move(socket), *st->tls) : net::stream(std::move(socket)));
  if (st->stopping) co_return;
  if (c.secure() && !co_await tls_handshake(*st, c)) co_return;

  while (!st->stopping) {
    http::request_parser<http::string_body> parser;
    parser.body_limit(st->options.request_body_limit);
    parser.header_limit(st->options.request_header_limit);
    st->arm(c.stream(), st->options.keep_alive_timeout);
    auto [read_error, read] = co_await http::async_read(c.stream(), c.buffer(), parser, use_tuple);
    c.stream().lowest_layer().expires_never();
    if (read_error) break;

    request req = parser.release();
    std::optional<response> answer = co_await st->on_request(req, c);
    if (!answer) co_return;  // the handler took the connection over

    const bool keep_alive =
        req.keep_alive() && answer->keep_alive() && !connection_access::closes_after_response(c);
    answer->version(req.version());
    answer->keep_alive(keep_alive || connection_access::closes_after_response(c));
    answer->prepare_payload();
    auto [write_error, written] = co_await http::async_write(c.stream(), *answer, use_tuple);
    if (write_error || !keep_alive) break;
  }
  c.stream().close();
}

// A handler that throws costs only its connection; the reason goes to stderr, except for the
// cancellation that stop() delivers.
void report_failure(std::uint64_t id, const std::exception_ptr& failure) {
  if (!failure) return;
  try {
    std::rethrow_exception(failure);
  } catch (const boost::system::system_error& e) {
    if (e.code() != asio::error::operation_aborted)
      std::cerr << "emulator: connection " << id << " failed: " << e.what() << '\n';
  } catch (const std::exception& e) {
    std::cerr << "emulator: connection " << id << " failed: " << e.what() << '\n';
  } catch (...) {
    std::cerr << "emulator: connection " << id << " failed\n";
  }
}

asio::awaitable<void> accept_loop(state_ptr st) {
  for (;;) {
    auto [ec, socket] = co_await st->acceptor.async_accept(use_tuple);
    if (st->stopping || ec == asio::error::operation_aborted) co_return;
    if (ec) {  // out of descriptors and the like: breathe, then go on
      asio::steady_timer pause(st->executor, std::chrono::milliseconds(20));
      co_await pause.async_wait(use_tuple);
      continue;
    }
    const auto id = ++st->accepted;
    auto signal = std::make_shared<asio::cancellation_signal>();
    st->connections.emplace(id, signal);
    // stop() may have queued an emission that points into the signal's slot (co_spawn
    // forwards cancellation through the executor); the signal is released only after it, by
    // a post queued behind it.
    asio::co_spawn(st->executor, serve(st, std::move(socket), id),
                   asio::bind_cancellation_slot(
                       signal->slot(), [st, id, signal](std::exception_ptr e) mutable {
                         st->connections.erase(id);
                         report_failure(id, e);
                         asio::post(st->executor, [released = std::move(signal)] {});
                       }));
  }
}

}  // namespace

server::server(asio::any_io_executor ex, handler on_request, server_options options)
    : state_(
          std::make_shared<detail::server_state>(ex, std::move(on_request), std::move(options))) {
  detail::server_state& st = *state_;
  if (st.options.tls) {
    if (!st.options.certificate) st.options.certificate = net::make_self_signed_certificate();
    st.tls = net::make_server_tls_context(*st.options.certificate);
  }
  const tcp::endpoint where(asio::ip::address_v4::loopback(), st.options.port);
  st.acceptor.open(where.protocol());
  st.acceptor.set_option(asio::socket_base::reuse_address(true));
  st.acceptor.bind(where);
  st.acceptor.listen(asio::socket_base::max_listen_connections);
  st.port = st.acceptor.local_endpoint().port();
  asio::co_spawn(ex, accept_loop(state_), asio::detached);
}

server::~server() { stop(); }

std::uint16_t server::port() const noexcept { return state_->port; }

net::url server::url(std::string_view path) const {
  net::url u;
  u.scheme = state_->tls ? net::scheme::https : net::scheme::http;
  u.host = "127.0.0.1";
  u.port = state_->port;
  return net::join_path(u, path);
}

net::url server::websocket_url(std::string_view path) const { return net::to_websocket(url(path)); }

const net::self_signed_certificate* server::certificate() const noexcept {
  return state_->tls ? &*state_->options.certificate : nullptr;
}

std::size_t server::open_connections() const noexcept { return state_->connections.size(); }
std::uint64_t server::accepted_connections() const noexcept { return state_->accepted; }
bool server::stopped() const noexcept { return state_->stopping; }

void server::stop() noexcept {
  detail::server_state& st = *state_;
  if (st.stopping) return;
  st.stopping = true;
  boost::system::error_code ignored;
  st.acceptor.close(ignored);
  std::vector<std::shared_ptr<asio::cancellation_signal>> signals;
  for (auto& [id, signal] : st.connections) signals.push_back(signal);
  for (auto& signal : signals) signal->emit(asio::cancellation_type::terminal);
}

}  // namespace eventwire::emulator
