// Steady-state decoding allocates nothing once the buffer has grown: the test
// program counts allocations (tests/support/allocation_counter.cpp).

#include "samples.hpp"

#include <eventwire/clay/message_decoder.hpp>

#include <eventwire/testing/allocation_counter.hpp>

#include <boost/test/unit_test.hpp>

namespace clay = eventwire::clay;
namespace samples = clay_samples;

BOOST_AUTO_TEST_SUITE(clay_allocation)

BOOST_AUTO_TEST_CASE(a_warm_decoder_and_buffer_do_not_allocate) {
  const std::string incident = samples::argument_of(samples::incident);
  const std::string entry = samples::argument_of(samples::entry);
  const std::string escaped_keys = samples::argument_of(R"({"\u0069d":"a","time":"2024-05-14T09:21:37\u005A"})");
  clay::message_decoder decoder;
  std::string buffer;
  clay::message m;
  auto all = [&] {
    BOOST_REQUIRE(!decoder.decode(incident, clay::hub::incident, buffer, m));
    BOOST_REQUIRE(!decoder.decode(entry, clay::hub::entry, buffer, m));
    BOOST_REQUIRE(!decoder.decode(escaped_keys, clay::hub::entry, buffer, m));
  };
  all();
  const std::size_t before = eventwire::testing::allocations();
  for (int i = 0; i < 100; ++i) all();
  BOOST_TEST(eventwire::testing::allocations() - before == 0u);
}

BOOST_AUTO_TEST_SUITE_END()
