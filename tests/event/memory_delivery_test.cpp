#include <eventwire/event/memory_delivery.hpp>
#include <eventwire/testing/run_coroutine.hpp>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/test/unit_test.hpp>

#include <exception>

namespace asio = boost::asio;
using eventwire::event::event_batch;
using eventwire::event::event_fields;
using eventwire::event::memory_delivery;
using namespace std::chrono_literals;

namespace {

using eventwire::testing::run;

event_batch batch_of(std::size_t n) {
  event_batch b("src");
  event_fields f;
  f.type_prefix = "test.";
  f.data_json = "{}";
  for (std::size_t i = 0; i < n; ++i) {
    const std::string id = std::to_string(i);
    f.id = id;
    b.add(f, {});
  }
  return b;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(memory_delivery_rules)

BOOST_AUTO_TEST_CASE(publish_numbers_batches_and_acknowledges_at_once) {
  asio::io_context io;
  memory_delivery d(io.get_executor());
  run(io, [&]() -> asio::awaitable<void> {
    auto b = batch_of(3);
    auto [ec, seq] = co_await d.publish(b);
    BOOST_TEST(!ec);
    BOOST_TEST(seq == 1u);
    BOOST_TEST(b.empty(), "the batch is left empty for reuse");
    BOOST_TEST(!co_await d.acknowledged(1));
    BOOST_TEST(d.events().size() == 3u);
    BOOST_TEST(d.events()[2].id == "2");
    BOOST_TEST(d.events()[2].source == "src");
  }());
}

BOOST_AUTO_TEST_CASE(held_acknowledgements_wait_for_release) {
  asio::io_context io;
  memory_delivery d(io.get_executor());
  d.hold_acknowledgements();
  bool acknowledged = false;
  run(io, [&]() -> asio::awaitable<void> {
    auto b = batch_of(1);
    auto [ec, seq] = co_await d.publish(b);
    asio::co_spawn(io, [&, seq = seq]() -> asio::awaitable<void> {
      acknowledged = !co_await d.acknowledged(seq);
    }, asio::detached);
    BOOST_TEST(co_await d.wait_for_events(1));
    BOOST_TEST(!acknowledged);
    d.release_acknowledgements();
  }());
  BOOST_TEST(acknowledged);
}

BOOST_AUTO_TEST_CASE(a_full_delivery_makes_publish_wait) {
  asio::io_context io;
  memory_delivery d(io.get_executor());
  d.set_capacity(2);
  int published = 0;
  run(io, [&]() -> asio::awaitable<void> {
    asio::co_spawn(io, [&]() -> asio::awaitable<void> {
      for (int i = 0; i < 3; ++i) {
        auto b = batch_of(1);
        co_await d.publish(b);
        ++published;
      }
    }, asio::detached);
    BOOST_TEST(co_await d.wait_for_events(2));
    BOOST_TEST(published == 2, "the third batch waits for room");
    BOOST_TEST(d.take_all().size() == 2u);
    BOOST_TEST(co_await d.wait_for_events(1));
  }());
  BOOST_TEST(published == 3);
}

BOOST_AUTO_TEST_CASE(close_fails_waiting_and_later_calls) {
  asio::io_context io;
  memory_delivery d(io.get_executor());
  d.hold_acknowledgements();
  run(io, [&]() -> asio::awaitable<void> {
    auto b = batch_of(1);
    auto [ec, seq] = co_await d.publish(b);
    d.close();
    BOOST_TEST((co_await d.acknowledged(seq) == std::errc::operation_canceled));
    auto again = batch_of(1);
    auto [closed, none] = co_await d.publish(again);
    BOOST_TEST((closed == std::errc::operation_canceled));
  }());
}

BOOST_AUTO_TEST_SUITE_END()
