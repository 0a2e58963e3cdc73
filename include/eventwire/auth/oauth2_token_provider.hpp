#pragma once

#include <eventwire/auth/cached_token_provider.hpp>
#include <eventwire/auth/oauth2_settings.hpp>

#include <boost/asio/any_io_executor.hpp>

#include <cstdint>
#include <memory>

namespace eventwire::auth {

// Access tokens from an OAuth2 token endpoint (RFC 6749): the configured grant
// (client_credentials, password as IdentityServer offers it, or refresh_token) as a
// form-encoded POST. The token is kept until its refresh margin (see token_cache_policy). When
// the server issued a refresh token, the next fetch uses the refresh_token grant; if that is
// refused with invalid_grant, the configured grant runs again. Errors: the http_client's
// transport errors, error::invalid_oauth2_settings, token_endpoint_status (any non-2xx answer
// without an OAuth2 error body), invalid_token_response, unsupported_token_type, the OAuth2
// error codes (invalid_client, invalid_grant, ...), and the secrets' resolve errors.
class oauth2_token_provider final : public cached_token_provider {
 public:
  oauth2_token_provider(boost::asio::any_io_executor ex, oauth2_settings settings);
  ~oauth2_token_provider() override;

  const oauth2_settings& settings() const noexcept;
  // Token requests sent so far (for tests and metrics).
  std::uint64_t requests_sent() const noexcept;

 private:
  struct impl;

  boost::asio::awaitable<std::tuple<std::error_code, access_token>> fetch(bool forced) override;

  std::unique_ptr<impl> impl_;
};

}  // namespace eventwire::auth
