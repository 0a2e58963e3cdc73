#include "unity_testing.hpp"

#include <eventwire/event/memory_delivery.hpp>
#include <eventwire/source/webroot_unity_source.hpp>

#include <boost/json/parse.hpp>

namespace t = eventwire::testing;
namespace unity = eventwire::unity;
namespace event = eventwire::event;
namespace source = eventwire::source;
namespace asio = boost::asio;
using namespace std::chrono_literals;

namespace {

source::webroot_unity_options source_options(t::unity_fixture& f) {
  source::webroot_unity_options o;
  o.name = "webroot";
  o.poller = f.options();
  o.poller.checkpoint_key.clear();  // the default: "<name>/position"
  return o;
}

std::vector<std::string> ids_of(const std::vector<event::memory_delivery::stored_event>& events) {
  std::vector<std::string> ids;
  for (const auto& e : events) ids.push_back(e.id);
  return ids;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(webroot_unity_source)

BOOST_AUTO_TEST_CASE(maps_each_notification_to_a_cloudevent) {
  t::unity_fixture f;
  f.emulator->generate(2);
  source::webroot_unity_source src(f.io.get_executor(), source_options(f), *f.tokens, *f.checkpoints);
  event::memory_delivery out(f.io.get_executor());
  t::background<std::error_code> running(f.io.get_executor());
  t::run_test(f.io, [&]() -> asio::awaitable<void> {
    running.start(f.io.get_executor(), src.run(out));
    BOOST_TEST(co_await out.wait_for_events(2));
    // The next fetch comes after the position was stored.
    BOOST_TEST(co_await f.emulator->wait_for_fetches(f.emulator->fetches().size() + 1));
    co_await src.stop();
    BOOST_TEST(co_await running.wait());
    BOOST_TEST(!*running.result);
  }());
  const auto& events = out.events();
  BOOST_REQUIRE(events.size() == 2u);
  BOOST_TEST(events[0].type == "webroot.unity.WebThreatShield.UrlAction");
  BOOST_TEST(events[1].type == "webroot.unity.Endpoint.FileDetection");
  BOOST_TEST(events[0].id == eventwire::emulator::unity_emulator::event_id(1));
  BOOST_TEST(events[0].source == "webroot");
  const auto line = boost::json::parse(events[1].line).as_object();
  BOOST_TEST(line.at("specversion").as_string() == "1.0");
  BOOST_TEST(line.at("source").as_string() == "eventwire/webroot");
  BOOST_TEST(line.at("id").as_string() == eventwire::emulator::unity_emulator::event_id(2));
  const auto& data = line.at("data").as_object();
  BOOST_TEST(data.at("DetectionInfo").as_object().at("FileMD5").as_string() == "44d88612fea8a8f36de82e1278abb02f");
  // time is the event object's Timestamp.
  BOOST_TEST(line.at("time").as_string() == data.at("Timestamp").as_string());
  BOOST_TEST(src.statistics().events == 2u);
  // Stored under the default key once the batch was acknowledged.
  std::optional<std::string> stored;
  BOOST_REQUIRE(!f.checkpoints->load("webroot/position", stored));
  BOOST_TEST(stored.value() == f.emulator->position_at(f.subscription, 3));
}

BOOST_AUTO_TEST_CASE(publishes_each_page_as_one_batch_and_drains_generated_traffic) {
  t::unity_fixture f({.page_size = 1000, .rate = 2000, .count = 3000});
  source::webroot_unity_source src(f.io.get_executor(), source_options(f), *f.tokens, *f.checkpoints);
  event::memory_delivery out(f.io.get_executor());
  t::background<std::error_code> running(f.io.get_executor());
  t::run_test(f.io, [&]() -> asio::awaitable<void> {
    running.start(f.io.get_executor(), src.run(out));
    BOOST_TEST(co_await out.wait_for_events(3000, 20s));
    co_await src.stop();
    BOOST_TEST(co_await running.wait());
  }());
  BOOST_TEST(ids_of(out.events()) == t::expected_ids(1, 3000), boost::test_tools::per_element());
  // One batch a non-empty page.
  std::size_t pages = 0;
  for (const auto& fetch : f.emulator->fetches()) pages += fetch.count > 0;
  BOOST_TEST(out.batches() == pages);
}

BOOST_AUTO_TEST_CASE(a_restart_repeats_at_most_the_unacknowledged_page_with_the_same_ids) {
  t::unity_fixture f({.page_size = 100});
  f.emulator->generate(250);
  std::vector<event::memory_delivery::stored_event> first_run;
  {
    source::webroot_unity_source src(f.io.get_executor(), source_options(f), *f.tokens, *f.checkpoints);
    event::memory_delivery out(f.io.get_executor());
    out.hold_acknowledgements();
    t::background<std::error_code> running(f.io.get_executor());
    t::run_test(f.io, [&]() -> asio::awaitable<void> {
      running.start(f.io.get_executor(), src.run(out));
      BOOST_TEST(co_await out.wait_for_events(100));
      // Page 1 acknowledged; page 2 published but its acknowledgement still pending at the crash.
      out.release_acknowledgements();
      out.hold_acknowledgements();
      BOOST_TEST(co_await out.wait_for_events(200));
      co_await src.stop();
      BOOST_TEST(co_await running.wait());
    }());
    first_run = out.events();
  }
  BOOST_TEST(first_run.size() == 200u);
  std::optional<std::string> stored;
  BOOST_REQUIRE(!f.checkpoints->load("webroot/position", stored));
  BOOST_TEST(stored.value() == f.emulator->position_at(f.subscription, 101));

  source::webroot_unity_source again(f.io.get_executor(), source_options(f), *f.tokens, *f.checkpoints);
  event::memory_delivery out(f.io.get_executor());
  t::background<std::error_code> running(f.io.get_executor());
  t::run_test(f.io, [&]() -> asio::awaitable<void> {
    running.start(f.io.get_executor(), again.run(out));
    BOOST_TEST(co_await out.wait_for_events(150));
    BOOST_TEST(co_await f.emulator->wait_for_fetches(f.emulator->fetches().size() + 1));
    co_await again.stop();
    BOOST_TEST(co_await running.wait());
  }());
  // Page 2 again, with the same ids and lines' ids, then page 3; nothing lost.
  const auto second = ids_of(out.events());
  BOOST_TEST(second == t::expected_ids(101, 250), boost::test_tools::per_element());
  for (std::size_t i = 100; i < 200; ++i) BOOST_TEST(first_run[i].id == out.events()[i - 100].id);
  BOOST_REQUIRE(!f.checkpoints->load("webroot/position", stored));
  BOOST_TEST(stored.value() == f.emulator->position_at(f.subscription, 251));
}

BOOST_AUTO_TEST_CASE(a_closed_pipeline_ends_run_without_advancing) {
  t::unity_fixture f;
  f.emulator->generate(3);
  source::webroot_unity_source src(f.io.get_executor(), source_options(f), *f.tokens, *f.checkpoints);
  event::memory_delivery out(f.io.get_executor());
  out.close();
  t::run_test(f.io, [&]() -> asio::awaitable<void> {
    const auto ec = co_await src.run(out);
    BOOST_TEST(static_cast<bool>(ec));
  }());
  std::optional<std::string> stored;
  BOOST_REQUIRE(!f.checkpoints->load("webroot/position", stored));
  BOOST_TEST(stored.value() == f.emulator->position_at(f.subscription, 1));
  BOOST_TEST(src.statistics().errors == 1u);
}

BOOST_AUTO_TEST_SUITE_END()
