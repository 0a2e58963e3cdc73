#include <eventwire/clay/error.hpp>
#include <eventwire/codec/condition.hpp>

#include <boost/test/unit_test.hpp>

#include <sstream>
#include <string>

namespace clay = eventwire::clay;
using eventwire::codec::condition;

BOOST_AUTO_TEST_SUITE(clay_error)

BOOST_AUTO_TEST_CASE(every_code_has_a_message_and_a_condition) {
  struct row {
    clay::error code;
    const char* message;
    condition maps_to;
  };
  const row rows[] = {
      {clay::error::invalid_argument_json, "argument is not valid JSON", condition::protocol_violation},
      {clay::error::argument_not_string, "argument is not a JSON string", condition::protocol_violation},
      {clay::error::message_too_large, "message exceeds the size limit", condition::limit_exceeded},
      {clay::error::invalid_message_json, "message is not valid JSON", condition::protocol_violation},
      {clay::error::message_not_object, "message is not a JSON object", condition::protocol_violation},
      {clay::error::wrong_type, "value has the wrong type", condition::protocol_violation},
      {clay::error::invalid_timestamp, "invalid ISO 8601 timestamp", condition::protocol_violation},
      {clay::error::duplicate_key, "key appears twice", condition::protocol_violation},
  };
  for (const row& r : rows) {
    const std::error_code ec = r.code;
    BOOST_TEST(ec.category().name() == std::string("eventwire.clay"));
    BOOST_TEST(ec.message() == r.message);
    BOOST_TEST((ec == r.maps_to));
    std::ostringstream printed;
    printed << r.code;
    BOOST_TEST(printed.str() == r.message);
  }
}

BOOST_AUTO_TEST_CASE(codes_outside_the_table_are_named_by_number) {
  BOOST_TEST(std::error_code(9, clay::error_category()).message() == "eventwire.clay error 9");
  BOOST_TEST(std::error_code(0, clay::error_category()).message() == "eventwire.clay error 0");
}

BOOST_AUTO_TEST_SUITE_END()
