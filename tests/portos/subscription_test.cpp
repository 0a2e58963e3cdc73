#include <eventwire/portos/subscription.hpp>

#include <boost/json.hpp>
#include <boost/test/unit_test.hpp>

#include <sstream>
#include <string>

namespace portos = eventwire::portos;
using portos::resource_action;

BOOST_AUTO_TEST_SUITE(portos_subscription)

BOOST_AUTO_TEST_CASE(encodes_the_seed_example) {
  const portos::subscription s{"portos.resources.changed",
                               {{"door", {resource_action::created, resource_action::deleted}}}};
  BOOST_TEST(portos::encode_subscription(s) ==
             R"({"e":"portos.resources.changed","r":[{"n":"door","a":["created","deleted"]}]})");
}

BOOST_AUTO_TEST_CASE(leaves_out_r_without_resources_and_a_without_actions) {
  BOOST_TEST(portos::encode_subscription({"portos.licence.activated", {}}) ==
             R"({"e":"portos.licence.activated"})");
  const portos::subscription s{"portos.resources.changed",
                               {{"door", {}}, {"stock-item", {resource_action::updated}}}};
  BOOST_TEST(
      portos::encode_subscription(s) ==
      R"({"e":"portos.resources.changed","r":[{"n":"door"},{"n":"stock-item","a":["updated"]}]})");
}

BOOST_AUTO_TEST_CASE(escapes_names_into_valid_json) {
  const portos::subscription s{"ev\"ent\\\x1e", {{"na\nme \xc3\xa1\x01", {}}}};
  const std::string json = portos::encode_subscription(s);
  BOOST_TEST(json == R"({"e":"ev\"ent\\\u001e","r":[{"n":"na\nme )"
                     "\xc3\xa1"
                     R"(\u0001"}]})");
  const boost::json::value parsed = boost::json::parse(json);
  BOOST_TEST(parsed.at("e").as_string() == "ev\"ent\\\x1e");
  BOOST_TEST(parsed.at("r").at(0).at("n").as_string() == "na\nme \xc3\xa1\x01");
}

BOOST_AUTO_TEST_CASE(appends_to_what_is_there) {
  std::string out = "prefix:";
  portos::append_subscription(out, {"x", {}});
  BOOST_TEST(out == R"(prefix:{"e":"x"})");
}

BOOST_AUTO_TEST_CASE(prints_like_its_fields) {
  std::ostringstream os;
  os << portos::subscription{
      "portos.resources.changed",
      {{"door", {resource_action::created, resource_action::deleted}}, {"till", {}}}};
  BOOST_TEST(os.str() ==
             R"(subscription{event="portos.resources.changed", resources=[{name="door", )"
             R"(actions=[created, deleted]}, {name="till", actions=[]}]})");
}

BOOST_AUTO_TEST_SUITE_END()
