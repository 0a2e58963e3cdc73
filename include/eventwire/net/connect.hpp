#pragma once

#include <eventwire/net/stream.hpp>
#include <eventwire/net/tls_context.hpp>
#include <eventwire/net/url.hpp>

#include <boost/asio/awaitable.hpp>

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <system_error>

namespace eventwire::net {

struct connect_options {
  std::chrono::steady_clock::duration connect_timeout = std::chrono::seconds(10);    // DNS + TCP
  std::chrono::steady_clock::duration handshake_timeout = std::chrono::seconds(10);  // TLS
  // For https and wss; null means tls_client_context::system_default(). It must outlive the
  // stream connect() makes.
  std::shared_ptr<tls_client_context> tls;
};

// Makes `out` a stream connected to `where`: resolve and TCP connect within
// connect_timeout, then for https/wss a TLS handshake within handshake_timeout that sends SNI
// (for host names, not IP literals) and verifies the peer as the TLS context says.
// Errors: net::error::connect_timeout, handshake_timeout, certificate_rejected,
// certificate_pin_mismatch, or the resolver's, socket's or TLS library's own error.
// On failure `detail` gets one sentence for logs (host, port, presented fingerprint, OpenSSL's
// reason; never a query string).
boost::asio::awaitable<std::error_code> connect(std::optional<stream>& out, const url& where,
                                                const connect_options& options,
                                                std::string& detail);

}  // namespace eventwire::net
