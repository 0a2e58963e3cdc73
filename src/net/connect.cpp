#include "detail/classify.hpp"

#include <eventwire/net/connect.hpp>
#include <eventwire/net/error.hpp>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/ip/address.hpp>
#include <boost/asio/ssl/error.hpp>
#include <boost/asio/ssl/host_name_verification.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

#include <memory>

namespace eventwire::net {
namespace {

namespace asio = boost::asio;
using asio::ip::tcp;
constexpr auto use_tuple = asio::as_tuple(asio::use_awaitable);

std::string where_text(const url& where) {
  const bool ipv6 = where.host.find(':') != std::string::npos;
  return (ipv6 ? "[" + where.host + "]" : where.host) + ":" + std::to_string(where.port);
}

bool is_ip_literal(const std::string& host) {
  boost::system::error_code ec;
  asio::ip::make_address(host, ec);
  return !ec;
}

// Resolves within the deadline. The resolver runs on a helper thread and ignores per-operation
// cancellation, so the timer cancels it; the timer's handler holds only a weak reference, so it
// is harmless if it runs after this coroutine has finished.
asio::awaitable<std::tuple<boost::system::error_code, tcp::resolver::results_type>> resolve_before(
    const url& where, std::chrono::steady_clock::time_point deadline) {
  auto ex = co_await asio::this_coro::executor;
  auto resolver = std::make_shared<tcp::resolver>(ex);
  asio::steady_timer timer(ex, deadline);
  timer.async_wait([weak = std::weak_ptr<tcp::resolver>(resolver)](boost::system::error_code ec) {
    if (ec) return;
    if (auto r = weak.lock()) r->cancel();
  });
  auto [ec, results] =
      co_await resolver->async_resolve(where.host, std::to_string(where.port), use_tuple);
  if (ec == asio::error::operation_aborted && std::chrono::steady_clock::now() >= deadline)
    ec = boost::beast::error::timeout;
  co_return std::tuple{ec, std::move(results)};
}

std::error_code explain_handshake_failure(const boost::system::error_code& ec, SSL* ssl,
                                          const tls_client_context& tls, const url& where,
                                          std::string& detail) {
  const auto classified = detail::classify(ec, error::handshake_timeout);
  const bool verify_failed =
      ec.category() == asio::error::get_ssl_category() &&
      ERR_GET_REASON(static_cast<unsigned long>(ec.value())) == SSL_R_CERTIFICATE_VERIFY_FAILED;
  if (tls.verifies_chain() && verify_failed) {
    const long result = SSL_get_verify_result(ssl);
    detail = "TLS certificate of " + where_text(where) + " refused: " +
             (result == X509_V_OK ? std::string("it does not name the host")
                                  : std::string(X509_verify_cert_error_string(result)));
    return error::certificate_rejected;
  }
  detail = "TLS handshake with " + where_text(where) + " failed: " + classified.message();
  return classified;
}

std::error_code check_pin(SSL* ssl, const sha256_fingerprint& pin, const url& where,
                          std::string& detail) {
  std::unique_ptr<X509, decltype(&X509_free)> peer(SSL_get1_peer_certificate(ssl), &X509_free);
  const std::string presented = peer ? fingerprint_of(*peer).to_string() : "no certificate";
  if (peer && fingerprint_of(*peer) == pin) return {};
  detail = "TLS certificate of " + where_text(where) +
           " does not match the pin: expected SHA-256 " + pin.to_string() + ", presented " +
           presented;
  return error::certificate_pin_mismatch;
}

}  // namespace

asio::awaitable<std::error_code> connect(std::optional<stream>& out, const url& where,
                                         const connect_options& options, std::string& detail) {
  auto ex = co_await asio::this_coro::executor;
  out.reset();
  using clock = std::chrono::steady_clock;
  const bool bounded = options.connect_timeout != clock::duration::zero();
  const auto deadline = bounded ? clock::now() + options.connect_timeout : clock::time_point::max();

  auto [resolve_error, endpoints] = co_await resolve_before(where, deadline);
  if (resolve_error) {
    auto ec = detail::classify(resolve_error, error::connect_timeout);
    detail = "cannot resolve " + where.host + ": " + ec.message();
    co_return ec;
  }

  std::shared_ptr<tls_client_context> tls;
  if (where.secure()) {
    tls = options.tls ? options.tls : tls_client_context::system_default();
    out.emplace(ex, tls->native());
  } else {
    out.emplace(ex);
  }
  auto& tcp_layer = out->lowest_layer();
  if (bounded) tcp_layer.expires_at(deadline);
  auto [connect_error, endpoint] = co_await tcp_layer.async_connect(endpoints, use_tuple);
  tcp_layer.expires_never();
  if (connect_error) {
    auto ec = detail::classify(connect_error, error::connect_timeout);
    detail = "cannot connect to " + where_text(where) + ": " + ec.message();
    out.reset();
    co_return ec;
  }
  boost::system::error_code ignored;
  tcp_layer.socket().set_option(tcp::no_delay(true), ignored);
  out->note_received_now();
  if (!tls) co_return std::error_code{};

  SSL* ssl = out->tls()->native_handle();
  if (!is_ip_literal(where.host)) SSL_set_tlsext_host_name(ssl, where.host.c_str());
  if (tls->verifies_chain())
    out->tls()->set_verify_callback(asio::ssl::host_name_verification(where.host));
  if (options.handshake_timeout != clock::duration::zero())
    tcp_layer.expires_after(options.handshake_timeout);
  auto [handshake_error] =
      co_await out->tls()->async_handshake(asio::ssl::stream_base::client, use_tuple);
  tcp_layer.expires_never();
  if (handshake_error) {
    auto ec = explain_handshake_failure(handshake_error, ssl, *tls, where, detail);
    out.reset();
    co_return ec;
  }
  if (tls->pin()) {
    if (auto ec = check_pin(ssl, *tls->pin(), where, detail)) {
      out.reset();
      co_return ec;
    }
  }
  out->note_received_now();
  co_return std::error_code{};
}

}  // namespace eventwire::net
