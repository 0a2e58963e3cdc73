#include "token_endpoint.hpp"

#include <eventwire/auth/error.hpp>
#include <eventwire/auth/oauth2_token_provider.hpp>
#include <eventwire/codec/condition.hpp>

#include <boost/asio/detached.hpp>
#include <boost/test/unit_test.hpp>

#include <sstream>

namespace auth = eventwire::auth;
namespace testing = eventwire::testing;
namespace asio = boost::asio;
namespace http = boost::beast::http;
using asio::awaitable;
using auth::error;
using namespace std::chrono_literals;

namespace {

struct outcome {
  std::error_code ec;
  auth::access_token token;
  std::string detail;
};

struct fixture {
  asio::io_context io;
  testing::token_endpoint endpoint{io};
  testing::manual_clock clock;
  std::vector<std::string> texts;  // every error text seen, checked for secrets at the end

  ~fixture() {
    const std::string secrets[] = {endpoint.client_secret, endpoint.password};
    for (const auto& text : texts)
      for (const auto& s : secrets) BOOST_TEST(text.find(s) == std::string::npos, text);
    testing::stop_and_drain(io, {&endpoint.server()});
  }

  auth::oauth2_settings settings(auth::grant_type grant = auth::grant_type::client_credentials) {
    auth::oauth2_settings s;
    s.token_url = endpoint.url();
    s.grant = grant;
    s.client_id = endpoint.client_id;
    s.client_secret = auth::literal_secret{endpoint.client_secret};
    s.scope = "unity.read";
    if (grant == auth::grant_type::password) {
      s.username = endpoint.username;
      s.password = auth::literal_secret{endpoint.password};
    }
    s.cache.now = clock.function();
    return s;
  }

  outcome get(auth::oauth2_token_provider& p, bool force = false) {
    outcome out;
    testing::run(io, [&]() -> awaitable<void> {
      auto [ec, token] = co_await p.get(force);
      out = {ec, token, p.last_error_detail()};
    }());
    texts.push_back(out.ec.message());
    texts.push_back(out.detail);
    std::ostringstream printed;
    printed << out.token;
    texts.push_back(printed.str());
    return out;
  }

  const testing::token_endpoint::seen& request(std::size_t i) {
    BOOST_REQUIRE(i < endpoint.requests.size());
    return endpoint.requests[i];
  }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(oauth2_token_provider, fixture)

BOOST_AUTO_TEST_CASE(client_credentials_with_the_secret_in_the_body) {
  auth::oauth2_token_provider p(io.get_executor(), settings());
  auto got = get(p);
  BOOST_TEST_REQUIRE(!got.ec, got.detail);
  BOOST_TEST(got.token.value == "access-1");
  BOOST_TEST((got.token.expires_at == clock.at + 300s));
  const auto& seen = request(0);
  BOOST_TEST(seen.grant() == "client_credentials");
  BOOST_TEST(seen.form.at("client_id") == "eventwire");
  BOOST_TEST(seen.form.at("client_secret") == endpoint.client_secret);
  BOOST_TEST(seen.form.at("scope") == "unity.read");
  BOOST_TEST(seen.authorization.empty());
  BOOST_TEST(seen.content_type == "application/x-www-form-urlencoded");
  BOOST_TEST(seen.accept == "application/json");
  BOOST_TEST(p.requests_sent() == 1u);
}

BOOST_AUTO_TEST_CASE(client_credentials_with_http_basic) {
  auto s = settings();
  s.authentication = auth::client_authentication::http_basic;
  auth::oauth2_token_provider p(io.get_executor(), s);
  auto got = get(p);
  BOOST_TEST_REQUIRE(!got.ec, got.detail);
  const auto& seen = request(0);
  BOOST_TEST(seen.authorization.starts_with("Basic "));
  BOOST_TEST(testing::basic_credentials(seen.authorization).first == "eventwire");
  BOOST_TEST(testing::basic_credentials(seen.authorization).second == endpoint.client_secret);
  BOOST_TEST(seen.form.count("client_id") == 0u);
  BOOST_TEST(seen.form.count("client_secret") == 0u);
}

BOOST_AUTO_TEST_CASE(password_grant_as_identityserver_takes_it) {
  auto s = settings(auth::grant_type::password);
  s.extra_parameters = {{"acr_values", "tenant:site-42"}};
  auth::oauth2_token_provider p(io.get_executor(), s);
  auto got = get(p);
  BOOST_TEST_REQUIRE(!got.ec, got.detail);
  const auto& seen = request(0);
  BOOST_TEST(seen.grant() == "password");
  BOOST_TEST(seen.form.at("username") == "operator");
  BOOST_TEST(seen.form.at("password") == endpoint.password);
  BOOST_TEST(seen.form.at("acr_values") == "tenant:site-42");
}

BOOST_AUTO_TEST_CASE(a_wrong_password_is_invalid_grant_with_the_server_text) {
  auto s = settings(auth::grant_type::password);
  s.password = auth::literal_secret{"wrong-password-value"};
  auth::oauth2_token_provider p(io.get_executor(), s);
  auto got = get(p);
  BOOST_TEST(got.ec == std::error_code(error::invalid_grant));
  BOOST_TEST((got.ec == std::errc::permission_denied));
  BOOST_TEST(got.detail == "token endpoint " + endpoint.url().to_string() +
                               " refused the password grant: invalid_grant "
                               "(invalid_username_or_password)");
  BOOST_TEST(got.detail.find("wrong-password-value") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(two_gets_within_the_lifetime_make_one_request) {
  auth::oauth2_token_provider p(io.get_executor(), settings());
  BOOST_TEST(get(p).token.value == "access-1");
  clock.at += 200s;
  BOOST_TEST(get(p).token.value == "access-1");
  BOOST_TEST(endpoint.requests.size() == 1u);
  BOOST_TEST(get(p, true).token.value == "access-2");
  BOOST_TEST(endpoint.requests.size() == 2u);
}

BOOST_AUTO_TEST_CASE(refresh_tokens_are_used_then_the_original_grant_when_refused) {
  endpoint.issue_refresh_tokens = true;
  auth::oauth2_token_provider p(io.get_executor(), settings());
  auto first = get(p);
  BOOST_TEST_REQUIRE(!first.ec, first.detail);
  BOOST_TEST(first.token.value == "access-1");

  clock.at += 269s;  // 300 s token: renewed 30 s before expiry
  BOOST_TEST(get(p).token.value == "access-1");
  BOOST_TEST(endpoint.requests.size() == 1u);

  clock.at += 2s;
  auto refreshed = get(p);
  BOOST_TEST_REQUIRE(!refreshed.ec, refreshed.detail);
  BOOST_TEST(refreshed.token.value == "access-2");
  BOOST_TEST(request(1).grant() == "refresh_token");
  BOOST_TEST(request(1).form.at("refresh_token") == "refresh-1");
  BOOST_TEST(request(1).form.at("client_secret") == endpoint.client_secret);
  BOOST_TEST(request(1).form.count("scope") == 0u);

  clock.at += 280s;  // the rotated refresh token is used next
  BOOST_TEST(get(p).token.value == "access-3");
  BOOST_TEST(request(2).form.at("refresh_token") == "refresh-2");

  endpoint.refuse_refresh_tokens = true;
  clock.at += 280s;
  auto fallback = get(p);
  BOOST_TEST_REQUIRE(!fallback.ec, fallback.detail);
  BOOST_TEST(fallback.token.value == "access-5");
  BOOST_TEST(request(3).grant() == "refresh_token");
  BOOST_TEST(request(4).grant() == "client_credentials");
  BOOST_TEST(request(4).form.at("scope") == "unity.read");
}

BOOST_AUTO_TEST_CASE(a_refresh_token_grant_starts_from_the_configured_token) {
  endpoint.issue_refresh_tokens = true;
  endpoint.refresh_tokens_issued.push_back("offline-token-from-config");
  auto s = settings(auth::grant_type::refresh_token);
  s.refresh_token = auth::literal_secret{"offline-token-from-config"};
  auth::oauth2_token_provider p(io.get_executor(), s);
  auto got = get(p);
  BOOST_TEST_REQUIRE(!got.ec, got.detail);
  BOOST_TEST(request(0).form.at("refresh_token") == "offline-token-from-config");
  BOOST_TEST(get(p, true).token.value == "access-2");
  BOOST_TEST(request(1).form.at("refresh_token") == "refresh-1");

  // Both the issued and the configured refresh token refused: one request each, then an error.
  endpoint.refuse_refresh_tokens = true;
  auto refused = get(p, true);
  BOOST_TEST(refused.ec == std::error_code(error::invalid_grant));
  BOOST_TEST(endpoint.requests.size() == 4u);
  BOOST_TEST(request(3).form.at("refresh_token") == "offline-token-from-config");
  BOOST_TEST(refused.detail.find("offline-token") == std::string::npos, refused.detail);
}

BOOST_AUTO_TEST_CASE(a_refused_client_is_invalid_client_with_the_server_text) {
  auto s = settings();
  s.client_secret = auth::literal_secret{"not-the-secret"};
  auth::oauth2_token_provider p(io.get_executor(), s);
  auto got = get(p);
  BOOST_TEST(got.ec == std::error_code(error::invalid_client));
  BOOST_TEST(got.detail == "token endpoint " + endpoint.url().to_string() +
                               " refused the client_credentials grant: invalid_client "
                               "(Invalid client)");
}

BOOST_AUTO_TEST_CASE(a_server_echoing_a_secret_has_it_masked) {
  endpoint.canned = {http::status::bad_request,
                     R"({"error":"invalid_scope","error_description":"client )" +
                         endpoint.client_secret + R"( may not ask\nfor scope"})"};
  auth::oauth2_token_provider p(io.get_executor(), settings());
  auto got = get(p);
  BOOST_TEST(got.ec == std::error_code(error::invalid_scope));
  BOOST_TEST(got.detail.ends_with("refused the client_credentials grant: invalid_scope (client "
                                  "**** may not ask for scope)"),
             got.detail);
}

BOOST_AUTO_TEST_CASE(an_unknown_oauth2_error_keeps_its_name) {
  endpoint.canned = {http::status::service_unavailable, R"({"error":"temporarily_unavailable"})"};
  auth::oauth2_token_provider p(io.get_executor(), settings());
  auto got = get(p);
  BOOST_TEST(got.ec == std::error_code(error::oauth2_error));
  BOOST_TEST(got.detail.ends_with("grant: temporarily_unavailable"), got.detail);
}

BOOST_AUTO_TEST_CASE(a_500_is_an_unexpected_status) {
  endpoint.canned = {http::status::internal_server_error, "<html>oops</html>"};
  auth::oauth2_token_provider p(io.get_executor(), settings());
  auto got = get(p);
  BOOST_TEST(got.ec == std::error_code(error::token_endpoint_status));
  BOOST_TEST(got.detail == "token endpoint " + endpoint.url().to_string() +
                               " answered 500 Internal Server Error");
  BOOST_TEST(got.token.value.empty());
}

BOOST_AUTO_TEST_CASE(a_malformed_response_is_refused) {
  endpoint.canned = {http::status::ok, R"({"access_token":42,"token_type":"Bearer"})"};
  auth::oauth2_token_provider p(io.get_executor(), settings());
  auto got = get(p);
  BOOST_TEST(got.ec == std::error_code(error::invalid_token_response));
  BOOST_TEST(got.ec == eventwire::codec::condition::protocol_violation);
  BOOST_TEST(got.detail == "token endpoint " + endpoint.url().to_string() +
                               " answered with an invalid token response");

  endpoint.canned = {http::status::ok, "access_token=abc&token_type=bearer"};
  BOOST_TEST(get(p, true).ec == std::error_code(error::invalid_token_response));
}

BOOST_AUTO_TEST_CASE(an_error_body_under_status_200_is_still_an_error) {
  endpoint.canned = {http::status::ok, R"({"error":"invalid_request"})"};
  auth::oauth2_token_provider p(io.get_executor(), settings());
  BOOST_TEST(get(p).ec == std::error_code(error::invalid_request));
}

BOOST_AUTO_TEST_CASE(a_token_type_other_than_bearer_is_refused) {
  endpoint.token_type = "mac";
  auth::oauth2_token_provider p(io.get_executor(), settings());
  auto got = get(p);
  BOOST_TEST(got.ec == std::error_code(error::unsupported_token_type));
  BOOST_TEST(got.detail.ends_with("issued a token of type mac, not Bearer"), got.detail);
}

BOOST_AUTO_TEST_CASE(a_response_over_the_limit_is_refused) {
  endpoint.canned = {http::status::ok, R"({"access_token":")" + std::string(2000, 'a') +
                                           R"(","token_type":"Bearer"})"};
  auto s = settings();
  s.response_limit = 1024;
  auth::oauth2_token_provider p(io.get_executor(), s);
  auto got = get(p);
  BOOST_TEST(got.ec == eventwire::codec::condition::limit_exceeded, got.ec.message());
}

BOOST_AUTO_TEST_CASE(an_unreachable_endpoint_names_the_redacted_url) {
  auto s = settings();
  s.token_url = endpoint.server().url("/connect/token");
  s.token_url.query = "code=hunter2";
  endpoint.server().stop();
  auth::oauth2_token_provider p(io.get_executor(), s);
  auto got = get(p);
  BOOST_TEST((got.ec == std::errc::connection_refused), got.ec.message());
  BOOST_TEST(got.detail.starts_with("request to token endpoint http://127.0.0.1:"), got.detail);
  BOOST_TEST(got.detail.find("code=***") != std::string::npos, got.detail);
  BOOST_TEST(got.detail.find("hunter2") == std::string::npos, got.detail);
}

BOOST_AUTO_TEST_CASE(a_missing_client_secret_is_named) {
  ::unsetenv("EVENTWIRE_TEST_CLIENT_SECRET");
  auto s = settings();
  s.client_secret = auth::environment_variable{"EVENTWIRE_TEST_CLIENT_SECRET"};
  auth::oauth2_token_provider p(io.get_executor(), s);
  auto got = get(p);
  BOOST_TEST(got.ec == std::error_code(error::environment_variable_not_set));
  BOOST_TEST(got.detail ==
             "OAuth2 client_secret: environment variable EVENTWIRE_TEST_CLIENT_SECRET is not set");
  BOOST_TEST(endpoint.requests.empty());
}

BOOST_AUTO_TEST_CASE(incomplete_settings_are_named) {
  auto s = settings(auth::grant_type::password);
  s.username.clear();
  auth::oauth2_token_provider p(io.get_executor(), s);
  auto got = get(p);
  BOOST_TEST(got.ec == std::error_code(error::invalid_oauth2_settings));
  BOOST_TEST((got.ec == std::errc::invalid_argument));
  BOOST_TEST(got.detail == "OAuth2 settings: the password grant needs a username and a password");

  auto r = settings(auth::grant_type::refresh_token);
  auth::oauth2_token_provider q(io.get_executor(), r);
  BOOST_TEST(get(q).detail == "OAuth2 settings: the refresh_token grant needs a refresh_token");
  BOOST_TEST(endpoint.requests.empty());
}

BOOST_AUTO_TEST_CASE(a_client_secret_file_is_read_at_each_request) {
  char path[] = "/tmp/eventwire-auth-secret-XXXXXX";
  const int fd = ::mkstemp(path);
  BOOST_REQUIRE(fd >= 0);
  const auto write = [&](std::string_view v) {
    BOOST_REQUIRE(::ftruncate(fd, 0) == 0);
    BOOST_REQUIRE(::pwrite(fd, v.data(), v.size(), 0) == static_cast<ssize_t>(v.size()));
  };
  write("old-secret\n");
  auto s = settings();
  s.client_secret = auth::secret_file{path};
  auth::oauth2_token_provider p(io.get_executor(), s);
  BOOST_TEST(get(p).ec == std::error_code(error::invalid_client));
  write(endpoint.client_secret + "\n");
  BOOST_TEST(!get(p).ec);
  ::close(fd);
  ::unlink(path);
}

BOOST_AUTO_TEST_CASE(concurrent_gets_share_one_request) {
  testing::gate hold(io.get_executor());
  endpoint.hold = &hold;
  auth::oauth2_token_provider p(io.get_executor(), settings());
  std::vector<std::string> got;
  testing::run(io, [&]() -> awaitable<void> {
    for (int i = 0; i < 4; ++i) {
      asio::co_spawn(
          io,
          [&]() -> awaitable<void> {
            auto [ec, token] = co_await p.get();
            got.push_back(ec ? ec.message() : token.value);
          },
          asio::detached);
    }
    BOOST_TEST(co_await testing::eventually([&] { return endpoint.requests.size() == 1; }));
    hold.open();
    BOOST_TEST(co_await testing::eventually([&] { return got.size() == 4; }));
  }());
  BOOST_TEST(got == std::vector<std::string>(4, "access-1"));
  BOOST_TEST(endpoint.requests.size() == 1u);
  BOOST_TEST(p.requests_sent() == 1u);
}

BOOST_AUTO_TEST_SUITE_END()
