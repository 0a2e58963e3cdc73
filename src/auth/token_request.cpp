#include <eventwire/auth/token_request.hpp>

#include <ostream>

namespace eventwire::auth {
namespace {

bool is_unreserved(unsigned char c) noexcept {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '.' || c == '_' || c == '~';
}

std::string base64(std::string_view bytes) {
  static constexpr char alphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  std::size_t i = 0;
  for (; i + 3 <= bytes.size(); i += 3) {
    const unsigned v = static_cast<unsigned char>(bytes[i]) << 16 |
                       static_cast<unsigned char>(bytes[i + 1]) << 8 |
                       static_cast<unsigned char>(bytes[i + 2]);
    out += alphabet[v >> 18];
    out += alphabet[(v >> 12) & 63];
    out += alphabet[(v >> 6) & 63];
    out += alphabet[v & 63];
  }
  if (const auto left = bytes.size() - i; left > 0) {
    unsigned v = static_cast<unsigned char>(bytes[i]) << 16;
    if (left == 2) v |= static_cast<unsigned char>(bytes[i + 1]) << 8;
    out += alphabet[v >> 18];
    out += alphabet[(v >> 12) & 63];
    out += left == 2 ? alphabet[(v >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

void add_field(std::string& body, std::string_view name, std::string_view value) {
  if (!body.empty()) body += '&';
  body += form_encode(name);
  body += '=';
  body += form_encode(value);
}

}  // namespace

std::string_view to_string(grant_type g) noexcept {
  switch (g) {
    case grant_type::client_credentials: return "client_credentials";
    case grant_type::password: return "password";
    case grant_type::refresh_token: return "refresh_token";
  }
  return "unknown";
}

std::ostream& operator<<(std::ostream& os, grant_type g) { return os << to_string(g); }

std::ostream& operator<<(std::ostream& os, client_authentication a) {
  return os << (a == client_authentication::http_basic ? "http_basic" : "request_body");
}

std::string form_encode(std::string_view text) {
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(text.size());
  for (char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (is_unreserved(c)) {
      out += ch;
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

std::string basic_authorization(std::string_view client_id, std::string_view client_secret) {
  return "Basic " + base64(form_encode(client_id) + ':' + form_encode(client_secret));
}

token_request make_token_request(const token_request_fields& f) {
  token_request request;
  add_field(request.body, "grant_type", to_string(f.grant));
  switch (f.grant) {
    case grant_type::client_credentials: break;
    case grant_type::password:
      add_field(request.body, "username", f.username);
      add_field(request.body, "password", f.password);
      break;
    case grant_type::refresh_token:
      add_field(request.body, "refresh_token", f.refresh_token);
      break;
  }
  if (!f.scope.empty()) add_field(request.body, "scope", f.scope);
  for (const auto& [name, value] : f.extra) add_field(request.body, name, value);
  if (f.authentication == client_authentication::http_basic && !f.client_secret.empty()) {
    request.authorization = basic_authorization(f.client_id, f.client_secret);
  } else {
    if (!f.client_id.empty()) add_field(request.body, "client_id", f.client_id);
    if (!f.client_secret.empty()) add_field(request.body, "client_secret", f.client_secret);
  }
  return request;
}

}  // namespace eventwire::auth
