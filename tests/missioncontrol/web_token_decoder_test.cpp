#include "samples.hpp"

#include <eventwire/json/error.hpp>
#include <eventwire/missioncontrol/error.hpp>
#include <eventwire/missioncontrol/web_token_decoder.hpp>

#include <boost/test/unit_test.hpp>

#include <sstream>
#include <string>

namespace mc = eventwire::missioncontrol;
namespace samples = missioncontrol_samples;
using mc::error;
using samples::outcome;

namespace {

outcome token_outcome(std::string_view json) {
  const samples::exact_copy copy(json);
  mc::web_token_decoder decoder;
  mc::web_token t;
  const std::error_code code = decoder.decode(copy.view(), t);
  return {code, std::string(decoder.error_key())};
}

std::string utc_text(eventwire::time::utc_time t) {
  std::string out;
  eventwire::time::append_rfc3339(out, t);
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(missioncontrol_web_token_decoder)

BOOST_AUTO_TEST_CASE(decodes_the_three_documented_properties) {
  const samples::exact_copy copy(samples::web_token_answer);
  mc::web_token_decoder decoder;
  mc::web_token t;
  BOOST_REQUIRE(!decoder.decode(copy.view(), t));
  BOOST_TEST(t.token.escaped == "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJvcGVyYXRvciJ9.c2lnbmF0dXJl");
  BOOST_TEST(t.token.escaped.data() - copy.view().data() == 10);  // a view, not a copy
  BOOST_REQUIRE(t.valid_until);
  BOOST_TEST(utc_text(*t.valid_until) == "2024-05-14T10:21:37.500Z");
  BOOST_REQUIRE(t.valid_for);
  BOOST_TEST(t.valid_for->count() == 3600000);
}

BOOST_AUTO_TEST_CASE(every_prefix_is_invalid_json) {
  const std::string_view whole = samples::web_token_answer;
  for (std::size_t size = 0; size < whole.size(); ++size)
    BOOST_TEST((token_outcome(whole.substr(0, size)).code == error::invalid_json),
               "prefix of " << size);
}

BOOST_AUTO_TEST_CASE(valid_until_and_milliseconds_valid_may_be_null_or_absent) {
  for (const char* json :
       {R"({"Token":"t"})", R"({"Token":"t","ValidUntil":null,"MillisecondsValid":null})"}) {
    mc::web_token_decoder decoder;
    mc::web_token t;
    BOOST_REQUIRE(!decoder.decode(json, t));
    BOOST_TEST(t.token.escaped == "t");
    BOOST_TEST(!t.valid_until);
    BOOST_TEST(!t.valid_for);
  }
}

BOOST_AUTO_TEST_CASE(keys_match_in_any_case_and_unknown_keys_are_skipped) {
  mc::web_token_decoder decoder;
  mc::web_token t;
  BOOST_REQUIRE(!decoder.decode(
      R"({"token":"t","validUntil":"2024-05-14T10:21:37","millisecondsValid":0,"x":[{}]})", t));
  BOOST_TEST(t.token.escaped == "t");
  BOOST_TEST(utc_text(*t.valid_until) == "2024-05-14T10:21:37Z");
  BOOST_TEST(t.valid_for->count() == 0);
}

BOOST_AUTO_TEST_CASE(milliseconds_valid_is_an_int32_that_is_not_negative) {
  BOOST_TEST(!token_outcome(R"({"Token":"t","MillisecondsValid":2147483647})").code);
  for (const char* value : {"-1", "2147483648", "9223372036854775807"})
    BOOST_TEST(token_outcome(std::string(R"({"Token":"t","MillisecondsValid":)") + value + "}") ==
                   (outcome{error::validity_out_of_range, "MillisecondsValid"}),
               value);
  for (const char* value : {"1.5", "1e3", "\"5\"", "true", "99999999999999999999"})
    BOOST_TEST(token_outcome(std::string(R"({"Token":"t","MillisecondsValid":)") + value + "}") ==
                   (outcome{error::wrong_type, "MillisecondsValid"}),
               value);
}

BOOST_AUTO_TEST_CASE(errors) {
  BOOST_TEST(token_outcome("{}") == (outcome{error::missing_key, "Token"}));
  BOOST_TEST(token_outcome(R"({"Token":null})") == (outcome{error::missing_key, "Token"}));
  BOOST_TEST(token_outcome(R"({"Token":""})") == (outcome{error::empty_token, "Token"}));
  BOOST_TEST(token_outcome(R"({"Token":1})") == (outcome{error::wrong_type, "Token"}));
  BOOST_TEST(token_outcome(R"({"Token":"t","ValidUntil":5})") ==
             (outcome{error::wrong_type, "ValidUntil"}));
  BOOST_TEST(token_outcome(R"({"Token":"t","ValidUntil":"soon"})") ==
             (outcome{error::invalid_timestamp, "ValidUntil"}));
  BOOST_TEST(token_outcome(R"({"Token":"t","TOKEN":"u"})") ==
             (outcome{error::duplicate_key, "Token"}));
  BOOST_TEST(token_outcome(R"(["Token"])") == (outcome{error::wrong_type, ""}));
  BOOST_TEST(token_outcome(R"({"Token":"t"} {})") == (outcome{error::invalid_json, ""}));
  BOOST_TEST(token_outcome(R"({"Token":"t","x":[1,]})") == (outcome{error::invalid_json, "x"}));
  // Invalid JSON after another error takes precedence.
  BOOST_TEST(token_outcome(R"({"Token":"","x":[1,]})") == (outcome{error::invalid_json, ""}));
}

BOOST_AUTO_TEST_CASE(printing_hides_the_token) {
  mc::web_token_decoder decoder;
  mc::web_token t;
  BOOST_REQUIRE(!decoder.decode(samples::web_token_answer, t));
  std::ostringstream os;
  os << t;
  BOOST_TEST(os.str() == "web_token{token=****, valid_until=2024-05-14T10:21:37.500Z, valid_for=3600000 ms}");
  std::ostringstream empty;
  empty << mc::web_token{};
  BOOST_TEST(empty.str() == "web_token{token=(empty), valid_until=null, valid_for=null}");
}

BOOST_AUTO_TEST_SUITE_END()
