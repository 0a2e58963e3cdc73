#include <eventwire/auth/access_token.hpp>
#include <eventwire/auth/redact.hpp>

#include <boost/test/unit_test.hpp>

#include <sstream>

namespace auth = eventwire::auth;
using namespace std::chrono_literals;

namespace {

std::string printed(const auth::access_token& t) {
  std::ostringstream os;
  os << t;
  return os.str();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(redact)

BOOST_AUTO_TEST_CASE(a_printed_token_shows_only_its_expiry) {
  const auto at = std::chrono::system_clock::time_point(1'714'564'800s);  // 2024-05-01T12:00:00Z
  BOOST_TEST(printed({"eyJhbGciOi.secret", at}) ==
             "access_token(**** expires 2024-05-01T12:00:00Z)");
  BOOST_TEST(printed({"eyJhbGciOi.secret", std::nullopt}) == "access_token(**** expiry unknown)");
  BOOST_TEST(printed({}) == "access_token(empty)");
  BOOST_TEST(auth::access_token{"abc"}.authorization() == "Bearer abc");
}

BOOST_AUTO_TEST_CASE(mask_values_masks_every_occurrence) {
  BOOST_TEST(auth::mask_values("client s3cret rejected: s3cret", {"s3cret"}) ==
             "client **** rejected: ****");
  BOOST_TEST(auth::mask_values("nothing here", {"s3cret", ""}) == "nothing here");
  // The longer value first, so one that contains another is masked whole.
  BOOST_TEST(auth::mask_values("pass and password", {"pass", "password"}) == "**** and ****");
  BOOST_TEST(auth::mask_values("aaaa", {"a"}) == "****************");
}

BOOST_AUTO_TEST_CASE(one_line_excerpt_makes_server_text_fit_for_a_log_line) {
  BOOST_TEST(auth::one_line_excerpt("two\nlines\r\tand \x1b[31m") == "two lines  and  [31m");
  BOOST_TEST(auth::one_line_excerpt("abcdef", 4) == "abcd...");
  BOOST_TEST(auth::one_line_excerpt("abcd", 4) == "abcd");
  // "é" is two bytes: a cut inside it moves back to the character's start.
  BOOST_TEST(auth::one_line_excerpt("ab\xc3\xa9", 3) == "ab...");
}

BOOST_AUTO_TEST_SUITE_END()
