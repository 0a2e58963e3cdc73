#pragma once

#include <eventwire/net/fingerprint.hpp>
#include <eventwire/net/self_signed_certificate.hpp>
#include <eventwire/net/tls_options.hpp>

#include <memory>
#include <optional>
#include <string>
#include <system_error>

namespace boost::asio::ssl {
class context;
}

namespace eventwire::net {

// The client side of TLS built once from tls_options and shared by every connection that uses
// it (it must outlive them). How a connection applies it (SNI, host name check, pin) is in
// connect().
class tls_client_context {
 public:
  // Errors: net::error::invalid_pin (a malformed pin_sha256), net::error::ca_file_unreadable.
  static std::error_code make(const tls_options& options, std::shared_ptr<tls_client_context>& out);

  // Verification against the system store with host name check: what make({}) gives.
  static std::shared_ptr<tls_client_context> system_default();

  ~tls_client_context();

  boost::asio::ssl::context& native() noexcept { return *context_; }
  // Set when a pin replaces chain and host name verification.
  const std::optional<sha256_fingerprint>& pin() const noexcept { return pin_; }
  bool insecure() const noexcept { return insecure_; }
  // True when the peer's chain and host name are verified (neither pinned nor insecure).
  bool verifies_chain() const noexcept { return !pin_ && !insecure_; }

 private:
  tls_client_context();

  std::unique_ptr<boost::asio::ssl::context> context_;
  std::optional<sha256_fingerprint> pin_;
  bool insecure_ = false;
};

// A server context presenting `identity` (TLS 1.2 and later).
std::shared_ptr<boost::asio::ssl::context> make_server_tls_context(
    const self_signed_certificate& identity);

}  // namespace eventwire::net
