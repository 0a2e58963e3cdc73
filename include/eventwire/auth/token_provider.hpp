#pragma once

#include <eventwire/auth/access_token.hpp>

#include <boost/asio/awaitable.hpp>

#include <string>
#include <system_error>
#include <tuple>

namespace eventwire::auth {

// Where a session gets its bearer token: before every connect, and with force_refresh once after
// a server rejected the token (HTTP 401, or a close for an expired token). Every implementation
// runs on one io_context thread; concurrent get() calls from several coroutines are allowed.
// A provider must outlive its operations.
class token_provider {
 public:
  virtual ~token_provider() = default;

  boost::asio::awaitable<std::tuple<std::error_code, access_token>> get(
      bool force_refresh = false) {
    return do_get(force_refresh);
  }

  // One sentence about the last failure, for logs: names the secret's source, the token URL
  // (redacted) and the server's own error text with every known secret value masked; never a
  // token or secret value. Empty after a success.
  const std::string& last_error_detail() const noexcept { return detail_; }

 protected:
  token_provider() = default;
  token_provider(const token_provider&) = delete;
  token_provider& operator=(const token_provider&) = delete;

  virtual boost::asio::awaitable<std::tuple<std::error_code, access_token>> do_get(
      bool force_refresh) = 0;

  void set_error_detail(std::string detail) { detail_ = std::move(detail); }

 private:
  std::string detail_;
};

}  // namespace eventwire::auth
