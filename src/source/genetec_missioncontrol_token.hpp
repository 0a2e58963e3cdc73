#pragma once

#include <eventwire/auth/secret.hpp>
#include <eventwire/net/http_options.hpp>

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>

#include <chrono>
#include <string>
#include <system_error>
#include <tuple>

namespace eventwire::source::detail {

// One Mission Control web token and when it stops being valid (by our steady clock, from
// MillisecondsValid or else ValidUntil).
struct mc_token {
  std::string value;
  std::chrono::steady_clock::time_point valid_until;
  std::chrono::steady_clock::duration lifetime{};
};

struct mc_token_request {
  std::string url;  // {base}/WebToken
  std::string username;
  const auth::secret* password = nullptr;
  std::string client_id;
  const net::http_options* http = nullptr;
};

// GET /v4/WebToken with Basic credentials and the ClientId header. `detail` gets one log-safe
// sentence on failure (no token, no password).
boost::asio::awaitable<std::tuple<std::error_code, mc_token>> fetch_web_token(boost::asio::any_io_executor ex,
                                                                           const mc_token_request& request,
                                                                           std::string& detail);

}  // namespace eventwire::source::detail
