#pragma once

// The answer of Mission Control's `GET /v4/WebToken` (Basic credentials, and the connection's
// `ClientId` header so the notification connection survives the renewal). The OpenAPI page
// names three properties, all optional: Token (string), ValidUntil (date-time) and
// MillisecondsValid (int32). A token answer without a token is useless, so Token is required
// here; the other two may be absent or null.

#include <eventwire/json/raw_string.hpp>
#include <eventwire/time/timestamp.hpp>

#include <chrono>
#include <iosfwd>
#include <optional>

namespace eventwire::missioncontrol {

struct web_token {
  json::raw_string token;  // the JWT; a view into the answer's text
  std::optional<time::utc_time> valid_until;
  std::optional<std::chrono::milliseconds> valid_for;  // MillisecondsValid
};

// Prints the token as **** (it is a credential), the rest as it is.
std::ostream& operator<<(std::ostream& os, const web_token& t);

}  // namespace eventwire::missioncontrol
