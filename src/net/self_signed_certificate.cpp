#include <eventwire/net/self_signed_certificate.hpp>

#include <openssl/bn.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>
#include <stdexcept>

namespace eventwire::net {
namespace {

template <class T, void (*Free)(T*)>
struct openssl_deleter {
  void operator()(T* p) const noexcept { Free(p); }
};
using key_ptr = std::unique_ptr<EVP_PKEY, openssl_deleter<EVP_PKEY, EVP_PKEY_free>>;
using cert_ptr = std::unique_ptr<X509, openssl_deleter<X509, X509_free>>;
using bio_ptr = std::unique_ptr<BIO, openssl_deleter<BIO, BIO_free_all>>;
using bignum_ptr = std::unique_ptr<BIGNUM, openssl_deleter<BIGNUM, BN_free>>;
using extension_ptr =
    std::unique_ptr<X509_EXTENSION, openssl_deleter<X509_EXTENSION, X509_EXTENSION_free>>;

void check(bool ok, const char* what) {
  if (!ok)
    throw std::runtime_error(std::string("self-signed certificate: OpenSSL failed to ") + what);
}

std::string drain(BIO* bio) {
  char* data = nullptr;
  const long size = BIO_get_mem_data(bio, &data);
  return std::string(data, static_cast<std::size_t>(size));
}

void add_extension(X509* cert, int nid, const std::string& value) {
  X509V3_CTX ctx;
  X509V3_set_ctx_nodb(&ctx);
  X509V3_set_ctx(&ctx, cert, cert, nullptr, nullptr, 0);
  extension_ptr ext(X509V3_EXT_conf_nid(nullptr, &ctx, nid, value.c_str()));
  check(ext != nullptr, "make an extension");
  check(X509_add_ext(cert, ext.get(), -1) == 1, "add an extension");
}

}  // namespace

self_signed_certificate make_self_signed_certificate(const std::string& common_name,
                                                     const std::vector<std::string>& alt_names,
                                                     int valid_days) {
  key_ptr key(EVP_EC_gen("P-256"));
  check(key != nullptr, "generate a P-256 key");

  cert_ptr cert(X509_new());
  check(cert != nullptr, "allocate a certificate");
  check(X509_set_version(cert.get(), X509_VERSION_3) == 1, "set the version");

  bignum_ptr serial(BN_new());
  check(serial && BN_rand(serial.get(), 64, BN_RAND_TOP_ANY, BN_RAND_BOTTOM_ANY) == 1,
        "draw a serial number");
  check(BN_to_ASN1_INTEGER(serial.get(), X509_get_serialNumber(cert.get())) != nullptr,
        "set the serial number");

  check(X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600) != nullptr, "set notBefore");
  check(X509_gmtime_adj(X509_getm_notAfter(cert.get()), 86400L * valid_days) != nullptr,
        "set notAfter");
  check(X509_set_pubkey(cert.get(), key.get()) == 1, "set the public key");

  X509_NAME* name = X509_get_subject_name(cert.get());
  check(X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8,
                                   reinterpret_cast<const unsigned char*>(common_name.c_str()), -1,
                                   -1, 0) == 1,
        "set the common name");
  check(X509_set_issuer_name(cert.get(), name) == 1, "set the issuer");

  if (!alt_names.empty()) {
    std::string joined;
    for (const auto& n : alt_names) joined.append(joined.empty() ? "" : ",").append(n);
    add_extension(cert.get(), NID_subject_alt_name, joined);
  }
  add_extension(cert.get(), NID_basic_constraints, "critical,CA:FALSE");
  add_extension(cert.get(), NID_ext_key_usage, "serverAuth");
  check(X509_sign(cert.get(), key.get(), EVP_sha256()) > 0, "sign the certificate");

  self_signed_certificate out;
  bio_ptr cert_bio(BIO_new(BIO_s_mem()));
  check(cert_bio && PEM_write_bio_X509(cert_bio.get(), cert.get()) == 1, "write the certificate");
  out.certificate_pem = drain(cert_bio.get());
  bio_ptr key_bio(BIO_new(BIO_s_mem()));
  check(key_bio && PEM_write_bio_PrivateKey(key_bio.get(), key.get(), nullptr, nullptr, 0, nullptr,
                                            nullptr) == 1,
        "write the key");
  out.private_key_pem = drain(key_bio.get());
  out.fingerprint = fingerprint_of(*cert);
  return out;
}

}  // namespace eventwire::net
