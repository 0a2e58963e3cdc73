#pragma once

// A Web SDK call ready to send: method, path and the `q=` call-language text. Paths are relative
// to the Web SDK base (`https://server:4590/WebSdk`); the session prefixes its base path.

#include <iosfwd>
#include <string>
#include <vector>

namespace eventwire::websdk {

enum class http_method { get, post };

struct request {
  http_method method = http_method::get;
  std::vector<std::string> path;  // segments, as written (not encoded): {"events", "subscribe"}
  bool trailing_slash = false;    // the path ends with '/' (RaiseCustomEvent without a message)
  std::string query;              // the q= value as the seed writes it; empty: no query

  // What goes on the request line: "/events/subscribe?q=event(Camera,CameraMotion)", each
  // segment and the query percent-encoded (see percent_encoding.hpp).
  std::string target() const;
  // The same unencoded, as the seed writes it (and as `curl --globoff` sends it).
  std::string text() const;

  friend bool operator==(const request&, const request&) = default;
};

const char* method_name(http_method m) noexcept;  // "GET" or "POST"

std::ostream& operator<<(std::ostream& os, http_method m);
std::ostream& operator<<(std::ostream& os, const request& r);  // "GET /events/subscribed"

}  // namespace eventwire::websdk
