#include <eventwire/clay/hub.hpp>

#include <boost/test/unit_test.hpp>

#include <sstream>

namespace clay = eventwire::clay;

BOOST_AUTO_TEST_SUITE(clay_hub)

// The seed's two hubs: /hub/incident and /hub/entry.
BOOST_AUTO_TEST_CASE(names_round_trip) {
  for (clay::hub h : {clay::hub::incident, clay::hub::entry}) {
    clay::hub parsed{};
    BOOST_TEST(clay::parse_hub_name(clay::hub_name(h), parsed));
    BOOST_TEST((parsed == h));
  }
  BOOST_TEST(clay::hub_name(clay::hub::incident) == "incident");
  BOOST_TEST(clay::hub_name(clay::hub::entry) == "entry");
}

BOOST_AUTO_TEST_CASE(other_names_are_refused) {
  clay::hub h = clay::hub::entry;
  for (const char* name : {"", "Incident", "entries", "/hub/entry", "incidents"})
    BOOST_TEST(!clay::parse_hub_name(name, h), name);
  BOOST_TEST((h == clay::hub::entry));
}

BOOST_AUTO_TEST_CASE(printing) {
  std::ostringstream os;
  os << clay::hub::entry << ' ' << clay::hub::incident << ' ' << static_cast<clay::hub>(7);
  BOOST_TEST(os.str() == "entry incident hub(7)");
  BOOST_TEST(clay::hub_name(static_cast<clay::hub>(7)) == "unknown");
}

BOOST_AUTO_TEST_SUITE_END()
