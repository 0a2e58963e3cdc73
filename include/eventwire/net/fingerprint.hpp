#pragma once

#include <array>
#include <iosfwd>
#include <string>
#include <string_view>
#include <system_error>

struct x509_st;  // OpenSSL's X509

namespace eventwire::net {

// The SHA-256 of a certificate's DER encoding: what `tls_options::pin_sha256` names.
struct sha256_fingerprint {
  std::array<unsigned char, 32> bytes{};

  std::string to_string() const;  // "AB:CD:...", 95 characters, like `openssl x509 -fingerprint`
  friend bool operator==(const sha256_fingerprint&, const sha256_fingerprint&) = default;
};

std::ostream& operator<<(std::ostream& os, const sha256_fingerprint& f);

// Accepts 64 hex digits, any case, optionally separated by ':' (or spaces).
// Error: net::error::invalid_pin.
std::error_code parse_fingerprint(std::string_view hex, sha256_fingerprint& out);

sha256_fingerprint fingerprint_of(const x509_st& certificate);

// The fingerprint of the first certificate in a PEM text. Error: net::error::invalid_pin when
// the text holds no certificate.
std::error_code fingerprint_of_pem(std::string_view pem, sha256_fingerprint& out);

}  // namespace eventwire::net
