#pragma once

#include <iosfwd>
#include <span>
#include <string>
#include <string_view>
#include <utility>

namespace eventwire::auth {

// The OAuth2 grants a token endpoint is asked for (RFC 6749 sections 4.4, 4.3 and 6).
enum class grant_type { client_credentials, password, refresh_token };

// How the client authenticates to the token endpoint (RFC 6749 section 2.3.1): client_id and
// client_secret as form fields, or as an HTTP Basic Authorization header. IdentityServer
// accepts both. A client without a secret (a public client) always sends client_id in the body.
enum class client_authentication { request_body, http_basic };

std::string_view to_string(grant_type g) noexcept;  // "client_credentials", ...
std::ostream& operator<<(std::ostream& os, grant_type g);
std::ostream& operator<<(std::ostream& os, client_authentication a);

struct token_request_fields {
  grant_type grant = grant_type::client_credentials;
  std::string_view client_id{};
  std::string_view client_secret{};  // empty: a public client
  client_authentication authentication = client_authentication::request_body;
  std::string_view scope{};                                      // space-separated; empty: not sent
  std::string_view username{};                                   // password grant
  std::string_view password{};                                   // password grant
  std::string_view refresh_token{};                              // refresh_token grant
  std::span<const std::pair<std::string, std::string>> extra{};  // e.g. audience, resource
};

// The POST a token endpoint receives: an application/x-www-form-urlencoded body and, with
// http_basic, the Authorization header value. Both hold secrets: never log them.
struct token_request {
  std::string body;
  std::string authorization;  // "Basic ..." or empty
};

token_request make_token_request(const token_request_fields& fields);

// One name or value encoded for an application/x-www-form-urlencoded body: A-Z a-z 0-9 - . _ ~
// stay, every other byte becomes %XX (a space %20, which every form decoder and also
// Uri.UnescapeDataString-style decoders of Basic credentials read back as a space).
std::string form_encode(std::string_view text);

// "Basic " + base64(form_encode(client_id) ":" form_encode(client_secret)) (RFC 6749 2.3.1).
std::string basic_authorization(std::string_view client_id, std::string_view client_secret);

}  // namespace eventwire::auth
