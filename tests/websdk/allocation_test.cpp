// Steady-state stream decoding allocates nothing: the test program counts
// allocations (tests/support/allocation_counter.cpp).

#include "samples.hpp"

#include <eventwire/websdk/stream_decoder.hpp>

#include <eventwire/testing/allocation_counter.hpp>

#include <boost/test/unit_test.hpp>

namespace websdk = eventwire::websdk;
namespace samples = websdk_samples;

BOOST_AUTO_TEST_SUITE(websdk_allocation)

BOOST_AUTO_TEST_CASE(a_warm_stream_decoder_does_not_allocate) {
  const std::string result_first =
      R"({"Rsp":{"Result":{"EventType":"A","SourceGuid":"g","Timestamp":"2026-03-15T11:05:44Z"},"Status":"Ok"}})";
  const std::string_view inputs[] = {samples::camera_motion, samples::alarm_triggered, samples::failed,
                                     result_first};
  websdk::stream_decoder decoder;
  websdk::stream_message m;
  for (std::string_view json : inputs) BOOST_REQUIRE(!decoder.decode(json, m));
  const std::size_t before = eventwire::testing::allocations();
  for (int i = 0; i < 100; ++i)
    for (std::string_view json : inputs) BOOST_REQUIRE(!decoder.decode(json, m));
  BOOST_TEST(eventwire::testing::allocations() - before == 0u);
}

BOOST_AUTO_TEST_SUITE_END()
