#include <eventwire/codec/condition.hpp>
#include <eventwire/websdk/error.hpp>

#include <boost/test/unit_test.hpp>

#include <sstream>
#include <string>

namespace websdk = eventwire::websdk;
using eventwire::codec::condition;

BOOST_AUTO_TEST_SUITE(websdk_error)

BOOST_AUTO_TEST_CASE(every_code_has_a_message_and_a_condition) {
  using websdk::error;
  struct row {
    error code;
    const char* message;
    condition maps_to;
  };
  const auto pv = condition::protocol_violation;
  const auto le = condition::limit_exceeded;
  const row rows[] = {
      {error::missing_key, "required key is missing", pv},
      {error::wrong_type, "value has the wrong type", pv},
      {error::invalid_timestamp, "invalid ISO 8601 timestamp", pv},
      {error::duplicate_key, "key appears twice", pv},
      {error::invalid_json, "invalid JSON", pv},
      {error::invalid_dynamic_content, "DynamicContent is not the XML expected", pv},
      {error::too_many_elements, "array exceeds the element limit", le},
      {error::text_limit_exceeded, "decoded text exceeds the limit", le},
      {error::invalid_guid, "argument is not a GUID", pv},
      {error::invalid_name, "argument is not a name the call language allows", pv},
      {error::invalid_text, "text holds a character the call language cannot carry", pv},
      {error::invalid_priority, "alarm priority is outside 1-255", pv},
      {error::out_of_range, "number is out of range", pv},
      {error::empty_list, "list argument is empty", pv},
      {error::query_too_long, "query exceeds the length limit", le},
      {error::unsupported_combination,
       "arguments combined in a way the call language does not show", pv},
      {error::invalid_connection_id, "not a ConnectionId line", pv},
      {error::not_form_data, "Content-Type is not multipart/form-data", pv},
      {error::missing_payload, "form has no payload part", pv},
  };
  int expected_value = 1;
  for (const row& r : rows) {
    const std::error_code ec = r.code;
    BOOST_TEST(ec.value() == expected_value++);
    BOOST_TEST(ec.category().name() == std::string("eventwire.websdk"));
    BOOST_TEST(ec.message() == r.message);
    BOOST_TEST((ec == r.maps_to));
    std::ostringstream printed;
    printed << r.code;
    BOOST_TEST(printed.str() == r.message);
  }
  BOOST_TEST(std::error_code(expected_value, websdk::error_category()).message() ==
             "eventwire.websdk error " + std::to_string(expected_value));
}

BOOST_AUTO_TEST_CASE(codes_outside_the_table_are_named_by_number) {
  BOOST_TEST(std::error_code(0, websdk::error_category()).message() == "eventwire.websdk error 0");
  BOOST_TEST(std::error_code(99, websdk::error_category()).message() ==
             "eventwire.websdk error 99");
}

BOOST_AUTO_TEST_SUITE_END()
