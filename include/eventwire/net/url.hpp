#pragma once

#include <cstdint>
#include <iosfwd>
#include <string>
#include <string_view>
#include <system_error>

namespace eventwire::net {

enum class scheme { http, https, ws, wss };

// An absolute http, https, ws or wss URL, split the way a client needs it to connect.
// `path` and `query` stay percent-encoded exactly as given; the fragment is dropped.
struct url {
  net::scheme scheme = net::scheme::http;
  std::string host;         // "example.com", "127.0.0.1" or "::1" (no brackets)
  std::uint16_t port = 80;  // the scheme's default when the URL names none
  std::string path = "/";   // never empty
  std::string query;        // without the '?'; empty when there is none

  bool secure() const noexcept {
    return scheme == net::scheme::https || scheme == net::scheme::wss;
  }
  std::string target() const;       // path and query, as sent in the request line
  std::string host_header() const;  // host, and ":port" unless it is the scheme's default
  std::string to_string() const;

  friend bool operator==(const url&, const url&) = default;
};

std::string_view to_string(scheme s) noexcept;
std::uint16_t default_port(scheme s) noexcept;
std::ostream& operator<<(std::ostream& os, const url& u);  // prints redact(u)

// Parses an absolute URL. Errors: net::error::missing_scheme, unsupported_scheme, invalid_port,
// empty_host, invalid_url (also for user:password@ parts, which would leak into logs).
std::error_code parse_url(std::string_view text, url& out);

// http -> ws and https -> wss (ws and wss stay); to_http is the reverse.
url to_websocket(url u);
url to_http(url u);

// Appends key=value to the query, percent-encoding both (everything but A-Z a-z 0-9 - . _ ~).
url with_query_parameter(url u, std::string_view key, std::string_view value);

// Appends a relative path ("negotiate" or "/negotiate", optionally with its own query) to the
// base's path, keeping the base's query first: {base}/negotiate?{base query}&{relative query}.
url join_path(url base, std::string_view relative);

// Resolves a Location header against the URL it came from (RFC 3986 reference resolution).
std::error_code resolve_reference(const url& base, std::string_view reference, url& out);

}  // namespace eventwire::net
