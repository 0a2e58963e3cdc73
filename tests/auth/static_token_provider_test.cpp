#include "net_testing.hpp"

#include <eventwire/auth/error.hpp>
#include <eventwire/auth/static_token_provider.hpp>

#include <boost/test/unit_test.hpp>

#include <cstdlib>

namespace auth = eventwire::auth;
namespace testing = eventwire::testing;
namespace asio = boost::asio;

BOOST_AUTO_TEST_SUITE(static_token_provider)

BOOST_AUTO_TEST_CASE(reads_the_secret_at_every_get) {
  asio::io_context io;
  ::setenv("EVENTWIRE_TEST_PORTOS_TOKEN", "first", 1);
  auth::static_token_provider provider(io.get_executor(),
                                       auth::environment_variable{"EVENTWIRE_TEST_PORTOS_TOKEN"});
  testing::run(io, [&]() -> asio::awaitable<void> {
    auto [ec, token] = co_await provider.get();
    BOOST_TEST(!ec);
    BOOST_TEST(token.value == "first");
    BOOST_TEST(!token.expires_at.has_value());
    ::setenv("EVENTWIRE_TEST_PORTOS_TOKEN", "rotated", 1);
    auto [ec2, token2] = co_await provider.get(true);
    BOOST_TEST(token2.value == "rotated");
    BOOST_TEST(provider.last_error_detail().empty());
  }());
}

BOOST_AUTO_TEST_CASE(a_missing_secret_is_a_named_error) {
  asio::io_context io;
  ::unsetenv("EVENTWIRE_TEST_UNSET_TOKEN");
  auth::static_token_provider provider(io.get_executor(),
                                       auth::environment_variable{"EVENTWIRE_TEST_UNSET_TOKEN"});
  testing::run(io, [&]() -> asio::awaitable<void> {
    auto [ec, token] = co_await provider.get();
    BOOST_TEST(ec == std::error_code(auth::error::environment_variable_not_set));
    BOOST_TEST(token.value.empty());
    BOOST_TEST(provider.last_error_detail() ==
               "environment variable EVENTWIRE_TEST_UNSET_TOKEN is not set");
  }());
}

BOOST_AUTO_TEST_CASE(a_command_token) {
  asio::io_context io;
  auth::static_token_provider provider(io.get_executor(),
                                       auth::secret_command{{"echo", "from-command"}});
  testing::run(io, [&]() -> asio::awaitable<void> {
    auto [ec, token] = co_await provider.get();
    BOOST_TEST(!ec, provider.last_error_detail());
    BOOST_TEST(token.value == "from-command");
  }());
}

BOOST_AUTO_TEST_SUITE_END()
