#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>

namespace eventwire::auth {

// A token endpoint's successful answer (RFC 6749 section 5.1).
struct token_response {
  std::string access_token;
  std::string token_type;                          // as sent; empty if the server left it out
  std::optional<std::chrono::seconds> expires_in;  // capped at ten years
  std::string refresh_token;                       // empty: none issued
  std::string scope;
};

// Reads a JSON token response; members other than those above are skipped. expires_in may be a
// number (fractions dropped) or a string of digits, as some servers send it.
// Errors: error::invalid_token_response (not one JSON object, no or an empty access_token, a
// member of the wrong type, a negative expires_in), error::unsupported_token_type (a token_type
// other than "Bearer", in any case; a missing token_type is taken as Bearer).
std::error_code parse_token_response(std::string_view body, token_response& out);

// A token endpoint's error answer (RFC 6749 section 5.2).
struct oauth2_error_response {
  std::string error;        // "invalid_client", ...
  std::string description;  // error_description; empty if none
};

// Whether `body` is a JSON object with a string member "error"; fills `out` if so.
bool parse_oauth2_error(std::string_view body, oauth2_error_response& out);

// The error code for an RFC 6749 error name: invalid_request, invalid_client, invalid_grant,
// unauthorized_client, unsupported_grant_type and invalid_scope have their own codes; any
// other name is error::oauth2_error.
std::error_code oauth2_error_code(std::string_view name) noexcept;

}  // namespace eventwire::auth
