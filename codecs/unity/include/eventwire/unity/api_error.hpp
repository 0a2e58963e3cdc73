#pragma once

// An error answer of the Unity API, such as the one that rejects a position which has expired
// or belongs to another subscription. INFERRED: neither the seed nor the vendor's notification
// pages show its body. It is read as the OAuth 2.0 error form (`error`, `error_description`),
// the `Message` of ASP.NET Web API errors, and an HTTP status and request id, e.g. (inferred):
//   {"statusCode":400,"requestId":"...","error":"bad_request","error_description":"..."}
//   {"Message":"..."}
// Strings view the answer's text.

#include <eventwire/json/raw_string.hpp>

#include <cstdint>
#include <iosfwd>
#include <optional>

namespace eventwire::unity {

struct api_error {
  std::optional<json::raw_string> error;        // error: a short code
  std::optional<json::raw_string> description;  // error_description: what went wrong
  std::optional<json::raw_string> message;      // Message: ASP.NET Web API's text
  std::optional<std::int64_t> status_code;      // statusCode: the HTTP status repeated
  std::optional<json::raw_string> request_id;   // requestId: for Webroot support
};

std::ostream& operator<<(std::ostream& os, const api_error& e);

}  // namespace eventwire::unity
