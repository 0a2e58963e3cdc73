#pragma once

#include <eventwire/auth/cached_token_provider.hpp>
#include <eventwire/auth/secret.hpp>
#include <eventwire/auth/token_request.hpp>
#include <eventwire/net/http_options.hpp>
#include <eventwire/net/url.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace eventwire::auth {

// What an OAuth2 token provider asks its token endpoint for, and how. Secrets are resolved at
// every request, so a rotated client secret or password is picked up.
struct oauth2_settings {
  net::url token_url;  // e.g. https://identity.example/connect/token
  grant_type grant = grant_type::client_credentials;
  std::string client_id;
  std::optional<secret> client_secret;  // none: a public client
  client_authentication authentication = client_authentication::request_body;
  std::string scope;  // space-separated; empty: not sent

  std::string username;            // password grant
  std::optional<secret> password;  // password grant
  // refresh_token grant: the refresh token to start from. Refresh tokens that the server issues
  // later replace it in memory.
  std::optional<secret> refresh_token;

  // More form fields for every request of the original grant (audience, resource, acr_values).
  std::vector<std::pair<std::string, std::string>> extra_parameters;

  token_cache_policy cache;
  net::http_options http;
  std::uint64_t response_limit = 64 * 1024;  // replaces http.body_limit
};

}  // namespace eventwire::auth
