#include <eventwire/net/error.hpp>
#include <eventwire/net/redact.hpp>
#include <eventwire/net/url.hpp>

#include <boost/url/encode.hpp>
#include <boost/url/parse.hpp>
#include <boost/url/rfc/unreserved_chars.hpp>
#include <boost/url/url.hpp>

#include <cctype>
#include <ostream>

namespace eventwire::net {
namespace {

bool parse_scheme(std::string_view text, scheme& out) noexcept {
  constexpr struct {
    std::string_view name;
    scheme value;
  } schemes[] = {
      {"http", scheme::http}, {"https", scheme::https}, {"ws", scheme::ws}, {"wss", scheme::wss}};
  for (const auto& s : schemes) {
    if (text.size() != s.name.size()) continue;
    bool same = true;
    for (std::size_t i = 0; i < text.size() && same; ++i)
      same = std::tolower(static_cast<unsigned char>(text[i])) == s.name[i];
    if (same) {
      out = s.value;
      return true;
    }
  }
  return false;
}

// "localhost:8080/x" parses as scheme "localhost"; a scheme followed by a digit or with no "//"
// is a host missing its scheme, not an unknown scheme.
bool looks_like_missing_scheme(std::string_view text) noexcept {
  const auto colon = text.find(':');
  if (colon == std::string_view::npos) return true;
  const auto rest = text.substr(colon + 1);
  return rest.empty() || std::isdigit(static_cast<unsigned char>(rest.front())) ||
         !rest.starts_with("//");
}

std::error_code parse_port(std::string_view digits, std::uint16_t& out) noexcept {
  if (digits.empty() || digits.size() > 5) return error::invalid_port;
  unsigned value = 0;
  for (char c : digits) {
    if (c < '0' || c > '9') return error::invalid_port;
    value = value * 10 + static_cast<unsigned>(c - '0');
  }
  if (value == 0 || value > 65535) return error::invalid_port;
  out = static_cast<std::uint16_t>(value);
  return {};
}

}  // namespace

std::string_view to_string(scheme s) noexcept {
  switch (s) {
    case scheme::http: return "http";
    case scheme::https: return "https";
    case scheme::ws: return "ws";
    case scheme::wss: return "wss";
  }
  return "?";
}

std::uint16_t default_port(scheme s) noexcept {
  return s == scheme::https || s == scheme::wss ? 443 : 80;
}

std::string url::target() const {
  if (query.empty()) return path;
  std::string t;
  t.reserve(path.size() + 1 + query.size());
  t.append(path).append(1, '?').append(query);
  return t;
}

std::string url::host_header() const {
  std::string h;
  const bool ipv6 = host.find(':') != std::string::npos;
  if (ipv6) h.append(1, '[');
  h.append(host);
  if (ipv6) h.append(1, ']');
  if (port != default_port(scheme)) h.append(1, ':').append(std::to_string(port));
  return h;
}

std::string url::to_string() const {
  std::string s(net::to_string(scheme));
  s.append("://").append(host_header()).append(target());
  return s;
}

std::ostream& operator<<(std::ostream& os, const url& u) { return os << redact(u); }

std::error_code parse_url(std::string_view text, url& out) {
  auto parsed = boost::urls::parse_uri(text);
  if (!parsed) {
    if (boost::urls::parse_uri_reference(text) && looks_like_missing_scheme(text))
      return error::missing_scheme;
    return error::invalid_url;
  }
  const boost::urls::url_view& u = *parsed;
  url result;
  if (!parse_scheme(u.scheme(), result.scheme)) {
    return looks_like_missing_scheme(text) ? error::missing_scheme : error::unsupported_scheme;
  }
  if (!u.has_authority()) return error::empty_host;
  if (u.has_userinfo()) return error::invalid_url;
  if (u.encoded_host().empty()) return error::empty_host;
  switch (u.host_type()) {
    case boost::urls::host_type::ipv6: result.host = u.host_ipv6_address().to_string(); break;
    case boost::urls::host_type::ipv4:
    case boost::urls::host_type::name: result.host = u.host_address(); break;
    default: return error::invalid_url;  // empty host or IPvFuture
  }
  if (result.host.empty()) return error::empty_host;
  result.port = default_port(result.scheme);
  if (u.has_port() && !u.port().empty()) {
    if (auto ec = parse_port(u.port(), result.port)) return ec;
  }
  if (!u.encoded_path().empty()) result.path = std::string(u.encoded_path());
  if (result.path.front() != '/') return error::invalid_url;
  if (u.has_query()) result.query = std::string(u.encoded_query());
  out = std::move(result);
  return {};
}

url to_websocket(url u) {
  if (u.scheme == scheme::http) u.scheme = scheme::ws;
  if (u.scheme == scheme::https) u.scheme = scheme::wss;
  return u;
}

url to_http(url u) {
  if (u.scheme == scheme::ws) u.scheme = scheme::http;
  if (u.scheme == scheme::wss) u.scheme = scheme::https;
  return u;
}

url with_query_parameter(url u, std::string_view key, std::string_view value) {
  if (!u.query.empty()) u.query.append(1, '&');
  u.query.append(boost::urls::encode(key, boost::urls::unreserved_chars));
  u.query.append(1, '=');
  u.query.append(boost::urls::encode(value, boost::urls::unreserved_chars));
  return u;
}

url join_path(url base, std::string_view relative) {
  std::string_view relative_query;
  if (const auto q = relative.find('?'); q != std::string_view::npos) {
    relative_query = relative.substr(q + 1);
    relative = relative.substr(0, q);
  }
  while (base.path.size() > 1 && base.path.back() == '/') base.path.pop_back();
  if (base.path == "/") base.path.clear();
  if (!relative.starts_with('/')) base.path.append(1, '/');
  base.path.append(relative);
  if (base.path.empty()) base.path = "/";
  if (!relative_query.empty()) {
    if (!base.query.empty()) base.query.append(1, '&');
    base.query.append(relative_query);
  }
  return base;
}

std::error_code resolve_reference(const url& base, std::string_view reference, url& out) {
  auto ref = boost::urls::parse_uri_reference(reference);
  if (!ref) return error::invalid_url;
  const std::string base_text = base.to_string();
  auto base_view = boost::urls::parse_uri(base_text);
  if (!base_view) return error::invalid_url;
  boost::urls::url resolved;
  if (!boost::urls::resolve(*base_view, *ref, resolved)) return error::invalid_url;
  return parse_url(resolved.buffer(), out);
}

}  // namespace eventwire::net
