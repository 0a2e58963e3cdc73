#include "genetec_missioncontrol_token.hpp"

#include <eventwire/missioncontrol/web_token.hpp>
#include <eventwire/missioncontrol/web_token_decoder.hpp>
#include <eventwire/net/http_client.hpp>
#include <eventwire/net/redact.hpp>
#include <eventwire/net/url.hpp>
#include <eventwire/source/genetec_missioncontrol_error.hpp>

#include <boost/beast/core/detail/base64.hpp>
#include <boost/beast/http/field.hpp>

namespace eventwire::source::detail {

namespace asio = boost::asio;
namespace http = boost::beast::http;

namespace {

std::string basic(std::string_view user, std::string_view password) {
  namespace base64 = boost::beast::detail::base64;
  const std::string plain = std::string(user) + ':' + std::string(password);
  std::string out(base64::encoded_size(plain.size()), '\0');
  out.resize(base64::encode(out.data(), plain.data(), plain.size()));
  return "Basic " + out;
}

}  // namespace

asio::awaitable<std::tuple<std::error_code, mc_token>> fetch_web_token(asio::any_io_executor ex,
                                                                     const mc_token_request& request,
                                                                     std::string& detail) {
  mc_token token;
  net::url where;
  if (net::parse_url(request.url, where) || (where.scheme != net::scheme::http && where.scheme != net::scheme::https)) {
    detail = "the Mission Control URL is not a valid http or https URL";
    co_return std::tuple{make_error_code(missioncontrol_error::invalid_url), token};
  }
  auto [secret_ec, password] = co_await request.password->resolve(ex);
  if (secret_ec) {
    detail = "Mission Control password: " + password;  // resolve() puts its log sentence here
    co_return std::tuple{secret_ec, token};
  }
  http::fields headers;
  headers.set(http::field::authorization, basic(request.username, password));
  headers.set("ClientId", request.client_id);
  headers.set(http::field::accept, "application/json");
  net::http_client client(ex, *request.http);
  const auto started = std::chrono::steady_clock::now();
  auto [ec, response] = co_await client.get(where, std::move(headers));
  if (ec) {
    detail = "Mission Control web token request: " + client.last_error_detail();
    co_return std::tuple{ec, token};
  }
  const unsigned status = response.result_int();
  if (status == 401 || status == 403) {
    detail = "Mission Control refused the credentials of user " + request.username + " (HTTP " +
             std::to_string(status) + ")";
    co_return std::tuple{make_error_code(missioncontrol_error::credentials_refused), token};
  }
  if (status != 200) {
    detail = "Mission Control web token request failed with HTTP " + std::to_string(status);
    co_return std::tuple{make_error_code(missioncontrol_error::token_request_failed), token};
  }
  missioncontrol::web_token_decoder decoder;
  missioncontrol::web_token decoded;
  if (decoder.decode(response.body(), decoded)) {
    detail = "Mission Control web token answer: " + decoder.describe_error();
    co_return std::tuple{make_error_code(missioncontrol_error::invalid_token_answer), token};
  }
  decoded.token.append_to(token.value);
  const auto now = std::chrono::steady_clock::now();
  if (decoded.valid_for) {
    token.lifetime = *decoded.valid_for;
    token.valid_until = started + token.lifetime;  // counted from the request: errs early
  } else if (decoded.valid_until) {
    const auto left = *decoded.valid_until - std::chrono::time_point_cast<time::ticks>(std::chrono::system_clock::now());
    token.lifetime = std::chrono::duration_cast<std::chrono::steady_clock::duration>(left);
    token.valid_until = now + token.lifetime;
  } else {
    token.lifetime = std::chrono::steady_clock::duration::max() / 4;
    token.valid_until = std::chrono::steady_clock::time_point::max() - token.lifetime;
  }
  detail.clear();
  co_return std::tuple{std::error_code{}, std::move(token)};
}

}  // namespace eventwire::source::detail
