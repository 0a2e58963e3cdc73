#include "sink_testing.hpp"

#include <eventwire/sink/pipeline.hpp>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <memory>
#include <vector>

namespace asio = boost::asio;
using eventwire::sink::pipeline;
using eventwire::sink::pipeline_options;
using namespace std::chrono_literals;

namespace {

// A sink that records ids, fails the first `failures` writes, and holds writes while `gate` is
// closed.
class recording_sink final : public eventwire::sink::sink {
 public:
  explicit recording_sink(asio::any_io_executor ex) : gate_(ex, std::chrono::steady_clock::time_point::max()) {}

  const std::string& name() const noexcept override { return name_; }
  asio::awaitable<std::error_code> write(const eventwire::event::event_batch& batch) override {
    ++writes;
    while (held) co_await gate_.async_wait(asio::as_tuple(asio::use_awaitable));
    if (failures > 0) {
      --failures;
      co_return std::make_error_code(std::errc::io_error);
    }
    for (std::size_t i = 0; i < batch.size(); ++i) ids.emplace_back(batch[i].id);
    co_return std::error_code{};
  }
  asio::awaitable<std::error_code> close() override {
    closed = true;
    co_return std::error_code{};
  }
  void open_gate() {
    held = false;
    gate_.cancel();
  }

  std::vector<std::string> ids;
  int failures = 0;
  int writes = 0;
  bool held = false;
  bool closed = false;

 private:
  std::string name_ = "recording";
  asio::steady_timer gate_;
};

struct fixture {
  asio::io_context io;
  recording_sink* a = nullptr;
  recording_sink* b = nullptr;
  std::unique_ptr<pipeline> p;

  explicit fixture(pipeline_options o = {}) {
    auto first = std::make_unique<recording_sink>(io.get_executor());
    auto second = std::make_unique<recording_sink>(io.get_executor());
    a = first.get();
    b = second.get();
    std::vector<std::unique_ptr<eventwire::sink::sink>> sinks;
    sinks.push_back(std::move(first));
    sinks.push_back(std::move(second));
    o.retry = eventwire::session::reconnect_policy::delays({1ms, 1ms, 1ms}).jitter(0.0);
    p = std::make_unique<pipeline>(io.get_executor(), std::move(sinks), std::move(o));
  }
};

std::vector<std::string> ids(int first, int n) {
  std::vector<std::string> out;
  for (int i = first; i < first + n; ++i) out.push_back(std::to_string(i));
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(pipeline_delivery)

BOOST_AUTO_TEST_CASE(every_sink_gets_every_batch_in_order_and_then_it_is_acknowledged) {
  fixture f;
  auto& out = f.p->for_source("s");
  eventwire::testing::run(f.io, [&]() -> asio::awaitable<void> {
    std::uint64_t last = 0;
    for (int i = 0; i < 5; ++i) {
      auto batch = eventwire::testing::numbered_batch("s", i * 3, 3);
      auto [ec, seq] = co_await out.publish(batch);
      BOOST_TEST(!ec);
      BOOST_TEST(seq == static_cast<std::uint64_t>(i + 1));
      BOOST_TEST(batch.empty());
      last = seq;
    }
    BOOST_TEST(!co_await out.acknowledged(last));
    BOOST_TEST((f.a->ids == ids(0, 15)));
    BOOST_TEST((f.b->ids == ids(0, 15)));
    BOOST_TEST(f.p->statistics().events == 15u);
  }());
}

BOOST_AUTO_TEST_CASE(sources_count_their_own_sequences) {
  fixture f;
  eventwire::testing::run(f.io, [&]() -> asio::awaitable<void> {
    auto x = eventwire::testing::numbered_batch("x", 0, 1);
    auto y = eventwire::testing::numbered_batch("y", 0, 1);
    auto [e1, s1] = co_await f.p->for_source("x").publish(x);
    auto [e2, s2] = co_await f.p->for_source("y").publish(y);
    BOOST_TEST(s1 == 1u);
    BOOST_TEST(s2 == 1u);
    BOOST_TEST(!co_await f.p->for_source("y").acknowledged(1));
  }());
}

BOOST_AUTO_TEST_CASE(a_failing_sink_is_retried_and_nothing_is_lost) {
  fixture f;
  f.b->failures = 2;
  auto& out = f.p->for_source("s");
  eventwire::testing::run(f.io, [&]() -> asio::awaitable<void> {
    auto batch = eventwire::testing::numbered_batch("s", 0, 4);
    auto [ec, seq] = co_await out.publish(batch);
    BOOST_TEST(!co_await out.acknowledged(seq));
    BOOST_TEST((f.b->ids == ids(0, 4)));
    BOOST_TEST(f.b->writes == 3);
    BOOST_TEST(f.p->statistics().sink_failures == 2u);
  }());
}

BOOST_AUTO_TEST_CASE(each_sink_and_each_source_is_counted_apart) {
  fixture f;
  f.b->failures = 1;
  auto& x = f.p->for_source("x");
  auto& y = f.p->for_source("y");
  eventwire::testing::run(f.io, [&]() -> asio::awaitable<void> {
    auto first = eventwire::testing::numbered_batch("x", 0, 3);
    const std::uint64_t x_bytes = first.bytes();
    auto [e1, s1] = co_await x.publish(first);
    BOOST_TEST(!e1);
    BOOST_TEST(s1 == 1u);
    auto second = eventwire::testing::numbered_batch("y", 3, 2);
    const std::uint64_t y_bytes = second.bytes();
    auto [e2, s2] = co_await y.publish(second);
    const std::error_code acknowledged = co_await y.acknowledged(s2);
    BOOST_TEST(!acknowledged);
    const auto xs = f.p->per_source("x");
    BOOST_TEST(xs.events == 3u);
    BOOST_TEST(xs.batches == 1u);
    BOOST_TEST(xs.bytes == x_bytes);
    BOOST_TEST(xs.acknowledged_events == 3u);
    const auto ys = f.p->per_source("y");
    BOOST_TEST(ys.events == 2u);
    BOOST_TEST(ys.bytes == y_bytes);
    BOOST_TEST(ys.acknowledged_events == 2u);
    BOOST_TEST(f.p->per_source("never").events == 0u);
    const auto& sinks = f.p->per_sink();
    BOOST_TEST_REQUIRE(sinks.size() == 2u);
    BOOST_TEST(sinks[0].name == "recording");
    BOOST_TEST(sinks[0].events == 5u);
    BOOST_TEST(sinks[0].batches == 2u);
    BOOST_TEST(sinks[0].failures == 0u);
    BOOST_TEST(sinks[1].events == 5u);
    BOOST_TEST(sinks[1].failures == 1u);
    BOOST_TEST(f.p->statistics().queued_batches == 0u);
  }());
}

BOOST_AUTO_TEST_CASE(a_stuck_sink_makes_publish_wait_and_holds_acknowledgements) {
  pipeline_options o;
  o.max_queued_bytes = 2000;
  fixture f(o);
  f.a->held = true;
  auto& out = f.p->for_source("s");
  int published = 0;
  eventwire::testing::run(f.io, [&]() -> asio::awaitable<void> {
    asio::co_spawn(f.io, [&]() -> asio::awaitable<void> {
      for (int i = 0; i < 20; ++i) {
        auto batch = eventwire::testing::numbered_batch("s", i * 2, 2);
        auto [ec, seq] = co_await out.publish(batch);
        BOOST_TEST(!ec);
        ++published;
      }
    }, asio::detached);
    // Let the publisher run until the full queue stops it (it never suspends while there is
    // room, so a few turns of the event loop are enough; no timing involved).
    for (int turn = 0; turn < 8; ++turn) co_await asio::post(f.io, asio::use_awaitable);
    BOOST_TEST(published > 0);
    BOOST_TEST(published < 20, "publish waits once 2000 bytes are queued");
    BOOST_TEST(f.p->statistics().queued_bytes <= 2000u + 2 * 300u);
    BOOST_TEST(f.p->statistics().queued_batches >= 1u);
    BOOST_TEST(f.a->ids.empty());
    f.a->open_gate();
    BOOST_TEST(!co_await out.acknowledged(20));
    BOOST_TEST((f.a->ids == ids(0, 40)));
    BOOST_TEST((f.b->ids == ids(0, 40)));
  }());
}

// Push sources publish event by event; what waits behind the batch being written reaches the
// sinks as one write per source, in order, and every sequence is acknowledged.
BOOST_AUTO_TEST_CASE(batches_waiting_behind_a_write_are_merged_per_source) {
  fixture f;
  f.a->held = true;
  auto& x = f.p->for_source("x");
  auto& y = f.p->for_source("y");
  eventwire::testing::run(f.io, [&]() -> asio::awaitable<void> {
    auto first = eventwire::testing::numbered_batch("x", 0, 1);
    co_await x.publish(first);
    while (f.a->writes == 0) co_await asio::post(f.io, asio::use_awaitable);  // being written, held
    std::uint64_t x_last = 0, y_last = 0;
    for (int i = 1; i <= 5; ++i) {
      auto one = eventwire::testing::numbered_batch("x", i, 1);
      auto other = eventwire::testing::numbered_batch("y", 100 + i, 1);
      x_last = std::get<1>(co_await x.publish(one));
      y_last = std::get<1>(co_await y.publish(other));
    }
    BOOST_TEST(x_last == 6u);
    BOOST_TEST(y_last == 5u);
    BOOST_TEST(f.p->statistics().queued_batches == 3u, "the held one, then one per source");
    f.a->open_gate();
    BOOST_TEST(!co_await x.acknowledged(x_last));
    BOOST_TEST(!co_await y.acknowledged(y_last));
    const std::vector<std::string> expected{"0", "1", "2", "3", "4", "5", "101", "102", "103", "104", "105"};
    BOOST_TEST((f.a->ids == expected));
    BOOST_TEST((f.b->ids == expected));
    BOOST_TEST(f.a->writes == 3);
    BOOST_TEST(f.p->per_sink()[0].batches == 3u);
    BOOST_TEST(f.p->per_source("x").batches == 6u, "counted as the source published them");
    BOOST_TEST(f.p->per_source("x").acknowledged_events == 6u);
    BOOST_TEST(f.p->statistics().events == 11u);
    BOOST_TEST(f.p->statistics().queued_bytes == 0u);
  }());
}

BOOST_AUTO_TEST_CASE(merging_stops_at_max_merged_bytes) {
  pipeline_options o;
  o.max_merged_bytes = 1;  // any batch is full: no merging
  fixture f(o);
  f.a->held = true;
  auto& out = f.p->for_source("s");
  eventwire::testing::run(f.io, [&]() -> asio::awaitable<void> {
    std::uint64_t last = 0;
    for (int i = 0; i < 4; ++i) {
      auto one = eventwire::testing::numbered_batch("s", i, 1);
      last = std::get<1>(co_await out.publish(one));
    }
    f.a->open_gate();
    BOOST_TEST(!co_await out.acknowledged(last));
    BOOST_TEST((f.a->ids == ids(0, 4)));
    BOOST_TEST(f.a->writes == 4);
  }());
}

BOOST_AUTO_TEST_CASE(drain_and_close_delivers_what_is_queued_then_refuses) {
  fixture f;
  auto& out = f.p->for_source("s");
  eventwire::testing::run(f.io, [&]() -> asio::awaitable<void> {
    for (int i = 0; i < 3; ++i) {
      auto batch = eventwire::testing::numbered_batch("s", i, 1);
      co_await out.publish(batch);
    }
    co_await f.p->drain_and_close();
    BOOST_TEST((f.a->ids == ids(0, 3)));
    BOOST_TEST(f.a->closed);
    BOOST_TEST(f.b->closed);
    auto late = eventwire::testing::numbered_batch("s", 9, 1);
    auto [ec, seq] = co_await out.publish(late);
    BOOST_TEST((ec == std::errc::operation_canceled));
  }());
}

BOOST_AUTO_TEST_SUITE_END()
