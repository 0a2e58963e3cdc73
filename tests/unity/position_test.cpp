#include <eventwire/unity/position.hpp>

#include <boost/json.hpp>
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <string>

namespace unity = eventwire::unity;
using namespace std::chrono;

BOOST_AUTO_TEST_SUITE(unity_position_request)

BOOST_AUTO_TEST_CASE(each_type_has_its_wire_name) {
  BOOST_TEST(unity::wire_name(unity::position_type::after_newest) == "new");
  BOOST_TEST(unity::wire_name(unity::position_type::newest) == "latest");
  BOOST_TEST(unity::wire_name(unity::position_type::date) == "date");
  BOOST_TEST(unity::wire_name(unity::position_type::oldest) == "horizon");
}

BOOST_AUTO_TEST_CASE(types_without_a_date_send_only_the_type) {
  BOOST_TEST(unity::encode_position_request({unity::position_type::after_newest, {}}) ==
             R"({"PositionType":"new"})");
  BOOST_TEST(unity::encode_position_request({unity::position_type::newest, {}}) ==
             R"({"PositionType":"latest"})");
  // A date given with another type is not sent.
  BOOST_TEST(unity::encode_position_request(
                 {unity::position_type::oldest, sys_days(2024y / April / 24) + 3h}) ==
             R"({"PositionType":"horizon"})");
}

// As the vendor's sample request: UTC, no zone designator.
BOOST_AUTO_TEST_CASE(a_date_is_sent_in_utc_without_a_zone) {
  BOOST_TEST(unity::encode_position_request(
                 {unity::position_type::date, sys_days(2024y / April / 24) + 3h}) ==
             R"({"PositionType":"date","StartDate":"2024-04-24T03:00:00"})");
  const unity::position_request fraction{
      unity::position_type::date,
      sys_days(2022y / November / 29) + 10h + 33min + 6s + eventwire::time::ticks(9036303)};
  BOOST_TEST(unity::encode_position_request(fraction) ==
             R"({"PositionType":"date","StartDate":"2022-11-29T10:33:06.9036303"})");
}

BOOST_AUTO_TEST_CASE(the_body_is_json_and_appends) {
  std::string out = "prefix:";
  unity::append_position_request(out, {unity::position_type::date, sys_days(2001y / 1 / 2)});
  BOOST_TEST(out == R"(prefix:{"PositionType":"date","StartDate":"2001-01-02T00:00:00"})");
  const boost::json::value v = boost::json::parse(out.substr(7));
  BOOST_TEST(v.at("PositionType") == "date");
}

BOOST_AUTO_TEST_SUITE_END()
