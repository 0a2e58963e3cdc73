#include <eventwire/multipart/detail/delimiter_matcher.hpp>

#include <boost/test/unit_test.hpp>

#include <string_view>

namespace {

using eventwire::multipart::detail::delimiter;
using eventwire::multipart::detail::delimiter_matcher;
using eventwire::multipart::detail::match;

// Feeds `line` (which starts with its line break) and returns the verdict after the last byte.
match run(std::string_view boundary, std::string_view line) {
  const delimiter d(boundary);
  delimiter_matcher m;
  m.start_at_line_break();
  match verdict = match::no;
  for (char c : line) {
    verdict = m.step(d, c);
    if (verdict != match::maybe) break;
  }
  return verdict;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(multipart_delimiter_matcher)

BOOST_AUTO_TEST_CASE(texts) {
  const delimiter genetec("--GENETECBOUNDARY");
  BOOST_TEST(genetec.text(0) == "----GENETECBOUNDARY");
  BOOST_TEST(genetec.text(1) == "--GENETECBOUNDARY");
  const delimiter plain("abc");
  BOOST_TEST(plain.text(0) == "--abc");
  BOOST_TEST(plain.text(1).empty());
}

BOOST_AUTO_TEST_CASE(verdicts) {
  BOOST_TEST((run("b", "\r\n--b\r\n") == match::open));
  BOOST_TEST((run("b", "\n--b\n") == match::open));
  BOOST_TEST((run("b", "\r\n--b--\r\n") == match::close));
  BOOST_TEST((run("b", "\r\n--b-- \t\n") == match::close));
  BOOST_TEST((run("b", "\r\n--b-\r\n") == match::no));
  BOOST_TEST((run("b", "\r\n--bx\r\n") == match::no));
  BOOST_TEST((run("b", "\r\r\n--b\r\n") == match::no));
  BOOST_TEST((run("b", "\r\n--b") == match::maybe));
  BOOST_TEST((run("--G", "\r\n--G\r\n") == match::open));
  BOOST_TEST((run("--G", "\r\n----G--\r\n") == match::close));
  BOOST_TEST((run("--G", "\r\n---G\r\n") == match::no));
  BOOST_TEST((run("G", "\r\nG\r\n") == match::no));  // the bare form is only for "--" boundaries
}

BOOST_AUTO_TEST_CASE(end_of_input_accepts_a_delimiter_without_its_line_end) {
  const delimiter d("b");
  delimiter_matcher m;
  m.start_at_line_start();
  for (char c : std::string_view("--b-")) m.step(d, c);
  BOOST_TEST((m.at_end() == match::no));
  m.step(d, '-');
  BOOST_TEST((m.at_end() == match::close));
  m.start_at_line_start();
  for (char c : std::string_view("--b  \r")) m.step(d, c);
  BOOST_TEST((m.at_end() == match::open));
}

BOOST_AUTO_TEST_SUITE_END()
