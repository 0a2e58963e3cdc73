#include <eventwire/auth/error.hpp>
#include <eventwire/auth/oauth2_token_provider.hpp>
#include <eventwire/auth/redact.hpp>
#include <eventwire/auth/token_response.hpp>
#include <eventwire/net/http_client.hpp>
#include <eventwire/net/redact.hpp>

#include <boost/beast/http/field.hpp>

namespace eventwire::auth {

namespace asio = boost::asio;
namespace http = boost::beast::http;

namespace {

// The outcome of one token request. `why` is for logs: secrets already masked.
struct attempt {
  std::error_code ec;
  token_response response;
  std::string why;
};

// The resolved values of the configured secrets, for one request of the configured grant.
struct credentials {
  std::string client_secret;
  std::string password;
  std::string refresh_token;
};

net::http_options with_limit(net::http_options http, std::uint64_t response_limit) {
  http.body_limit = response_limit;
  return http;
}

attempt invalid_settings(std::string why) {
  return {error::invalid_oauth2_settings, {}, "OAuth2 settings: " + std::move(why)};
}

}  // namespace

struct oauth2_token_provider::impl {
  asio::any_io_executor executor;
  oauth2_settings settings;
  net::http_client http;
  std::string issued_refresh_token;  // the last one the server gave; empty: none
  std::uint64_t requests = 0;

  impl(asio::any_io_executor ex, oauth2_settings s)
      : executor(ex),
        settings(std::move(s)),
        http(ex, with_limit(settings.http, settings.response_limit)) {}

  std::string endpoint() const { return "token endpoint " + net::redact(settings.token_url); }

  std::optional<attempt> check_settings() const {
    if (settings.token_url.host.empty()) return invalid_settings("no token_url");
    if (settings.grant == grant_type::password && (settings.username.empty() || !settings.password))
      return invalid_settings("the password grant needs a username and a password");
    if (settings.grant == grant_type::refresh_token && !settings.refresh_token)
      return invalid_settings("the refresh_token grant needs a refresh_token");
    if (settings.authentication == client_authentication::http_basic && !settings.client_secret)
      return invalid_settings("HTTP Basic client authentication needs a client_secret");
    return std::nullopt;
  }

  // Resolves one configured secret into `out`; on failure, `failed` says why.
  asio::awaitable<bool> resolve(const std::optional<secret>& s, std::string_view field,
                                std::string& out, attempt& failed) {
    if (!s) co_return true;
    auto [ec, value] = co_await s->resolve(executor);
    if (ec) {
      failed = {ec, {}, "OAuth2 " + std::string(field) + ": " + value};
      co_return false;
    }
    out = std::move(value);
    co_return true;
  }

  asio::awaitable<attempt> resolve_all(credentials& c) {
    attempt failed;
    if (co_await resolve(settings.client_secret, "client_secret", c.client_secret, failed) &&
        co_await resolve(settings.password, "password", c.password, failed) &&
        co_await resolve(settings.refresh_token, "refresh_token", c.refresh_token, failed))
      co_return attempt{};
    co_return failed;
  }

  asio::awaitable<attempt> request(grant_type grant, const credentials& c, bool with_extras) {
    token_request_fields fields{
        .grant = grant,
        .client_id = settings.client_id,
        .client_secret = c.client_secret,
        .authentication = settings.authentication,
        .scope = grant == grant_type::refresh_token ? std::string_view{} : settings.scope,
        .username = settings.username,
        .password = c.password,
        .refresh_token = c.refresh_token,
        .extra = with_extras ? std::span(settings.extra_parameters)
                             : std::span<const std::pair<std::string, std::string>>{},
    };
    auto message = make_token_request(fields);
    http::fields headers;
    headers.set(http::field::accept, "application/json");
    if (!message.authorization.empty())
      headers.set(http::field::authorization, message.authorization);
    ++requests;
    auto [ec, res] = co_await http.post(settings.token_url, std::move(message.body),
                                        "application/x-www-form-urlencoded", std::move(headers));
    const auto masked = [&](std::string_view server_text) {
      return mask_values(one_line_excerpt(server_text),
                         {c.client_secret, c.password, c.refresh_token});
    };
    if (ec) {
      const auto& detail = http.last_error_detail();
      std::string why = "request to " + endpoint() + " failed: ";
      why += detail.empty() ? ec.message() : detail;
      co_return attempt{ec, {}, std::move(why)};
    }

    const unsigned status = res.result_int();
    attempt out;
    if (status >= 200 && status < 300) {
      out.ec = parse_token_response(res.body(), out.response);
      if (!out.ec) co_return out;
    }
    if (oauth2_error_response refusal; parse_oauth2_error(res.body(), refusal)) {
      out.ec = oauth2_error_code(refusal.error);
      out.why = endpoint() + " refused the " + std::string(to_string(grant)) +
                " grant: " + masked(refusal.error);
      if (!refusal.description.empty()) out.why += " (" + masked(refusal.description) + ")";
    } else if (out.ec == error::unsupported_token_type) {
      out.why = endpoint() + " issued a token of type " + masked(out.response.token_type) +
                ", not Bearer";
    } else if (out.ec) {
      out.why = endpoint() + " answered with an invalid token response";
    } else {
      out.ec = error::token_endpoint_status;
      out.why = endpoint() + " answered " + std::to_string(status) + " " + masked(res.reason());
    }
    out.response = {};
    co_return out;
  }
};

oauth2_token_provider::oauth2_token_provider(asio::any_io_executor ex, oauth2_settings settings)
    : cached_token_provider(settings.cache),
      impl_(std::make_unique<impl>(std::move(ex), std::move(settings))) {}

oauth2_token_provider::~oauth2_token_provider() = default;

const oauth2_settings& oauth2_token_provider::settings() const noexcept { return impl_->settings; }

std::uint64_t oauth2_token_provider::requests_sent() const noexcept { return impl_->requests; }

asio::awaitable<std::tuple<std::error_code, access_token>> oauth2_token_provider::fetch(
    bool /*forced: a refresh token, where there is one, yields a new access token either way*/) {
  impl& self = *impl_;
  attempt got;
  std::string refused_refresh_token;
  if (!self.issued_refresh_token.empty()) {
    credentials refresh;
    refresh.refresh_token = self.issued_refresh_token;
    if (co_await self.resolve(self.settings.client_secret, "client_secret", refresh.client_secret,
                              got)) {
      got = co_await self.request(grant_type::refresh_token, refresh, false);
    }
    if (got.ec == error::invalid_grant)
      refused_refresh_token = std::exchange(self.issued_refresh_token, {});
  }
  if (self.issued_refresh_token.empty()) {
    credentials configured;
    if (auto wrong = self.check_settings()) {
      got = std::move(*wrong);
    } else if (attempt resolved = co_await self.resolve_all(configured); resolved.ec) {
      got = std::move(resolved);
    } else if (self.settings.grant != grant_type::refresh_token ||
               configured.refresh_token != refused_refresh_token) {
      got = co_await self.request(self.settings.grant, configured, true);
    }
  }
  if (got.ec) {
    set_error_detail(std::move(got.why));
    co_return std::tuple{got.ec, access_token{}};
  }
  if (!got.response.refresh_token.empty())
    self.issued_refresh_token = std::move(got.response.refresh_token);
  access_token token{std::move(got.response.access_token), std::nullopt};
  if (got.response.expires_in) token.expires_at = now() + *got.response.expires_in;
  co_return std::tuple{std::error_code{}, std::move(token)};
}

}  // namespace eventwire::auth
