// Steady-state decoding allocates nothing: the test program counts allocations
// (tests/support/allocation_counter.cpp).

#include "samples.hpp"

#include <eventwire/portos/notification_decoder.hpp>
#include <eventwire/portos/subscription_decoder.hpp>

#include <eventwire/testing/allocation_counter.hpp>

#include <boost/test/unit_test.hpp>

namespace portos = eventwire::portos;
namespace samples = portos_samples;

BOOST_AUTO_TEST_SUITE(portos_allocation)

BOOST_AUTO_TEST_CASE(a_warm_notification_decoder_does_not_allocate) {
  const std::string_view whole = samples::resources_changed;
  const std::size_t p = whole.find(",\"p\":");
  const std::string payload_first = "{" + std::string(whole.substr(p + 1, whole.size() - p - 2)) +
                                    "," + std::string(whole.substr(1, p - 1)) + "}";
  std::string escaped_key(samples::licence_activated);
  escaped_key.replace(escaped_key.find("\"ca\""), 4, R"("\u0063a")");
  const std::string_view inputs[] = {samples::resources_changed, samples::licence_activated,
                                     payload_first, escaped_key};
  portos::notification_decoder decoder;
  portos::notification n;
  for (std::string_view json : inputs) BOOST_REQUIRE(!decoder.decode(json, n));
  const std::size_t before = eventwire::testing::allocations();
  for (int i = 0; i < 100; ++i)
    for (std::string_view json : inputs) BOOST_REQUIRE(!decoder.decode(json, n));
  BOOST_TEST(eventwire::testing::allocations() - before == 0u);
}

BOOST_AUTO_TEST_CASE(a_warm_subscription_decoder_reuses_its_result) {
  const std::string_view json =
      R"({"e":"portos.resources.changed","r":[{"n":"door","a":["created",3]},{"n":"till"}]})";
  portos::subscription_decoder decoder;
  portos::subscription s;
  BOOST_REQUIRE(!decoder.decode(json, s));
  const std::size_t before = eventwire::testing::allocations();
  for (int i = 0; i < 100; ++i) BOOST_REQUIRE(!decoder.decode(json, s));
  BOOST_TEST(eventwire::testing::allocations() - before == 0u);
}

BOOST_AUTO_TEST_SUITE_END()
