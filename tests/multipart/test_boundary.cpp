#include <eventwire/multipart/boundary.hpp>
#include <eventwire/multipart/error.hpp>

#include <boost/test/unit_test.hpp>

#include <string>

namespace {

using namespace eventwire::multipart;

std::string boundary_of(std::string_view content_type, std::error_code& ec) {
  return std::string(parse_boundary(content_type, ec));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(multipart_boundary)

BOOST_AUTO_TEST_CASE(parameter_found_in_any_case_quoted_or_not) {
  std::error_code ec;
  BOOST_TEST(boundary_of("multipart/mixed; boundary=--GENETECBOUNDARY", ec) == "--GENETECBOUNDARY");
  BOOST_TEST(!ec);
  BOOST_TEST(boundary_of("MULTIPART/X-MIXED-REPLACE;BOUNDARY=frame", ec) == "frame");
  BOOST_TEST(boundary_of("multipart/mixed ;\tBoundary = \"a b:c\" ; x=y", ec) == "a b:c");
  BOOST_TEST(boundary_of("multipart/mixed; name=\"boundary=no; really\"; boundary=yes", ec) == "yes");
  BOOST_TEST(boundary_of("multipart/mixed; junk; boundary=after-junk", ec) == "after-junk");
  BOOST_TEST(boundary_of("multipart/mixed; boundary=first; boundary=second", ec) == "first");
  BOOST_TEST(!ec);
}

BOOST_AUTO_TEST_CASE(refusals) {
  std::error_code ec;
  BOOST_TEST(boundary_of("text/json; boundary=x", ec).empty());
  BOOST_TEST(ec == error::not_multipart);
  BOOST_TEST(boundary_of("multipart/", ec).empty());
  BOOST_TEST(ec == error::not_multipart);
  BOOST_TEST(boundary_of("multipart/mixed", ec).empty());
  BOOST_TEST(ec == error::missing_boundary);
  BOOST_TEST(boundary_of("multipart/mixed; charset=utf-8", ec).empty());
  BOOST_TEST(ec == error::missing_boundary);
  BOOST_TEST(boundary_of("multipart/mixed; boundary=", ec).empty());
  BOOST_TEST(ec == error::invalid_boundary);
  BOOST_TEST(boundary_of("multipart/mixed; boundary=\"a\\\"b\"", ec).empty());
  BOOST_TEST(ec == error::invalid_boundary);
  BOOST_TEST(boundary_of("multipart/mixed; boundary=" + std::string(71, 'x'), ec).empty());
  BOOST_TEST(ec == error::invalid_boundary);
  BOOST_TEST(boundary_of("multipart/mixed; boundary=" + std::string(70, 'x'), ec).size() == 70u);
  BOOST_TEST(!ec);
}

BOOST_AUTO_TEST_CASE(validity) {
  BOOST_TEST(is_valid_boundary("--GENETECBOUNDARY"));
  BOOST_TEST(is_valid_boundary("a b"));
  BOOST_TEST(!is_valid_boundary(""));
  BOOST_TEST(!is_valid_boundary("trailing "));
  BOOST_TEST(!is_valid_boundary("line\nbreak"));
  BOOST_TEST(!is_valid_boundary(std::string_view("nul\0", 4)));
}

BOOST_AUTO_TEST_SUITE_END()
