// Steady-state decoding allocates nothing: the test program counts allocations
// (tests/support/allocation_counter.cpp).

#include "samples.hpp"

#include <eventwire/unity/api_error_decoder.hpp>
#include <eventwire/unity/fetch_page_decoder.hpp>
#include <eventwire/unity/position_decoder.hpp>

#include <eventwire/testing/allocation_counter.hpp>

#include <boost/test/unit_test.hpp>

namespace unity = eventwire::unity;
namespace samples = unity_samples;

BOOST_AUTO_TEST_SUITE(unity_allocation)

BOOST_AUTO_TEST_CASE(a_warm_fetch_page_decoder_does_not_allocate) {
  std::string escaped(samples::seed_page);
  escaped.replace(escaped.find("\"Count\""), 7, R"("\u0043ount")");
  escaped.replace(escaped.find("\"WtsUrlActionEvent\""), 19, R"("Wts\u0055rlActionEvent")");
  const std::string event_first = samples::with(
      samples::seed_page, "Notifications[1]",
      R"({"E\u0045":{"Timestamp":"2022-11-29T10:32:07\u005A"},"EventType":"A",)"
      R"("EventObjectName":"E\u0045","UnityAPIEventId":"i"})");
  const std::string big = samples::page_of(1000);
  const std::string_view inputs[] = {samples::seed_page, samples::empty_page, escaped, event_first,
                                     big};
  unity::fetch_page_decoder decoder;
  unity::fetch_page page;
  for (std::string_view json : inputs) BOOST_REQUIRE(!decoder.decode(json, page));
  const std::size_t before = eventwire::testing::allocations();
  for (int i = 0; i < 20; ++i)
    for (std::string_view json : inputs) BOOST_REQUIRE(!decoder.decode(json, page));
  BOOST_TEST(eventwire::testing::allocations() - before == 0u);
}

BOOST_AUTO_TEST_CASE(the_answer_decoders_do_not_allocate) {
  unity::position_decoder positions;
  unity::api_error_decoder errors;
  eventwire::json::raw_string position;
  unity::api_error e;
  BOOST_REQUIRE(!positions.decode(R"({"Position":"abc"})", position));
  BOOST_REQUIRE(!errors.decode(R"({"error":"x","statusCode":400})", e));
  const std::size_t before = eventwire::testing::allocations();
  for (int i = 0; i < 100; ++i) {
    BOOST_REQUIRE(!positions.decode(R"({"Position":"abc"})", position));
    BOOST_REQUIRE(!errors.decode(R"({"error":"x","statusCode":400})", e));
  }
  BOOST_TEST(eventwire::testing::allocations() - before == 0u);
}

BOOST_AUTO_TEST_SUITE_END()
