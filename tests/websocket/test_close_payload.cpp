#include <eventwire/websocket/close_payload.hpp>
#include <eventwire/websocket/error.hpp>

#include <boost/test/unit_test.hpp>

#include <sstream>
#include <stdexcept>
#include <string>

namespace {

using namespace eventwire::websocket;

}  // namespace

BOOST_AUTO_TEST_SUITE(websocket_close_payload)

BOOST_AUTO_TEST_CASE(valid_close_codes) {
  int valid = 0;
  for (int code = 0; code <= 65535; ++code) valid += is_valid_close_code(static_cast<std::uint16_t>(code)) ? 1 : 0;
  BOOST_TEST(valid == 4 + 8 + 2000);
  for (std::uint16_t code : {1000, 1001, 1002, 1003, 1007, 1008, 1009, 1010, 1011, 1012, 1013, 1014, 3000, 4999})
    BOOST_TEST(is_valid_close_code(code), code);
  for (std::uint16_t code : {0, 999, 1004, 1005, 1006, 1015, 1016, 2999, 5000, 65535})
    BOOST_TEST(!is_valid_close_code(code), code);
}

BOOST_AUTO_TEST_CASE(parse) {
  close_payload c;
  BOOST_TEST(!parse_close_payload("", c));
  BOOST_TEST((c == close_payload{}));
  BOOST_TEST(!parse_close_payload(std::string("\x03\xe8", 2), c));
  BOOST_TEST((c == close_payload{1000, ""}));
  BOOST_TEST(!parse_close_payload("\x0f\xa1" "expired", c));
  BOOST_TEST((c == close_payload{4001, "expired"}));
  BOOST_TEST(parse_close_payload("\x03", c) == make_error_code(error::close_payload_too_short));
  BOOST_TEST(parse_close_payload(std::string("\x03\xed", 2), c) == make_error_code(error::invalid_close_code));
  BOOST_TEST(parse_close_payload("\x03\xe8\xc0\xaf", c) == make_error_code(error::invalid_close_reason));
  BOOST_TEST((c == close_payload{}), "nothing is kept from a refused payload");
}

BOOST_AUTO_TEST_CASE(append) {
  std::string out;
  append_close_payload(out, {});
  BOOST_TEST(out.empty());
  append_close_payload(out, {1000, "bye"});
  BOOST_TEST(out == std::string("\x03\xe8" "bye", 5));
  out.clear();
  append_close_payload(out, {4001, std::string(max_close_reason, 'r')});
  BOOST_TEST(out.size() == max_control_payload);
  BOOST_CHECK_THROW(append_close_payload(out, {1005, ""}), std::invalid_argument);
  BOOST_CHECK_THROW(append_close_payload(out, {1000, std::string(max_close_reason + 1, 'r')}),
                    std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(each_decode_error_has_the_close_code_that_says_why) {
  BOOST_TEST(close_code_for(error::message_too_large) == 1009);
  BOOST_TEST(close_code_for(error::invalid_utf8) == 1007);
  BOOST_TEST(close_code_for(error::invalid_close_reason) == 1007);
  for (auto e : {error::reserved_bits_set, error::unmasked_frame_from_client, error::invalid_close_code,
                 error::frame_after_close, error::truncated_frame})
    BOOST_TEST(close_code_for(e) == 1002);
  for (int e = 1; e <= static_cast<int>(error::truncated_frame); ++e)
    BOOST_TEST(is_valid_close_code(close_code_for(static_cast<error>(e))));
}

BOOST_AUTO_TEST_CASE(printing) {
  std::ostringstream os;
  os << close_payload{1001, "going away"};
  BOOST_TEST(os.str() == "close 1001 \"going away\"");
}

BOOST_AUTO_TEST_SUITE_END()
