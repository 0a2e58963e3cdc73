#include <eventwire/net/error.hpp>
#include <eventwire/net/fingerprint.hpp>

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <memory>
#include <ostream>

namespace eventwire::net {
namespace {

int hex_value(char c) noexcept {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::string sha256_fingerprint::to_string() const {
  constexpr char digits[] = "0123456789ABCDEF";
  std::string s;
  s.reserve(bytes.size() * 3);
  for (unsigned char b : bytes) {
    if (!s.empty()) s.push_back(':');
    s.push_back(digits[b >> 4]);
    s.push_back(digits[b & 0xF]);
  }
  return s;
}

std::ostream& operator<<(std::ostream& os, const sha256_fingerprint& f) {
  return os << f.to_string();
}

std::error_code parse_fingerprint(std::string_view hex, sha256_fingerprint& out) {
  sha256_fingerprint parsed;
  std::size_t nibbles = 0;
  for (char c : hex) {
    if (c == ':' || c == ' ') continue;
    const int v = hex_value(c);
    if (v < 0 || nibbles == 64) return error::invalid_pin;
    auto& byte = parsed.bytes[nibbles / 2];
    byte = static_cast<unsigned char>(nibbles % 2 == 0 ? v << 4 : byte | v);
    ++nibbles;
  }
  if (nibbles != 64) return error::invalid_pin;
  out = parsed;
  return {};
}

sha256_fingerprint fingerprint_of(const x509_st& certificate) {
  sha256_fingerprint f;
  unsigned int size = 0;
  X509_digest(&certificate, EVP_sha256(), f.bytes.data(), &size);
  return f;
}

std::error_code fingerprint_of_pem(std::string_view pem, sha256_fingerprint& out) {
  std::unique_ptr<BIO, decltype(&BIO_free)> bio(
      BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())), &BIO_free);
  if (!bio) return error::invalid_pin;
  std::unique_ptr<X509, decltype(&X509_free)> cert(
      PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr), &X509_free);
  if (!cert) return error::invalid_pin;
  out = fingerprint_of(*cert);
  return {};
}

}  // namespace eventwire::net
