#pragma once

#include <eventwire/auth/token_provider.hpp>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>

namespace eventwire::auth {

// The wall clock a provider reads; tests pass their own to move time without sleeping.
using clock_function = std::function<std::chrono::system_clock::time_point()>;

struct token_cache_policy {
  // A token is renewed this long before it expires, or `refresh_fraction` of its lifetime
  // before, whichever is shorter (a 300 s token: 30 s before; a 3600 s token: 60 s before).
  std::chrono::system_clock::duration refresh_margin = std::chrono::seconds(60);
  double refresh_fraction = 0.1;
  clock_function now{};  // empty: std::chrono::system_clock::now
};

// The shared part of providers that obtain tokens from an issuer (OAuth2, Mission Control's
// WebToken): the token is kept and handed out until its refresh margin; then, or when a caller
// forces a refresh, fetch() runs. Calls that arrive while a fetch is in flight wait for it and
// share its result; if the fetching caller is cancelled, a waiting one fetches instead. When a
// fetch fails while the kept token has not yet expired (and no refresh was forced), the kept
// token is handed out and last_error_detail() tells why it was not renewed.
class cached_token_provider : public token_provider {
 public:
  ~cached_token_provider() override;

  // The token kept now, if any (for tests and status output; prints without its value).
  const std::optional<access_token>& cached() const noexcept { return token_; }

 protected:
  explicit cached_token_provider(token_cache_policy policy);

  // Obtains a new token; never runs twice at once. `forced`: a caller's token was rejected.
  virtual boost::asio::awaitable<std::tuple<std::error_code, access_token>> fetch(bool forced) = 0;

  std::chrono::system_clock::time_point now() const;

 private:
  struct flight;

  boost::asio::awaitable<std::tuple<std::error_code, access_token>> do_get(
      bool force_refresh) final;
  bool fresh(std::chrono::system_clock::time_point at) const;
  bool unexpired(std::chrono::system_clock::time_point at) const;

  token_cache_policy policy_;
  std::optional<access_token> token_;
  std::chrono::system_clock::time_point fetched_at_;
  std::shared_ptr<flight> flight_;
};

}  // namespace eventwire::auth
