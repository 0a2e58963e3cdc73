#include <eventwire/codec/condition.hpp>
#include <eventwire/portos/error.hpp>

#include <boost/test/unit_test.hpp>

#include <sstream>
#include <string>

namespace portos = eventwire::portos;
using eventwire::codec::condition;

BOOST_AUTO_TEST_SUITE(portos_error)

BOOST_AUTO_TEST_CASE(every_code_has_a_message_and_a_condition) {
  struct row {
    portos::error code;
    const char* message;
    condition maps_to;
  };
  const row rows[] = {
      {portos::error::missing_key, "required key is missing", condition::protocol_violation},
      {portos::error::wrong_type, "value has the wrong type", condition::protocol_violation},
      {portos::error::invalid_timestamp, "invalid ISO 8601 timestamp",
       condition::protocol_violation},
      {portos::error::unknown_action, "unknown resource action", condition::protocol_violation},
      {portos::error::duplicate_key, "key appears twice", condition::protocol_violation},
      {portos::error::invalid_json, "invalid JSON", condition::protocol_violation},
      {portos::error::too_many_elements, "array exceeds the element limit",
       condition::limit_exceeded},
  };
  for (const row& r : rows) {
    const std::error_code ec = r.code;
    BOOST_TEST(ec.category().name() == std::string("eventwire.portos"));
    BOOST_TEST(ec.message() == r.message);
    BOOST_TEST((ec == r.maps_to));
    std::ostringstream printed;
    printed << r.code;
    BOOST_TEST(printed.str() == r.message);
  }
}

BOOST_AUTO_TEST_CASE(codes_outside_the_table_are_named_by_number) {
  BOOST_TEST(std::error_code(99, portos::error_category()).message() ==
             "eventwire.portos error 99");
  BOOST_TEST(std::error_code(0, portos::error_category()).message() == "eventwire.portos error 0");
}

BOOST_AUTO_TEST_SUITE_END()
