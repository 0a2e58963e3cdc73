#include <eventwire/codec/condition.hpp>
#include <eventwire/missioncontrol/error.hpp>

#include <boost/test/unit_test.hpp>

#include <sstream>
#include <string>

namespace mc = eventwire::missioncontrol;
using eventwire::codec::condition;

BOOST_AUTO_TEST_SUITE(missioncontrol_error)

BOOST_AUTO_TEST_CASE(every_code_has_a_message_and_a_condition) {
  struct row {
    mc::error code;
    const char* message;
    condition maps_to;
  };
  const row rows[] = {
      {mc::error::missing_key, "required key is missing", condition::protocol_violation},
      {mc::error::wrong_type, "value has the wrong type", condition::protocol_violation},
      {mc::error::invalid_timestamp, "invalid ISO 8601 timestamp", condition::protocol_violation},
      {mc::error::duplicate_key, "key appears twice", condition::protocol_violation},
      {mc::error::invalid_json, "invalid JSON", condition::protocol_violation},
      {mc::error::empty_token, "web token is empty", condition::protocol_violation},
      {mc::error::validity_out_of_range, "MillisecondsValid is outside 0..2147483647",
       condition::protocol_violation},
  };
  for (const row& r : rows) {
    const std::error_code ec = r.code;
    BOOST_TEST(ec.category().name() == std::string("eventwire.missioncontrol"));
    BOOST_TEST(ec.message() == r.message);
    BOOST_TEST((ec == r.maps_to));
    std::ostringstream printed;
    printed << r.code;
    BOOST_TEST(printed.str() == r.message);
  }
}

BOOST_AUTO_TEST_CASE(codes_outside_the_table_are_named_by_number) {
  BOOST_TEST(std::error_code(8, mc::error_category()).message() ==
             "eventwire.missioncontrol error 8");
  BOOST_TEST(std::error_code(0, mc::error_category()).message() ==
             "eventwire.missioncontrol error 0");
}

BOOST_AUTO_TEST_SUITE_END()
