#include "unity_testing.hpp"

#include <eventwire/auth/static_token_provider.hpp>
#include <eventwire/unity/poller_error.hpp>

namespace t = eventwire::testing;
namespace unity = eventwire::unity;
namespace auth = eventwire::auth;
namespace asio = boost::asio;
using namespace std::chrono_literals;

BOOST_AUTO_TEST_SUITE(unity_poller_tokens)

BOOST_AUTO_TEST_CASE(a_401_refreshes_the_token_once_and_goes_on) {
  t::unity_fixture f;
  f.emulator->generate(2);
  unity::poller poller(f.io.get_executor(), f.options(), *f.tokens, *f.checkpoints);
  t::page_log log(f.io.get_executor());
  t::background<std::error_code> running(f.io.get_executor());
  t::run_test(f.io, [&]() -> asio::awaitable<void> {
    running.start(f.io.get_executor(), poller.run(log.handler(f)));
    BOOST_TEST(co_await log.wait_for_ids(2));
    f.emulator->revoke_tokens();  // the access and the refresh token
    f.emulator->generate(2);
    BOOST_TEST(co_await log.wait_for_ids(4));  // after a 401
    poller.stop();
    BOOST_TEST(co_await running.wait());
    BOOST_TEST(!*running.result);
  }());
  BOOST_TEST(log.ids == t::expected_ids(1, 4), boost::test_tools::per_element());
  BOOST_TEST(poller.statistics().token_refreshes == 1u);
  BOOST_TEST(f.emulator->statistics().unauthorized == 1u);
  BOOST_TEST(f.emulator->fetches()[1].status == 401u);
  BOOST_TEST(f.emulator->fetches()[2].status == 200u);
}

BOOST_AUTO_TEST_CASE(refreshes_with_the_refresh_token_before_expiry) {
  t::unity_fixture f({.token_lifetime = std::chrono::seconds(300)});
  f.emulator->generate(1);
  unity::poller poller(f.io.get_executor(), f.options(), *f.tokens, *f.checkpoints);
  t::page_log log(f.io.get_executor());
  t::background<std::error_code> running(f.io.get_executor());
  t::run_test(f.io, [&]() -> asio::awaitable<void> {
    running.start(f.io.get_executor(), poller.run(log.handler(f)));
    BOOST_TEST(co_await log.wait_for_ids(1));
    // 280 s later the 300 s token is within its refresh margin (30 s) but not expired.
    f.emulator->advance_time(280s);
    f.clock.advance(280s);
    f.emulator->generate(1);
    BOOST_TEST(co_await log.wait_for_ids(2));
    poller.stop();
    BOOST_TEST(co_await running.wait());
  }());
  BOOST_TEST(log.ids == t::expected_ids(1, 2), boost::test_tools::per_element());
  BOOST_TEST(f.emulator->statistics().refresh_grants == 1u);
  BOOST_TEST(f.emulator->statistics().unauthorized == 0u);
  BOOST_TEST(poller.statistics().token_refreshes == 0u);
}

BOOST_AUTO_TEST_CASE(an_expired_token_is_refused_and_replaced) {
  t::unity_fixture f({.token_lifetime = std::chrono::seconds(300)});
  f.emulator->generate(1);
  unity::poller poller(f.io.get_executor(), f.options(), *f.tokens, *f.checkpoints);
  t::page_log log(f.io.get_executor());
  t::background<std::error_code> running(f.io.get_executor());
  t::run_test(f.io, [&]() -> asio::awaitable<void> {
    running.start(f.io.get_executor(), poller.run(log.handler(f)));
    BOOST_TEST(co_await log.wait_for_ids(1));
    // The emulator's clock passes the expiry; the provider's does not know.
    f.emulator->advance_time(301s);
    f.emulator->generate(1);
    BOOST_TEST(co_await log.wait_for_ids(2));
    poller.stop();
    BOOST_TEST(co_await running.wait());
  }());
  BOOST_TEST(log.ids == t::expected_ids(1, 2), boost::test_tools::per_element());
  BOOST_TEST(f.emulator->statistics().unauthorized == 1u);
  BOOST_TEST(poller.statistics().token_refreshes == 1u);
}

BOOST_AUTO_TEST_CASE(a_token_refused_also_after_a_refresh_ends_run) {
  t::unity_fixture f;
  auth::static_token_provider wrong(f.io.get_executor(), auth::literal_secret{"not-a-token"});
  unity::poller poller(f.io.get_executor(), f.options(), wrong, *f.checkpoints);
  t::page_log log(f.io.get_executor());
  t::run_test(f.io, [&]() -> asio::awaitable<void> {
    BOOST_TEST(co_await poller.run(log.handler(f)) == unity::poller_error::unauthorized);
  }());
  BOOST_TEST(f.emulator->statistics().unauthorized == 2u);
  BOOST_TEST(poller.last_error_detail().find("invalid_token") != std::string::npos);
  BOOST_TEST(poller.last_error_detail().find("not-a-token") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_failing_token_source_is_retried_then_given_up) {
  t::unity_fixture f;
  auth::oauth2_settings s;
  s.token_url = f.emulator->token_url();
  s.client_id = "eventwire";
  s.client_secret = auth::literal_secret{"wrong secret"};
  auth::oauth2_token_provider refused(f.io.get_executor(), std::move(s));
  auto o = f.options();
  o.retry = eventwire::session::reconnect_policy::delays({10ms, 10ms}).jitter(0);
  unity::poller poller(f.io.get_executor(), o, refused, *f.checkpoints);
  t::page_log log(f.io.get_executor());
  t::run_test(f.io, [&]() -> asio::awaitable<void> {
    BOOST_TEST(co_await poller.run(log.handler(f)) == unity::poller_error::retry_gave_up);
  }());
  BOOST_TEST(poller.last_error_detail().find("gave up after 3 failed attempts") != std::string::npos);
  BOOST_TEST(poller.last_error_detail().find("access token source failed") != std::string::npos);
  BOOST_TEST(poller.last_error_detail().find("wrong secret") == std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
