// RFC 2046 multipart bodies: preamble, parts with and without headers, CRLF or bare LF, padding,
// Content-Length, the close delimiter and the epilogue.

#include "render.hpp"

#include <eventwire/multipart/boundary.hpp>
#include <eventwire/multipart/error.hpp>
#include <eventwire/multipart/splitter.hpp>
#include <eventwire/testing/split_check.hpp>

#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

namespace {

using namespace eventwire::multipart;
using eventwire::testing::check_all_splits;
using strings = std::vector<std::string>;

strings split_all(std::string_view boundary, const std::string& input, limits lim = {}) {
  return check_all_splits(input, testing::splitter_decoder(boundary, lim));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(multipart_rfc)

BOOST_AUTO_TEST_CASE(crlf_with_preamble_headerless_part_close_and_epilogue) {
  const std::string input =
      "This is the preamble.  It is to be ignored.\r\n"
      "--simple boundary\r\n"
      "\r\n"
      "This is implicitly typed plain US-ASCII text.\r\n"
      "It does NOT end with a linebreak.\r\n"
      "--simple boundary\r\n"
      "Content-type: text/plain; charset=us-ascii\r\n"
      "\r\n"
      "This is explicitly typed plain US-ASCII text.\r\n"
      "It DOES end with a linebreak.\r\n"
      "\r\n"
      "--simple boundary--\r\n"
      "This is the epilogue.  It is also to be ignored.\r\n";
  const strings expected = {
      "part_begin {}",
      "body \"This is implicitly typed plain US-ASCII text.\\r\\nIt does NOT end with a "
      "linebreak.\"",
      "part_end",
      "part_begin {Content-type: text/plain; charset=us-ascii}",
      "body \"This is explicitly typed plain US-ASCII text.\\r\\nIt DOES end with a "
      "linebreak.\\r\\n\"",
      "part_end",
      "close"};
  BOOST_TEST(split_all("simple boundary", input) == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(bare_lf_line_ends) {
  const std::string input = "--b\nA: 1\n\none\ntwo\n--b\nB: 2\n\nthree\n--b--\n";
  const strings expected = {"part_begin {A: 1}", "body \"one\\ntwo\"", "part_end",
                            "part_begin {B: 2}", "body \"three\"", "part_end", "close"};
  BOOST_TEST(split_all("b", input) == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(mixed_line_ends_and_a_lone_cr_in_the_body) {
  const std::string input = "--b\r\nA: 1\n\r\nx\ry\r\r\n--b\n\nz\n--b--";
  const strings expected = {"part_begin {A: 1}", "body \"x\\ry\\r\"", "part_end",
                            "part_begin {}",     "body \"z\"",        "part_end",
                            "close"};
  BOOST_TEST(split_all("b", input) == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(quoted_and_unquoted_boundary_parameters) {
  std::error_code ec;
  const std::string_view quoted =
      parse_boundary(R"(multipart/mixed; charset="a;b"; BOUNDARY="gc0p4Jq0M2Yt 08jU534c0p")", ec);
  BOOST_TEST(!ec);
  BOOST_TEST(quoted == "gc0p4Jq0M2Yt 08jU534c0p");
  const std::string_view plain = parse_boundary("Multipart/Mixed;Boundary=abc'()+_,-./:=?", ec);
  BOOST_TEST(!ec);
  BOOST_TEST(plain == "abc'()+_,-./:=?");

  const strings expected = {"part_begin {X: y}", "body \"1\"", "part_end", "close"};
  BOOST_TEST(split_all(quoted, "--gc0p4Jq0M2Yt 08jU534c0p\r\nX: y\r\n\r\n1\r\n"
                               "--gc0p4Jq0M2Yt 08jU534c0p--") == expected,
             boost::test_tools::per_element());
  BOOST_TEST(split_all(plain, "--abc'()+_,-./:=?\nX: y\n\n1\n--abc'()+_,-./:=?--\n") == expected,
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(header_names_keep_their_case_values_are_trimmed_and_folded) {
  const std::string input =
      "--b\r\ncontent-TYPE:\t text/json \r\nX-Folded: one\r\n  two \r\n\tthree\r\nX-Empty:\r\n"
      " late\r\n\r\nbody\r\n--b--\r\n";
  // Header values print raw: a folded value is one view that keeps its line breaks.
  const strings expected = {
      "part_begin {content-TYPE: text/json; X-Folded: one\r\n  two \r\n\tthree; X-Empty: late}",
      "body \"body\"", "part_end", "close"};
  BOOST_TEST(split_all("b", input) == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(content_length_body_may_hold_a_delimiter_line) {
  const std::string input =
      "--b\r\nContent-Length: 9\r\n\r\nx\r\n--b\r\ny\r\n--b\r\nContent-Type: a/b\r\n\r\nplain\r\n"
      "--b\r\ncontent-length:  0 \r\n\r\n\r\n--b\r\nContent-Length: 3\r\n\r\nabc--b--\r\n";
  const strings expected = {"part_begin {Content-Length: 9} length 9",
                            "body \"x\\r\\n--b\\r\\ny\"",
                            "part_end",
                            "part_begin {Content-Type: a/b}",
                            "body \"plain\"",
                            "part_end",
                            "part_begin {content-length: 0} length 0",
                            "part_end",
                            "part_begin {Content-Length: 3} length 3",
                            "body \"abc\"",
                            "part_end",
                            "close"};
  BOOST_TEST(split_all("b", input) == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(keepalive_between_content_length_parts) {
  const std::string input =
      "--b\r\nContent-Length: 2\r\n\r\nhi\r\nKeepAlive\r\n\r\n--b\r\nKeepAlive\r\n--b--";
  const strings expected = {"part_begin {Content-Length: 2} length 2", "body \"hi\"", "part_end",
                            "heartbeat \"KeepAlive\"", "heartbeat \"KeepAlive\"", "close"};
  BOOST_TEST(split_all("b", input) == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(empty_bodies) {
  const std::string input =
      "--b\r\nA: 1\r\n\r\n\r\n--b\r\nB: 2\r\n\r\n--b\r\nC: 3\r\n--b\r\n\r\n\r\n--b\r\n--b--\r\n";
  const strings expected = {"part_begin {A: 1}", "part_end", "part_begin {B: 2}", "part_end",
                            "part_begin {C: 3}", "part_end", "part_begin {}",     "part_end",
                            "close"};
  BOOST_TEST(split_all("b", input) == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_delimiter_right_after_a_delimiter_makes_no_part) {
  const strings expected = {"part_begin {A: 1}", "body \"x\"", "part_end", "close"};
  BOOST_TEST(split_all("b", "--b\r\n--b\r\nA: 1\r\n\r\nx\r\n--b\r\n--b--") == expected,
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(transport_padding_after_delimiters) {
  const std::string input = "--b \t\r\nA: 1\r\n\r\nx\r\n--b\t \r\n\r\ny\r\n--b-- \r\n";
  const strings expected = {"part_begin {A: 1}", "body \"x\"", "part_end",
                            "part_begin {}",     "body \"y\"", "part_end", "close"};
  BOOST_TEST(split_all("b", input) == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(too_much_padding_is_not_a_delimiter) {
  const std::string input = "--b\r\n\r\nx\r\n--b" + std::string(17, ' ') + "\r\n--b--";
  const strings expected = {"part_begin {}",
                            "body \"x\\r\\n--b" + std::string(17, ' ') + "\"", "part_end",
                            "close"};
  BOOST_TEST(split_all("b", input) == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_body_line_that_is_not_a_header_ends_the_header_block) {
  const std::string input = "--b\r\nA: 1\r\nplain text, no colon\r\n--b\r\nKeep Alive\r\n--b--";
  const strings expected = {"part_begin {A: 1}", "body \"plain text, no colon\"", "part_end",
                            "part_begin {}",     "body \"Keep Alive\"",           "part_end",
                            "close"};
  BOOST_TEST(split_all("b", input) == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(close_delimiter_without_a_line_end_at_the_end_of_input) {
  const strings expected = {"part_begin {}", "body \"x\"", "part_end", "close"};
  BOOST_TEST(split_all("b", "--b\r\n\r\nx\r\n--b--") == expected, boost::test_tools::per_element());
  BOOST_TEST(split_all("b", "--b\r\n\r\nx\r\n--b") == strings({"part_begin {}", "body \"x\"", "part_end"}),
             boost::test_tools::per_element());
  BOOST_TEST(split_all("b", "--b--") == strings{"close"}, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(nothing_after_close_is_read) {
  splitter s("b");
  const std::string input = "--b--\r\n--b\r\nA: 1\r\n\r\n";
  const auto r = s.feed(input);
  BOOST_TEST(r == (eventwire::codec::feed_result{7, eventwire::codec::status::event}));
  BOOST_TEST(s.current().kind == event_kind::close);
  BOOST_TEST(s.feed(std::string_view(input).substr(7)) ==
             (eventwire::codec::feed_result{input.size() - 7, eventwire::codec::status::need_more}));
  BOOST_TEST(s.finish().state == eventwire::codec::status::need_more);
}

BOOST_AUTO_TEST_CASE(truncated_part_then_finish) {
  const std::string truncated = "error: multipart input ended inside a part";
  BOOST_TEST(split_all("b", "--b\r\nA: 1\r\n\r\nabc\r\n--") ==
                 strings({"part_begin {A: 1}", "body \"abc\"", truncated}),
             boost::test_tools::per_element());
  BOOST_TEST(split_all("b", "--b\r\nA: 1\r\n\r\n") == strings({"part_begin {A: 1}", truncated}),
             boost::test_tools::per_element());
  BOOST_TEST(split_all("b", "--b\r\nA: 1\r\n") == strings({truncated}),
             boost::test_tools::per_element());
  BOOST_TEST(split_all("b", "--b\r\nA") == strings({truncated}), boost::test_tools::per_element());
  BOOST_TEST(split_all("b", "--b\r\nContent-Length: 4\r\n\r\nab") ==
                 strings({"part_begin {Content-Length: 4} length 4", "body \"ab\"", truncated}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_stream_cut_between_parts_ends_cleanly) {
  BOOST_TEST(split_all("b", "preamble\r\n--b\r\n\r\nx\r\n--b\r\n") ==
                 strings({"part_begin {}", "body \"x\"", "part_end"}),
             boost::test_tools::per_element());
  BOOST_TEST(split_all("b", "only a preamble, no delimiter") == strings{},
             boost::test_tools::per_element());
  BOOST_TEST(split_all("b", "") == strings{}, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(content_length_errors) {
  BOOST_TEST(split_all("b", "--b\r\nContent-Length: 12x\r\n\r\n") ==
                 strings{"error: multipart part has an invalid or conflicting Content-Length"},
             boost::test_tools::per_element());
  BOOST_TEST(split_all("b", "--b\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab") ==
                 strings{"error: multipart part has an invalid or conflicting Content-Length"},
             boost::test_tools::per_element());
  BOOST_TEST(split_all("b", "--b\r\nContent-Length: 1\r\ncontent-length: 1\r\n\r\na\r\n--b--") ==
                 strings({"part_begin {Content-Length: 1; content-length: 1} length 1", "body \"a\"",
                          "part_end", "close"}),
             boost::test_tools::per_element());
  BOOST_TEST(split_all("b", "--b\r\nContent-Length: 2\r\n\r\nabX\r\n--b--") ==
                 strings({"part_begin {Content-Length: 2} length 2", "body \"ab\"", "part_end",
                          "error: multipart part has data after its Content-Length body"}),
             boost::test_tools::per_element());
  BOOST_TEST(split_all("b", "--b\r\nContent-Length: 2\r\n--b\r\n") ==
                 strings({"part_begin {Content-Length: 2} length 2",
                          "error: multipart part ended before its Content-Length body"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(reset_starts_over_and_clears_the_error) {
  splitter s("b");
  BOOST_TEST(s.feed("--b\r\nContent-Length: x\r\n\r\n").state == eventwire::codec::status::error);
  BOOST_TEST(s.error() == error::invalid_content_length);
  BOOST_TEST(s.feed("more").state == eventwire::codec::status::error);  // sticky
  s.reset();
  BOOST_TEST(!s.error());
  BOOST_TEST(s.feed("--b--\r\n").state == eventwire::codec::status::event);
  BOOST_TEST(s.current().kind == event_kind::close);
}

BOOST_AUTO_TEST_CASE(an_invalid_boundary_fails_every_call) {
  for (const std::string& bad : {std::string(), std::string("a\r\nb"), std::string(71, 'x')}) {
    splitter s(bad);
    BOOST_TEST(s.error() == error::invalid_boundary);
    BOOST_TEST(s.feed("--b--").state == eventwire::codec::status::error);
    s.reset();
    BOOST_TEST(s.error() == error::invalid_boundary);
  }
}

BOOST_AUTO_TEST_SUITE_END()
