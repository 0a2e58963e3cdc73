#include <eventwire/codec/condition.hpp>
#include <eventwire/unity/error.hpp>

#include <boost/test/unit_test.hpp>

#include <sstream>
#include <string>

namespace unity = eventwire::unity;
using eventwire::codec::condition;

BOOST_AUTO_TEST_SUITE(unity_error)

BOOST_AUTO_TEST_CASE(every_code_has_a_message_and_a_condition) {
  struct row {
    unity::error code;
    const char* message;
    condition maps_to;
  };
  using unity::error;
  const row rows[] = {
      {error::missing_key, "required key is missing", condition::protocol_violation},
      {error::wrong_type, "value has the wrong type", condition::protocol_violation},
      {error::invalid_timestamp, "invalid ISO 8601 timestamp", condition::protocol_violation},
      {error::duplicate_key, "key appears twice", condition::protocol_violation},
      {error::invalid_json, "invalid JSON", condition::protocol_violation},
      {error::too_many_notifications, "page has more notifications than the limit",
       condition::limit_exceeded},
      {error::count_mismatch, "Count disagrees with the number of notifications",
       condition::protocol_violation},
      {error::missing_next_position, "page has no NextPosition", condition::protocol_violation},
      {error::empty_position, "position is empty", condition::protocol_violation},
      {error::missing_event_object, "notification has no member named by its EventObjectName",
       condition::protocol_violation},
      {error::missing_error_text, "error answer has neither error nor Message",
       condition::protocol_violation},
  };
  int expected_value = 1;
  for (const row& r : rows) {
    const std::error_code ec = r.code;
    BOOST_TEST(ec.value() == expected_value++);
    BOOST_TEST(ec.category().name() == std::string("eventwire.unity"));
    BOOST_TEST(ec.message() == r.message);
    BOOST_TEST((ec == r.maps_to));
    std::ostringstream printed;
    printed << r.code;
    BOOST_TEST(printed.str() == r.message);
  }
}

BOOST_AUTO_TEST_CASE(codes_outside_the_table_are_named_by_number) {
  BOOST_TEST(std::error_code(12, unity::error_category()).message() == "eventwire.unity error 12");
  BOOST_TEST(std::error_code(0, unity::error_category()).message() == "eventwire.unity error 0");
}

BOOST_AUTO_TEST_SUITE_END()
