#include <eventwire/net/error.hpp>
#include <eventwire/net/tls_context.hpp>

#include <boost/asio/buffer.hpp>
#include <boost/asio/ssl/context.hpp>

#include <openssl/ssl.h>

namespace eventwire::net {
namespace ssl = boost::asio::ssl;

tls_client_context::tls_client_context()
    : context_(std::make_unique<ssl::context>(ssl::context::tls_client)) {
  SSL_CTX_set_min_proto_version(context_->native_handle(), TLS1_2_VERSION);
}

tls_client_context::~tls_client_context() = default;

std::error_code tls_client_context::make(const tls_options& options,
                                         std::shared_ptr<tls_client_context>& out) {
  std::shared_ptr<tls_client_context> made(new tls_client_context());
  if (!options.pin_sha256.empty()) {
    sha256_fingerprint pin;
    if (auto ec = parse_fingerprint(options.pin_sha256, pin)) return ec;
    made->pin_ = pin;
  }
  made->insecure_ = options.insecure_skip_verify;

  boost::system::error_code ec;
  made->context_->set_default_verify_paths(ec);  // a missing system store only narrows trust
  if (!options.ca_file.empty()) {
    made->context_->load_verify_file(options.ca_file, ec);
    if (ec) return error::ca_file_unreadable;
  }
  // A pinned certificate is checked after the handshake, where the presented one can be named;
  // the chain is then not verified, which is what accepting a self-signed certificate needs.
  made->context_->set_verify_mode(made->verifies_chain() ? ssl::verify_peer : ssl::verify_none);
  out = std::move(made);
  return {};
}

std::shared_ptr<tls_client_context> tls_client_context::system_default() {
  static const std::shared_ptr<tls_client_context> shared = [] {
    std::shared_ptr<tls_client_context> made;
    make({}, made);
    return made;
  }();
  return shared;
}

std::shared_ptr<ssl::context> make_server_tls_context(const self_signed_certificate& identity) {
  auto ctx = std::make_shared<ssl::context>(ssl::context::tls_server);
  SSL_CTX_set_min_proto_version(ctx->native_handle(), TLS1_2_VERSION);
  ctx->use_certificate_chain(boost::asio::buffer(identity.certificate_pem));
  ctx->use_private_key(boost::asio::buffer(identity.private_key_pem), ssl::context::pem);
  return ctx;
}

}  // namespace eventwire::net
