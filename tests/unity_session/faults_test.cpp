#include "unity_testing.hpp"

#include <eventwire/unity/poller_error.hpp>

namespace t = eventwire::testing;
namespace unity = eventwire::unity;
namespace emulator = eventwire::emulator;
namespace asio = boost::asio;
using namespace std::chrono_literals;

namespace {

// Runs a poller until `ids` notifications were handled, then stops it.
void drain_through(t::unity_fixture& f, unity::poller& poller, t::page_log& log, std::size_t ids) {
  t::background<std::error_code> running(f.io.get_executor());
  t::run_test(f.io, [&]() -> asio::awaitable<void> {
    running.start(f.io.get_executor(), poller.run(log.handler(f)));
    BOOST_TEST(co_await log.wait_for_ids(ids));
    poller.stop();
    BOOST_TEST(co_await running.wait());
    BOOST_TEST(!*running.result);
  }());
}

}  // namespace

BOOST_AUTO_TEST_SUITE(unity_poller_faults)

BOOST_AUTO_TEST_CASE(a_429_waits_at_least_retry_after) {
  t::unity_fixture f;
  f.emulator->generate(5);
  BOOST_REQUIRE(!f.checkpoints->store(f.key, f.emulator->position_at(f.subscription, 1)));
  emulator::unity_emulator_faults faults;
  faults.too_many_requests = 2;
  faults.retry_after = 1s;
  f.emulator->set_faults(faults);
  unity::poller poller(f.io.get_executor(), f.options(), *f.tokens, *f.checkpoints);
  t::page_log log(f.io.get_executor());
  drain_through(f, poller, log, 5);
  const auto& fetches = f.emulator->fetches();
  BOOST_REQUIRE(fetches.size() >= 3u);
  BOOST_TEST(fetches[0].status == 429u);
  BOOST_TEST(fetches[1].status == 429u);
  BOOST_TEST(fetches[2].status == 200u);
  BOOST_TEST((fetches[1].at - fetches[0].at) >= 950ms);
  BOOST_TEST((fetches[2].at - fetches[1].at) >= 950ms);
  BOOST_TEST(poller.statistics().retries == 2u);
  BOOST_TEST(log.ids == t::expected_ids(1, 5), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(server_errors_back_off_and_recover) {
  t::unity_fixture f;
  f.emulator->generate(5);
  BOOST_REQUIRE(!f.checkpoints->store(f.key, f.emulator->position_at(f.subscription, 1)));
  f.emulator->set_faults({.server_errors = 3});
  unity::poller poller(f.io.get_executor(), f.options(), *f.tokens, *f.checkpoints);
  t::page_log log(f.io.get_executor());
  drain_through(f, poller, log, 5);
  BOOST_TEST(f.emulator->fetches()[2].status == 500u);
  BOOST_TEST(f.emulator->fetches()[3].status == 200u);
  BOOST_TEST(poller.statistics().retries == 3u);
  BOOST_TEST(log.ids == t::expected_ids(1, 5), boost::test_tools::per_element());
}

// A retried failure is never silent: each attempt is told with its reason, and so is the recovery.
BOOST_AUTO_TEST_CASE(failed_attempts_and_the_recovery_are_logged) {
  t::unity_fixture f;
  f.emulator->generate(2);
  BOOST_REQUIRE(!f.checkpoints->store(f.key, f.emulator->position_at(f.subscription, 1)));
  f.emulator->set_faults({.server_errors = 2});
  auto o = f.options();
  std::vector<std::pair<bool, std::string>> lines;
  o.log = [&lines](bool problem, std::string_view sentence) { lines.emplace_back(problem, sentence); };
  unity::poller poller(f.io.get_executor(), o, *f.tokens, *f.checkpoints);
  t::page_log log(f.io.get_executor());
  drain_through(f, poller, log, 2);
  BOOST_REQUIRE(lines.size() == 3u);
  BOOST_TEST(lines[0].first);
  BOOST_TEST(lines[0].second.find("attempt failed: ") == 0u);
  BOOST_TEST(lines[0].second.find("HTTP 500") != std::string::npos, lines[0].second);
  BOOST_TEST(lines[0].second.find("; retry 1 in 10 ms") != std::string::npos, lines[0].second);
  BOOST_TEST(lines[1].second.find("; retry 2 in 20 ms") != std::string::npos, lines[1].second);
  BOOST_TEST(!lines[2].first);
  BOOST_TEST(lines[2].second.find("recovered after 2 failed attempt(s) over ") == 0u, lines[2].second);
}

BOOST_AUTO_TEST_CASE(server_errors_give_up_as_the_policy_says) {
  t::unity_fixture f;
  BOOST_REQUIRE(!f.checkpoints->store(f.key, f.emulator->position_at(f.subscription, 1)));
  f.emulator->set_faults({.server_errors = 100});
  auto o = f.options();
  o.retry = eventwire::session::reconnect_policy::delays({10ms, 10ms, 10ms}).jitter(0);
  unity::poller poller(f.io.get_executor(), o, *f.tokens, *f.checkpoints);
  t::page_log log(f.io.get_executor());
  t::run_test(f.io, [&]() -> asio::awaitable<void> {
    BOOST_TEST(co_await poller.run(log.handler(f)) == unity::poller_error::retry_gave_up);
  }());
  BOOST_TEST(f.emulator->fetches().size() == 4u);
  BOOST_TEST(poller.last_error_detail().find("gave up after 4 failed attempts; the last: HTTP 500") !=
             std::string::npos);
}

BOOST_AUTO_TEST_CASE(truncated_bodies_are_fetched_again_without_loss_or_duplicates) {
  t::unity_fixture f({.page_size = 100});
  f.emulator->generate(250);
  BOOST_REQUIRE(!f.checkpoints->store(f.key, f.emulator->position_at(f.subscription, 1)));
  f.emulator->set_faults({.truncated_bodies = 2});
  unity::poller poller(f.io.get_executor(), f.options(), *f.tokens, *f.checkpoints);
  t::page_log log(f.io.get_executor());
  drain_through(f, poller, log, 250);
  BOOST_TEST(poller.statistics().retries == 2u);
  BOOST_TEST(f.emulator->statistics().faults == 2u);
  BOOST_TEST(log.ids == t::expected_ids(1, 250), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(slow_answers_are_waited_for_within_the_read_timeout) {
  t::unity_fixture f;
  f.emulator->generate(3);
  BOOST_REQUIRE(!f.checkpoints->store(f.key, f.emulator->position_at(f.subscription, 1)));
  f.emulator->set_faults({.delay = 300ms});
  unity::poller poller(f.io.get_executor(), f.options(), *f.tokens, *f.checkpoints);
  t::page_log log(f.io.get_executor());
  const auto start = std::chrono::steady_clock::now();
  drain_through(f, poller, log, 3);
  BOOST_TEST((f.emulator->fetches()[0].at - start) >= 300ms);
  BOOST_TEST(poller.statistics().retries == 0u);
  BOOST_TEST(log.ids == t::expected_ids(1, 3), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(answers_slower_than_the_read_timeout_are_retried_then_given_up) {
  t::unity_fixture f;
  BOOST_REQUIRE(!f.checkpoints->store(f.key, f.emulator->position_at(f.subscription, 1)));
  f.emulator->set_faults({.delay = 2s});
  auto o = f.options();
  o.http.read_timeout = 200ms;
  o.retry = eventwire::session::reconnect_policy::delays({10ms}).jitter(0);
  unity::poller poller(f.io.get_executor(), o, *f.tokens, *f.checkpoints);
  t::page_log log(f.io.get_executor());
  t::run_test(f.io, [&]() -> asio::awaitable<void> {
    BOOST_TEST(co_await poller.run(log.handler(f)) == unity::poller_error::retry_gave_up);
  }());
  BOOST_TEST(poller.statistics().retries == 1u);
  BOOST_TEST(poller.last_error_detail().find("gave up after 2 failed attempts") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(stop_ends_a_pending_slow_request_at_once) {
  t::unity_fixture f;
  BOOST_REQUIRE(!f.checkpoints->store(f.key, f.emulator->position_at(f.subscription, 1)));
  f.emulator->set_faults({.delay = 20s});
  unity::poller poller(f.io.get_executor(), f.options(), *f.tokens, *f.checkpoints);
  t::page_log log(f.io.get_executor());
  t::background<std::error_code> running(f.io.get_executor());
  t::run_test(f.io, [&]() -> asio::awaitable<void> {
    running.start(f.io.get_executor(), poller.run(log.handler(f)));
    asio::steady_timer pause(f.io.get_executor(), 200ms);  // let the request go out
    co_await pause.async_wait(asio::use_awaitable);
    poller.stop();
    BOOST_TEST(co_await running.wait(2s));
    BOOST_TEST(!*running.result);
  }());
}

BOOST_AUTO_TEST_SUITE_END()
