#include "unity_testing.hpp"

#include <eventwire/unity/poller_error.hpp>

namespace t = eventwire::testing;
namespace unity = eventwire::unity;
namespace asio = boost::asio;
using namespace std::chrono_literals;

namespace {

// Runs a poller until `ids` notifications were handled, then stops it.
std::error_code poll(t::unity_fixture& f, unity::poller& poller, t::page_log& log, std::size_t ids) {
  std::error_code out;
  t::background<std::error_code> running(f.io.get_executor());
  t::run_test(f.io, [&]() -> asio::awaitable<void> {
    running.start(f.io.get_executor(), poller.run(log.handler(f)));
    BOOST_TEST(co_await log.wait_for_ids(ids));
    poller.stop();
    BOOST_TEST(co_await running.wait());
    out = *running.result;
  }());
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(unity_poller_positions)

BOOST_AUTO_TEST_CASE(creates_a_position_after_the_newest_when_configured_so) {
  t::unity_fixture f;
  f.emulator->generate(5);
  auto o = f.options();
  o.initial_position = {unity::position_type::after_newest, {}};
  unity::poller poller(f.io.get_executor(), o, *f.tokens, *f.checkpoints);
  t::page_log log(f.io.get_executor());
  t::background<std::error_code> running(f.io.get_executor());
  t::run_test(f.io, [&]() -> asio::awaitable<void> {
    running.start(f.io.get_executor(), poller.run(log.handler(f)));
    BOOST_TEST(co_await f.emulator->wait_for_fetches(1));
    // Created and stored before the first fetch.
    BOOST_TEST(f.stored().value() == f.emulator->position_at(f.subscription, 6));
    f.emulator->generate(3);
    BOOST_TEST(co_await log.wait_for_ids(3));
    poller.stop();
    BOOST_TEST(co_await running.wait());
  }());
  BOOST_TEST(log.ids == t::expected_ids(6, 8), boost::test_tools::per_element());
  BOOST_TEST(poller.statistics().positions_created == 1u);
  BOOST_TEST(f.emulator->statistics().positions_created == 1u);
}

BOOST_AUTO_TEST_CASE(creates_a_position_at_the_oldest_by_default_and_at_a_date) {
  t::unity_fixture f;
  f.emulator->generate(4);
  f.emulator->advance_time(std::chrono::hours(1));
  const auto later = f.emulator->now();
  f.emulator->generate(2);
  {
    unity::poller poller(f.io.get_executor(), f.options(), *f.tokens, *f.checkpoints);
    t::page_log log(f.io.get_executor());
    BOOST_TEST(!poll(f, poller, log, 6));
    BOOST_TEST(log.ids == t::expected_ids(1, 6), boost::test_tools::per_element());
  }
  eventwire::testing::temporary_directory other;
  eventwire::state::file_checkpoint_store store({.directory = other.path()});
  auto o = f.options();
  o.initial_position = {unity::position_type::date,
                        std::chrono::time_point_cast<eventwire::time::ticks>(later - std::chrono::minutes(1))};
  unity::poller poller(f.io.get_executor(), o, *f.tokens, store);
  t::page_log log(f.io.get_executor());
  BOOST_TEST(!poll(f, poller, log, 2));
  BOOST_TEST(log.ids == t::expected_ids(5, 6), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(an_expired_position_stops_by_default_with_a_clear_error) {
  t::unity_fixture f;
  f.emulator->generate(10);
  BOOST_REQUIRE(!f.checkpoints->store(f.key, f.emulator->position_at(f.subscription, 3)));
  f.emulator->advance_time(std::chrono::hours(24 * 8));  // past the 7-day retention
  f.emulator->generate(5);
  unity::poller poller(f.io.get_executor(), f.options(), *f.tokens, *f.checkpoints);
  t::page_log log(f.io.get_executor());
  t::run_test(f.io, [&]() -> asio::awaitable<void> {
    const auto ec = co_await poller.run(log.handler(f));
    BOOST_TEST(ec == unity::poller_error::position_rejected);
  }());
  BOOST_TEST(poller.last_error_detail().find("HTTP 400") != std::string::npos);
  BOOST_TEST(poller.last_error_detail().find("has expired") != std::string::npos);
  BOOST_TEST(log.ids.empty());
  BOOST_TEST(poller.statistics().positions_rejected == 1u);
  // The rejected position stays for an operator to look at.
  BOOST_TEST(f.stored().value() == f.emulator->position_at(f.subscription, 3));
}

BOOST_AUTO_TEST_CASE(an_expired_position_restarts_from_the_oldest_when_configured_so) {
  t::unity_fixture f;
  f.emulator->generate(10);
  BOOST_REQUIRE(!f.checkpoints->store(f.key, f.emulator->position_at(f.subscription, 3)));
  f.emulator->advance_time(std::chrono::hours(24 * 8));
  f.emulator->generate(5);
  auto o = f.options();
  o.on_rejected_position = unity::rejected_position_policy::restart_from_oldest;
  unity::poller poller(f.io.get_executor(), o, *f.tokens, *f.checkpoints);
  t::page_log log(f.io.get_executor());
  BOOST_TEST(!poll(f, poller, log, 5));
  BOOST_TEST(log.ids == t::expected_ids(11, 15), boost::test_tools::per_element());
  BOOST_TEST(poller.statistics().positions_rejected == 1u);
  BOOST_TEST(poller.statistics().positions_created == 1u);
  BOOST_TEST(f.emulator->statistics().positions_rejected == 1u);
}

BOOST_AUTO_TEST_CASE(a_position_of_another_subscription_is_rejected) {
  t::unity_fixture f({.subscriptions = {"222c9efe-c76d-41a9-a41b-c86a955a5529", "other"}});
  f.emulator->generate(3);
  BOOST_REQUIRE(!f.checkpoints->store(f.key, f.emulator->position_at("other", 1)));
  unity::poller poller(f.io.get_executor(), f.options(), *f.tokens, *f.checkpoints);
  t::page_log log(f.io.get_executor());
  t::run_test(f.io, [&]() -> asio::awaitable<void> {
    BOOST_TEST(co_await poller.run(log.handler(f)) == unity::poller_error::position_rejected);
  }());
  BOOST_TEST(poller.last_error_detail().find("another subscription") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(an_unknown_subscription_ends_run) {
  t::unity_fixture f;
  auto o = f.options();
  o.subscription_id = "no-such-subscription";
  unity::poller poller(f.io.get_executor(), o, *f.tokens, *f.checkpoints);
  t::page_log log(f.io.get_executor());
  t::run_test(f.io, [&]() -> asio::awaitable<void> {
    BOOST_TEST(co_await poller.run(log.handler(f)) == unity::poller_error::subscription_not_found);
  }());
  BOOST_TEST(poller.last_error_detail().find("no-such-subscription was not found") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
