#pragma once

#include <chrono>
#include <iosfwd>
#include <optional>
#include <string>

namespace eventwire::auth {

// A bearer token as a session sends it. Printing one shows only "****" and its expiry, so a
// token that slips into a log line stays secret.
struct access_token {
  std::string value;
  // None: the issuer said nothing; the token is used until a server rejects it.
  std::optional<std::chrono::system_clock::time_point> expires_at{};

  // "Bearer <value>", for an Authorization header.
  std::string authorization() const { return "Bearer " + value; }
};

// access_token(**** expires 2024-05-01T12:00:00Z), access_token(**** expiry unknown) or
// access_token(empty).
std::ostream& operator<<(std::ostream& os, const access_token& token);

}  // namespace eventwire::auth
