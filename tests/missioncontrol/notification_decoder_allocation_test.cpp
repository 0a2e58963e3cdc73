// Steady-state decoding allocates nothing: the test program counts allocations
// (tests/support/allocation_counter.cpp).

#include "samples.hpp"

#include <eventwire/missioncontrol/notification_decoder.hpp>
#include <eventwire/missioncontrol/web_token_decoder.hpp>

#include <eventwire/testing/allocation_counter.hpp>

#include <boost/test/unit_test.hpp>

namespace mc = eventwire::missioncontrol;
namespace samples = missioncontrol_samples;

BOOST_AUTO_TEST_SUITE(missioncontrol_allocation)

BOOST_AUTO_TEST_CASE(warm_decoders_do_not_allocate) {
  const std::string escaped_key = R"({"\u0054ype":"State\u0043hanged","Timestamp":"2024-05-14T09:21:37\u002B02:00"})";
  mc::notification_decoder decoder;
  mc::incident_notification n;
  mc::web_token_decoder token_decoder;
  mc::web_token t;
  auto all = [&] {
    for (const samples::sample& s : samples::all) BOOST_REQUIRE(!decoder.decode(s.json, n));
    BOOST_REQUIRE(!decoder.decode(escaped_key, n));
    BOOST_REQUIRE(!token_decoder.decode(samples::web_token_answer, t));
  };
  all();
  const std::size_t before = eventwire::testing::allocations();
  for (int i = 0; i < 50; ++i) all();
  BOOST_TEST(eventwire::testing::allocations() - before == 0u);
}

BOOST_AUTO_TEST_SUITE_END()
