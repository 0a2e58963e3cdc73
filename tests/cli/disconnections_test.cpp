// The disconnected intervals the program reports (logs and metrics) for push sources.

#include "disconnections.hpp"

#include <boost/test/unit_test.hpp>

using eventwire::cli::disconnections;
using namespace std::chrono_literals;

namespace {

class fake_source final : public eventwire::source::source {
 public:
  const std::string& name() const noexcept override { return name_; }
  boost::asio::awaitable<std::error_code> run(eventwire::event::delivery&) override { co_return std::error_code{}; }
  boost::asio::awaitable<void> stop() override { co_return; }
  const eventwire::source::source_statistics& statistics() const noexcept override { return stats; }
  eventwire::source::source_statistics stats;

 private:
  std::string name_ = "fake";
};

}  // namespace

BOOST_AUTO_TEST_SUITE(cli_disconnections)

BOOST_AUTO_TEST_CASE(intervals_count_only_after_the_first_connection) {
  fake_source s;
  disconnections d({&s});
  const auto t0 = disconnections::clock::now();
  d.observe(t0);  // not yet connected: no interval
  d.observe(t0 + 5s);
  BOOST_TEST(!d.disconnected(0));
  BOOST_TEST(d.total_seconds(0, t0 + 5s) == 0.0);

  s.stats.connected = true;
  d.observe(t0 + 6s);
  s.stats.connected = false;
  d.observe(t0 + 10s);
  BOOST_TEST(d.disconnected(0));
  BOOST_TEST(d.total_seconds(0, t0 + 12s) == 2.0);  // the current interval counts
  s.stats.connected = true;
  d.observe(t0 + 13s);
  BOOST_TEST(!d.disconnected(0));
  BOOST_TEST(d.last_seconds(0) == 3.0);
  BOOST_TEST(d.intervals(0) == 1u);

  s.stats.connected = false;
  d.observe(t0 + 20s);
  s.stats.connected = true;
  d.observe(t0 + 21s);
  BOOST_TEST(d.last_seconds(0) == 1.0);
  BOOST_TEST(d.intervals(0) == 2u);
  BOOST_TEST(d.total_seconds(0, t0 + 30s) == 4.0);
}

// A reconnect quicker than the observations still counts as an interval (of unknown length).
BOOST_AUTO_TEST_CASE(a_reconnect_between_two_observations_counts) {
  fake_source s;
  disconnections d({&s});
  const auto t0 = disconnections::clock::now();
  s.stats.connected = true;
  d.observe(t0);
  s.stats.reconnects = 1;
  d.observe(t0 + 250ms);
  BOOST_TEST(d.intervals(0) == 1u);
  BOOST_TEST(!d.disconnected(0));
  BOOST_TEST(d.total_seconds(0, t0 + 1s) == 0.0);
  d.observe(t0 + 500ms);
  BOOST_TEST(d.intervals(0) == 1u);
}

BOOST_AUTO_TEST_SUITE_END()
