#pragma once

#include <eventwire/net/fingerprint.hpp>

#include <string>
#include <vector>

namespace eventwire::net {

// A certificate and its key, made in memory (no files, no openssl program): the emulators'
// TLS identity and the tests' server certificate.
struct self_signed_certificate {
  std::string certificate_pem;
  std::string private_key_pem;
  sha256_fingerprint fingerprint;
};

// An ECDSA P-256 certificate valid from an hour ago for `valid_days`, with the common name and
// subject alternative names given ("DNS:localhost", "IP:127.0.0.1"). Throws std::runtime_error
// only if OpenSSL itself fails (out of memory).
self_signed_certificate make_self_signed_certificate(
    const std::string& common_name = "localhost",
    const std::vector<std::string>& alt_names = {"DNS:localhost", "IP:127.0.0.1", "IP:::1"},
    int valid_days = 30);

}  // namespace eventwire::net
