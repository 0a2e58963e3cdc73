#pragma once

#include <eventwire/auth/secret.hpp>
#include <eventwire/auth/token_provider.hpp>

#include <boost/asio/any_io_executor.hpp>

namespace eventwire::auth {

// A token that is a secret as it stands (an environment variable, a file, a command's output).
// The secret is resolved at every get(), so a rotated file or a command that renews the token
// is picked up at the next connect. Tokens have no known expiry.
class static_token_provider final : public token_provider {
 public:
  static_token_provider(boost::asio::any_io_executor ex, secret token);

  const secret& source() const noexcept { return token_; }

 private:
  boost::asio::awaitable<std::tuple<std::error_code, access_token>> do_get(
      bool force_refresh) override;

  boost::asio::any_io_executor executor_;
  secret token_;
};

}  // namespace eventwire::auth
