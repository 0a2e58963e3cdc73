#include <eventwire/multipart/header_parameters.hpp>

#include <boost/test/unit_test.hpp>

#include <string>

namespace {

using namespace eventwire::multipart;

// The parameter's value, "escaped:" before it when it held an escape, "absent" when not found.
std::string parameter(std::string_view header_value, std::string_view name) {
  const auto p = find_parameter(header_value, name);
  if (!p) return "absent";
  return (p->escaped ? "escaped:" : "") + std::string(p->value);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(multipart_header_parameters)

BOOST_AUTO_TEST_CASE(main_value_is_trimmed_text_before_the_first_semicolon) {
  BOOST_TEST(header_main_value("form-data; name=\"payload\"") == "form-data");
  BOOST_TEST(header_main_value(" multipart/form-data \t; boundary=x") == "multipart/form-data");
  BOOST_TEST(header_main_value("text/json") == "text/json");
  BOOST_TEST(header_main_value("").empty());
}

BOOST_AUTO_TEST_CASE(content_disposition_of_a_form_part) {
  const std::string_view seed = R"(form-data; name="payload"; filename="payload")";
  BOOST_TEST(parameter(seed, "name") == "payload");
  BOOST_TEST(parameter(seed, "FILENAME") == "payload");
  BOOST_TEST(parameter(seed, "size") == "absent");
  BOOST_TEST(parameter("form-data; name=payload", "name") == "payload");
  BOOST_TEST(parameter(R"(form-data; filename="a;name=b"; name=c)", "name") == "c");
  BOOST_TEST(parameter(R"(form-data; name="pay\"load")", "name") == R"(escaped:pay\"load)");
  BOOST_TEST(parameter("form-data", "name") == "absent");
  BOOST_TEST(parameter("form-data; junk; name = x ", "name") == "x");
}

BOOST_AUTO_TEST_SUITE_END()
