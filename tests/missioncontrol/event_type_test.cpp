#include <eventwire/missioncontrol/event_type.hpp>

#include <boost/test/unit_test.hpp>

#include <set>
#include <sstream>
#include <string>

namespace mc = eventwire::missioncontrol;
using mc::event_type;

BOOST_AUTO_TEST_SUITE(missioncontrol_event_type)

// The seed's list, verbatim and in its order.
BOOST_AUTO_TEST_CASE(the_seeds_24_types_in_order) {
  const char* const seed[] = {
      "AdditionalFieldChanged", "CommentAdded",      "CommentChanged",
      "CommentDeleted",         "Created",           "DescriptionChanged",
      "DisabledStatesChanged",  "DocumentAttached",  "DocumentDetached",
      "EntitiesAttached",       "EntitiesDetached",  "ExternalEventAggregated",
      "ExternalIdChanged",      "IncidentTypeChanged", "Linked",
      "LocationChanged",        "LocationCleared",   "NoteAdded",
      "OwnershipChanged",       "PriorityChanged",   "ProcedureStepAnswered",
      "RecipientsAltered",      "StateChanged",      "Unlinked"};
  const auto known = mc::known_event_types();
  BOOST_REQUIRE(known.size() == 24u);
  BOOST_REQUIRE(mc::event_type_count == 24u);
  std::set<event_type> distinct;
  for (std::size_t i = 0; i < known.size(); ++i) {
    BOOST_TEST(mc::event_type_name(known[i]) == seed[i]);
    BOOST_TEST((mc::parse_event_type(seed[i]) == known[i]));
    BOOST_TEST((known[i] != event_type::unknown));
    distinct.insert(known[i]);
    std::ostringstream printed;
    printed << known[i];
    BOOST_TEST(printed.str() == seed[i]);
  }
  BOOST_TEST(distinct.size() == 24u);
}

BOOST_AUTO_TEST_CASE(names_match_in_any_ascii_case) {
  BOOST_TEST((mc::parse_event_type("stateChanged") == event_type::state_changed));
  BOOST_TEST((mc::parse_event_type("STATECHANGED") == event_type::state_changed));
  BOOST_TEST((mc::parse_event_type("created") == event_type::created));
}

BOOST_AUTO_TEST_CASE(other_names_are_unknown) {
  for (const char* name : {"", "State", "StateChangedX", "State_Changed", " Created", "Créated",
                           "unknown"})
    BOOST_TEST((mc::parse_event_type(name) == event_type::unknown), name);
  BOOST_TEST(mc::event_type_name(event_type::unknown) == "unknown");
  BOOST_TEST(mc::event_type_name(static_cast<event_type>(200)) == "unknown");
  std::ostringstream printed;
  printed << static_cast<event_type>(200);
  BOOST_TEST(printed.str() == "event_type(200)");
}

BOOST_AUTO_TEST_SUITE_END()
