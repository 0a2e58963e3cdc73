#include <eventwire/unity/api_error_decoder.hpp>
#include <eventwire/unity/error.hpp>

#include <boost/test/unit_test.hpp>

#include <cstring>
#include <memory>
#include <sstream>
#include <string>

namespace unity = eventwire::unity;
using unity::error;

namespace {

// The decoded answer printed, or the error with its path; decoded from an exact heap copy.
std::string decode_printed(std::string_view json) {
  const auto copy = std::make_unique<char[]>(json.size() + 1);
  std::memcpy(copy.get(), json.data(), json.size());
  unity::api_error_decoder decoder;
  unity::api_error e;
  std::ostringstream os;
  if (const std::error_code code = decoder.decode(std::string_view(copy.get(), json.size()), e))
    os << "error: " << code.message() << " at '" << decoder.error_path() << '\'';
  else
    os << e;
  return os.str();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(unity_api_error_decoder)

BOOST_AUTO_TEST_CASE(the_oauth_form) {
  BOOST_TEST(decode_printed(R"({"statusCode":400,"requestId":"5d3a","error":"bad_request",)"
                            R"("error_description":"The position has expired."})") ==
             R"(api_error{error="bad_request", description="The position has expired.", )"
             R"(message=null, status_code=400, request_id="5d3a"})");
}

BOOST_AUTO_TEST_CASE(the_web_api_form) {
  BOOST_TEST(decode_printed(R"({"Message":"Position belongs to another subscription."})") ==
             R"(api_error{error=null, description=null, )"
             R"(message="Position belongs to another subscription.", status_code=null, )"
             R"(request_id=null})");
}

BOOST_AUTO_TEST_CASE(nulls_case_and_unknown_keys) {
  BOOST_TEST(decode_printed(R"({"ERROR":"x","Error_Description":null,"message":null,)"
                            R"("StatusCode":null,"RequestID":null,"MessageDetail":"d"})") ==
             R"(api_error{error="x", description=null, message=null, status_code=null, )"
             R"(request_id=null})");
}

BOOST_AUTO_TEST_CASE(errors) {
  BOOST_TEST(decode_printed("{}") == "error: error answer has neither error nor Message at 'error'");
  BOOST_TEST(decode_printed(R"({"error":null,"Message":null,"error_description":"d"})") ==
             "error: error answer has neither error nor Message at 'error'");
  BOOST_TEST(decode_printed(R"({"error":1})") == "error: value has the wrong type at 'error'");
  BOOST_TEST(decode_printed(R"({"error":"x","statusCode":"400"})") ==
             "error: value has the wrong type at 'statusCode'");
  BOOST_TEST(decode_printed(R"({"error":"x","statusCode":4.5})") ==
             "error: value has the wrong type at 'statusCode'");
  BOOST_TEST(decode_printed(R"({"error":"x","Error":"y"})") == "error: key appears twice at 'error'");
  BOOST_TEST(decode_printed(R"(["error"])") == "error: value has the wrong type at ''");
  BOOST_TEST(decode_printed(R"({"error":"x"} {})") == "error: invalid JSON at ''");
  const std::string_view whole = R"({"error":"bad_request","statusCode":400})";
  for (std::size_t size = 0; size < whole.size(); ++size)
    BOOST_TEST(decode_printed(whole.substr(0, size)).substr(0, 19) == "error: invalid JSON",
               whole.substr(0, size));
}

BOOST_AUTO_TEST_SUITE_END()
