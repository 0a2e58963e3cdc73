#include <eventwire/portos/resource_action.hpp>

#include <boost/test/unit_test.hpp>

#include <sstream>
#include <string>

namespace portos = eventwire::portos;
using portos::resource_action;

BOOST_AUTO_TEST_SUITE(portos_resource_action)

BOOST_AUTO_TEST_CASE(names_and_numbers_match_the_seed) {
  BOOST_TEST(static_cast<int>(resource_action::created) == 1);
  BOOST_TEST(static_cast<int>(resource_action::updated) == 2);
  BOOST_TEST(static_cast<int>(resource_action::deleted) == 3);
  BOOST_TEST(portos::action_name(resource_action::created) == "created");
  BOOST_TEST(portos::action_name(resource_action::updated) == "updated");
  BOOST_TEST(portos::action_name(resource_action::deleted) == "deleted");
}

BOOST_AUTO_TEST_CASE(parses_names) {
  resource_action a{};
  BOOST_TEST(portos::parse_action_name("created", a));
  BOOST_TEST((a == resource_action::created));
  BOOST_TEST(portos::parse_action_name("updated", a));
  BOOST_TEST((a == resource_action::updated));
  BOOST_TEST(portos::parse_action_name("deleted", a));
  BOOST_TEST((a == resource_action::deleted));
  for (const char* bad : {"", "Created", "create", "1", "deleted ", "removed"})
    BOOST_TEST(!portos::parse_action_name(bad, a), bad);
}

BOOST_AUTO_TEST_CASE(parses_numbers_1_to_3_only) {
  resource_action a{};
  BOOST_TEST(portos::parse_action_number("1", a));
  BOOST_TEST((a == resource_action::created));
  BOOST_TEST(portos::parse_action_number("3", a));
  BOOST_TEST((a == resource_action::deleted));
  for (const char* bad : {"", "0", "4", "-1", "1.0", "1e0", "01", "12", "2.5"})
    BOOST_TEST(!portos::parse_action_number(bad, a), bad);
}

BOOST_AUTO_TEST_CASE(prints_names_and_unknown_numbers) {
  std::ostringstream os;
  os << resource_action::updated << ' ' << static_cast<resource_action>(7);
  BOOST_TEST(os.str() == "updated action(7)");
}

BOOST_AUTO_TEST_SUITE_END()
