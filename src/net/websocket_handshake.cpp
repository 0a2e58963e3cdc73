// SHA1() would load OpenSSL 3's provider machinery, 2 MiB of resident memory, into a process
// that may never use TLS; the older SHA1_Init family computes the same digest directly.
#define OPENSSL_SUPPRESS_DEPRECATED

#include "detail/websocket_handshake.hpp"

#include "detail/mask_key_source.hpp"

#include <eventwire/net/error.hpp>

#include <boost/beast/core/string.hpp>
#include <boost/beast/http/field.hpp>
#include <boost/beast/http/rfc7230.hpp>

#include <openssl/evp.h>
#include <openssl/sha.h>

#include <array>
#include <cstdint>

namespace eventwire::net::detail {

namespace http = boost::beast::http;

namespace {

constexpr std::string_view accept_guid = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

std::string base64(const unsigned char* data, std::size_t size) {
  std::string out(4 * ((size + 2) / 3), '\0');
  const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()), data, static_cast<int>(size));
  out.resize(static_cast<std::size_t>(n));
  return out;
}

bool has_token(std::string_view list, std::string_view token) {
  for (const auto item : http::token_list(list))
    if (boost::beast::iequals(item, token)) return true;
  return false;
}

}  // namespace

std::string make_websocket_key(mask_key_source& random) {
  std::array<std::uint8_t, 16> nonce;
  random.fill(nonce);
  return base64(nonce.data(), nonce.size());
}

std::string websocket_accept_for(std::string_view key) {
  std::string text(key);
  text += accept_guid;
  unsigned char digest[SHA_DIGEST_LENGTH];
  SHA_CTX context;
  SHA1_Init(&context);
  SHA1_Update(&context, text.data(), text.size());
  SHA1_Final(digest, &context);
  return base64(digest, sizeof digest);
}

http::request<http::empty_body> make_upgrade_request(const url& target, const http::fields& headers,
                                                     std::string_view key, std::string_view user_agent) {
  http::request<http::empty_body> request(http::verb::get, target.target(), 11);
  request.set(http::field::host, target.host_header());
  request.set(http::field::user_agent, user_agent);
  for (const auto& field : headers) request.set(field.name_string(), field.value());
  request.set(http::field::upgrade, "websocket");
  request.set(http::field::connection, "Upgrade");
  request.set(http::field::sec_websocket_key, key);
  request.set(http::field::sec_websocket_version, "13");
  request.erase(http::field::sec_websocket_extensions);  // none is supported
  return request;
}

std::error_code check_upgrade_response(const http_response& response, std::string_view key,
                                       const http::fields& request_headers, std::string& detail) {
  if (response.result() != http::status::switching_protocols) {
    detail = "refused with status " + std::to_string(response.result_int());
    return error::upgrade_refused;
  }
  std::string_view wrong;
  if (!boost::beast::iequals(response[http::field::upgrade], "websocket")) {
    wrong = "no \"Upgrade: websocket\"";
  } else if (!has_token(response[http::field::connection], "upgrade")) {
    wrong = "no \"Connection: Upgrade\"";
  } else if (response[http::field::sec_websocket_accept] != websocket_accept_for(key)) {
    wrong = "a wrong Sec-WebSocket-Accept";
  } else if (response.count(http::field::sec_websocket_extensions) != 0) {
    wrong = "an extension that was not offered";
  } else if (response.count(http::field::sec_websocket_protocol) != 0 &&
             !has_token(request_headers[http::field::sec_websocket_protocol],
                        response[http::field::sec_websocket_protocol])) {
    wrong = "a subprotocol that was not offered";
  }
  if (wrong.empty()) return {};
  detail = "answered 101 with " + std::string(wrong);
  return error::upgrade_invalid;
}

}  // namespace eventwire::net::detail
