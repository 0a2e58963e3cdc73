#include <eventwire/codec/condition.hpp>
#include <eventwire/multipart/error.hpp>

#include <boost/test/unit_test.hpp>

#include <sstream>
#include <string>
#include <system_error>

namespace {

using eventwire::codec::condition;
using eventwire::multipart::error;

struct expected_error {
  error code;
  const char* message;
  condition maps_to;
};

const expected_error all_errors[] = {
    {error::not_multipart, "Content-Type is not a multipart media type",
     condition::protocol_violation},
    {error::missing_boundary, "multipart Content-Type has no boundary parameter",
     condition::protocol_violation},
    {error::invalid_boundary,
     "multipart boundary is empty, longer than 70 bytes or holds a control character",
     condition::protocol_violation},
    {error::header_block_too_large, "multipart part header block exceeds the limit",
     condition::limit_exceeded},
    {error::too_many_header_fields, "multipart part has more header fields than the limit",
     condition::limit_exceeded},
    {error::invalid_content_length, "multipart part has an invalid or conflicting Content-Length",
     condition::protocol_violation},
    {error::body_too_large, "multipart part body exceeds the limit", condition::limit_exceeded},
    {error::line_too_long, "multipart line outside a part exceeds the limit",
     condition::limit_exceeded},
    {error::body_shorter_than_content_length,
     "multipart part ended before its Content-Length body", condition::protocol_violation},
    {error::data_after_body, "multipart part has data after its Content-Length body",
     condition::protocol_violation},
    {error::truncated_part, "multipart input ended inside a part", condition::protocol_violation},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(multipart_error)

BOOST_AUTO_TEST_CASE(every_code_has_its_message_and_condition) {
  int next = 1;
  for (const expected_error& e : all_errors) {
    const std::error_code ec = e.code;
    BOOST_TEST_CONTEXT(e.message) {
      BOOST_TEST(ec.value() == next++);
      BOOST_TEST(ec.category().name() == std::string("eventwire.multipart"));
      BOOST_TEST(ec.message() == e.message);
      BOOST_TEST((ec == e.maps_to));
      std::ostringstream os;
      os << e.code;
      BOOST_TEST(os.str() == e.message);
    }
  }
  BOOST_TEST(std::error_code(static_cast<int>(error::truncated_part) + 1,
                             eventwire::multipart::error_category())
                 .message() == "eventwire.multipart error 12");
}

BOOST_AUTO_TEST_SUITE_END()
