#include "unity_testing.hpp"

#include <eventwire/unity/poller_error.hpp>

namespace t = eventwire::testing;
namespace unity = eventwire::unity;
namespace asio = boost::asio;
using namespace std::chrono_literals;

BOOST_AUTO_TEST_SUITE(unity_poller_paging)

BOOST_AUTO_TEST_CASE(pages_through_ten_thousand_notifications_none_missing_or_reordered) {
  t::unity_fixture f;
  f.emulator->generate(10000);
  unity::poller poller(f.io.get_executor(), f.options(), *f.tokens, *f.checkpoints);
  t::page_log log(f.io.get_executor());
  t::background<std::error_code> running(f.io.get_executor());
  t::run_test(f.io, [&]() -> asio::awaitable<void> {
    running.start(f.io.get_executor(), poller.run(log.handler(f)));
    // Ten full pages, then one empty fetch a poll interval later.
    BOOST_TEST(co_await f.emulator->wait_for_fetches(11));
    poller.stop();
    BOOST_TEST(co_await running.wait());
    BOOST_TEST(!*running.result);
  }());
  BOOST_TEST(log.ids == t::expected_ids(1, 10000), boost::test_tools::per_element());
  BOOST_TEST(log.stored_during.size() == 10u);
  const auto& fetches = f.emulator->fetches();
  BOOST_REQUIRE(fetches.size() >= 11u);
  for (std::size_t i = 0; i < 10; ++i) {
    BOOST_TEST(fetches[i].count == 1000u);
    BOOST_TEST(fetches[i].first_sequence == 1 + 1000 * i);
    BOOST_TEST(fetches[i].more_available == (i < 9));
    // The position is stored only after the handler completed: while page i is handled the
    // checkpoint still holds the position it was fetched from.
    BOOST_TEST(log.stored_during[i].value() == f.emulator->position_at(f.subscription, 1 + 1000 * i));
  }
  BOOST_TEST(fetches[10].count == 0u);
  BOOST_TEST(f.stored().value() == f.emulator->position_at(f.subscription, 10001));
  BOOST_TEST(poller.position() == f.emulator->position_at(f.subscription, 10001));
  BOOST_TEST(poller.statistics().notifications == 10000u);
  BOOST_TEST(poller.statistics().positions_created == 1u);
  BOOST_TEST(poller.statistics().retries == 0u);
}

BOOST_AUTO_TEST_CASE(fetches_at_once_while_more_is_available_and_waits_the_poll_interval_otherwise) {
  t::unity_fixture f({.page_size = 1000});
  f.emulator->generate(2500);
  unity::poller poller(f.io.get_executor(), f.options(), *f.tokens, *f.checkpoints);
  t::page_log log(f.io.get_executor());
  t::background<std::error_code> running(f.io.get_executor());
  t::run_test(f.io, [&]() -> asio::awaitable<void> {
    running.start(f.io.get_executor(), poller.run(log.handler(f)));
    BOOST_TEST(co_await f.emulator->wait_for_fetches(5));
    poller.stop();
    BOOST_TEST(co_await running.wait());
  }());
  const auto& fetches = f.emulator->fetches();
  BOOST_REQUIRE(fetches.size() >= 5u);
  BOOST_TEST(fetches[0].more_available);
  BOOST_TEST(fetches[1].more_available);
  BOOST_TEST(!fetches[2].more_available);
  BOOST_TEST(fetches[2].count == 500u);
  // Pages 2 and 3 follow at once; the empty fetches 4 and 5 come one poll interval apart.
  BOOST_TEST((fetches[2].at - fetches[0].at) < 900ms);
  BOOST_TEST((fetches[3].at - fetches[2].at) >= 950ms);
  BOOST_TEST((fetches[4].at - fetches[3].at) >= 950ms);
  BOOST_TEST((fetches[4].at - fetches[3].at) < 3s);
  BOOST_TEST(log.ids == t::expected_ids(1, 2500), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(picks_up_new_notifications_at_the_next_poll) {
  t::unity_fixture f;
  f.emulator->generate(3);
  unity::poller poller(f.io.get_executor(), f.options(), *f.tokens, *f.checkpoints);
  t::page_log log(f.io.get_executor());
  t::background<std::error_code> running(f.io.get_executor());
  t::run_test(f.io, [&]() -> asio::awaitable<void> {
    running.start(f.io.get_executor(), poller.run(log.handler(f)));
    BOOST_TEST(co_await log.wait_for_ids(3));
    f.emulator->generate(2);
    BOOST_TEST(co_await log.wait_for_ids(5));
    poller.stop();
    BOOST_TEST(co_await running.wait());
  }());
  BOOST_TEST(log.ids == t::expected_ids(1, 5), boost::test_tools::per_element());
  BOOST_TEST(log.types[0] == "WebThreatShield.UrlAction");
  BOOST_TEST(log.types[1] == "Endpoint.FileDetection");
}

BOOST_AUTO_TEST_CASE(a_handler_error_ends_run_and_the_position_stays) {
  t::unity_fixture f;
  f.emulator->generate(3);
  unity::poller poller(f.io.get_executor(), f.options(), *f.tokens, *f.checkpoints);
  t::page_log log(f.io.get_executor());
  log.answer = std::make_error_code(std::errc::io_error);
  t::run_test(f.io, [&]() -> asio::awaitable<void> {
    const auto ec = co_await poller.run(log.handler(f));
    BOOST_TEST((ec == std::errc::io_error));
  }());
  BOOST_TEST(log.ids.size() == 3u);
  BOOST_TEST(f.stored().value() == f.emulator->position_at(f.subscription, 1));
}

BOOST_AUTO_TEST_CASE(resumes_from_the_stored_position) {
  t::unity_fixture f;
  f.emulator->generate(10);
  BOOST_REQUIRE(!f.checkpoints->store(f.key, f.emulator->position_at(f.subscription, 8)));
  unity::poller poller(f.io.get_executor(), f.options(), *f.tokens, *f.checkpoints);
  t::page_log log(f.io.get_executor());
  t::background<std::error_code> running(f.io.get_executor());
  t::run_test(f.io, [&]() -> asio::awaitable<void> {
    running.start(f.io.get_executor(), poller.run(log.handler(f)));
    BOOST_TEST(co_await log.wait_for_ids(3));
    poller.stop();
    BOOST_TEST(co_await running.wait());
  }());
  BOOST_TEST(log.ids == t::expected_ids(8, 10), boost::test_tools::per_element());
  BOOST_TEST(poller.statistics().positions_created == 0u);
}

BOOST_AUTO_TEST_CASE(refuses_invalid_options_and_a_second_run) {
  t::unity_fixture f;
  auto o = f.options();
  o.poll_interval = 999ms;
  unity::poller bad(f.io.get_executor(), o, *f.tokens, *f.checkpoints);
  unity::poller good(f.io.get_executor(), f.options(), *f.tokens, *f.checkpoints);
  t::page_log log(f.io.get_executor());
  t::background<std::error_code> running(f.io.get_executor());
  t::run_test(f.io, [&]() -> asio::awaitable<void> {
    BOOST_TEST(co_await bad.run(log.handler(f)) == unity::poller_error::invalid_options);
    BOOST_TEST(bad.last_error_detail().find("at least 1 s") != std::string::npos);
    running.start(f.io.get_executor(), good.run(log.handler(f)));
    BOOST_TEST(co_await f.emulator->wait_for_fetches(1));
    BOOST_TEST(co_await good.run(log.handler(f)) == unity::poller_error::already_running);
    good.stop();
    BOOST_TEST(co_await running.wait());
    BOOST_TEST(!*running.result);
  }());
}

BOOST_AUTO_TEST_CASE(error_messages) {
  using unity::poller_error;
  BOOST_TEST(make_error_code(poller_error::position_rejected).message() ==
             "the server rejected the position (expired or of another subscription)");
  BOOST_TEST(make_error_code(poller_error::retry_gave_up).message() ==
             "gave up retrying: the retry policy is exhausted");
  BOOST_TEST(make_error_code(poller_error::unauthorized).message() ==
             "the server refused the access token (401), also after a refresh");
  BOOST_TEST(make_error_code(poller_error::invalid_page).message() ==
             "the fetch answer is not a valid notification page");
  BOOST_TEST(std::string(unity::poller_error_category().name()) == "eventwire.unity.poller");
}

BOOST_AUTO_TEST_SUITE_END()
