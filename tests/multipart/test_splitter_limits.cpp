// Every limit is an error code, never more memory; and the work is linear in the input, however
// it is cut.

#include "render.hpp"

#include <eventwire/multipart/error.hpp>
#include <eventwire/multipart/splitter.hpp>
#include <eventwire/testing/chunks.hpp>
#include <eventwire/testing/split_check.hpp>

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <string>
#include <vector>

namespace {

using namespace eventwire::multipart;
using eventwire::codec::status;
using eventwire::testing::check_all_splits;
using strings = std::vector<std::string>;

constexpr std::size_t most_held(const limits& l) {
  return std::max(l.max_header_block, detail::delimiter::max_line);
}

// Feeds `input` byte by byte, checking after every call that the splitter holds no more than its
// limits allow; returns the error it ends with.
std::error_code feed_bytewise_within_limits(std::string_view boundary, std::string_view input,
                                            limits lim) {
  splitter s(boundary, lim);
  for (std::size_t i = 0; i < input.size() && !s.error(); ++i) {
    std::string_view piece = input.substr(i, 1);
    for (;;) {
      const auto r = s.feed(piece);
      BOOST_REQUIRE_LE(r.consumed, piece.size());
      BOOST_REQUIRE_LE(s.buffer_capacity(), most_held(lim));
      piece.remove_prefix(r.consumed);
      if (r.state != status::event) break;
    }
  }
  return s.error();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(multipart_limits)

BOOST_AUTO_TEST_CASE(header_block_limit) {
  const limits lim{.max_header_block = 8};
  BOOST_TEST(check_all_splits("--b\r\nA: 1\r\n\r\nx\r\n--b--", testing::splitter_decoder("b", lim)) ==
                 strings({"part_begin {A: 1}", "body \"x\"", "part_end", "close"}),
             boost::test_tools::per_element());
  BOOST_TEST(check_all_splits("--b\r\nA: 12\r\n\r\nx\r\n--b--", testing::splitter_decoder("b", lim)) ==
                 strings{"error: multipart part header block exceeds the limit"},
             boost::test_tools::per_element());
  // A line that turns out to begin the body counts only up to the byte that told.
  BOOST_TEST(check_all_splits("--b\r\nA: 1\r\n{\"x\":1}\r\n--b--", testing::splitter_decoder("b", lim)) ==
                 strings({"part_begin {A: 1}", "body \"{\\\"x\\\":1}\"", "part_end", "close"}),
             boost::test_tools::per_element());
  BOOST_TEST(check_all_splits("--b\r\nA: 1\r\nab cd\r\n--b--", testing::splitter_decoder("b", lim)) ==
                 strings({"part_begin {A: 1}", "body \"ab cd\"", "part_end", "close"}),
             boost::test_tools::per_element());
  BOOST_TEST(check_all_splits("--b\r\nA: 1\r\nabc d\r\n--b--", testing::splitter_decoder("b", lim)) ==
                 strings{"error: multipart part header block exceeds the limit"},
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(header_block_that_never_ends_holds_no_more_than_the_limit) {
  const limits lim{.max_header_block = 1024};
  std::string input = "--b\r\n";
  while (input.size() < 64 * 1024) input += "X-Header: some value\r\n";
  BOOST_TEST(feed_bytewise_within_limits("b", input, lim) == error::header_block_too_large);
  // A header line without an end is no different.
  BOOST_TEST(feed_bytewise_within_limits("b", "--b\r\nX: " + std::string(8192, 'v'), lim) ==
             error::header_block_too_large);
  BOOST_TEST(feed_bytewise_within_limits("b", "--b\r\n" + std::string(8192, 'n'), lim) ==
             error::header_block_too_large);
}

BOOST_AUTO_TEST_CASE(header_field_count_limit) {
  const limits lim{.max_header_fields = 2};
  BOOST_TEST(check_all_splits("--b\r\nA: 1\r\nB: 2\r\n\r\n--b--", testing::splitter_decoder("b", lim)) ==
                 strings({"part_begin {A: 1; B: 2}", "part_end", "close"}),
             boost::test_tools::per_element());
  BOOST_TEST(check_all_splits("--b\r\nA: 1\r\nB: 2\r\nC: 3\r\n\r\n--b--",
                              testing::splitter_decoder("b", lim)) ==
                 strings{"error: multipart part has more header fields than the limit"},
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(body_limit) {
  const limits lim{.max_body = 8};
  BOOST_TEST(check_all_splits("--b\r\n\r\n12345678\r\n--b--", testing::splitter_decoder("b", lim)) ==
                 strings({"part_begin {}", "body \"12345678\"", "part_end", "close"}),
             boost::test_tools::per_element());
  BOOST_TEST(check_all_splits("--b\r\n\r\n123456789\r\n--b--", testing::splitter_decoder("b", lim)) ==
                 strings({"part_begin {}", "body \"12345678\"",
                          "error: multipart part body exceeds the limit"}),
             boost::test_tools::per_element());
  BOOST_TEST(check_all_splits("--b\r\n\r\n1234567\r\n\r\n--b--", testing::splitter_decoder("b", lim)) ==
                 strings({"part_begin {}", "body \"1234567\\r\"",
                          "error: multipart part body exceeds the limit"}),
             boost::test_tools::per_element());
  BOOST_TEST(check_all_splits("--b\r\nContent-Length: 9\r\n\r\n123456789\r\n--b--",
                              testing::splitter_decoder("b", lim)) ==
                 strings{"error: multipart part body exceeds the limit"},
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(line_limit_outside_parts) {
  const limits lim{.max_line = 16};
  BOOST_TEST(check_all_splits("0123456789abcd\r\n--b--", testing::splitter_decoder("b", lim)) ==
                 strings{"close"},
             boost::test_tools::per_element());
  BOOST_TEST(check_all_splits("0123456789abcde\r\n--b--", testing::splitter_decoder("b", lim)) ==
                 strings{"error: multipart line outside a part exceeds the limit"},
             boost::test_tools::per_element());
  BOOST_TEST(feed_bytewise_within_limits("b", std::string(1 << 20, 'p'), lim) == error::line_too_long);
  BOOST_TEST(feed_bytewise_within_limits("b", "--b" + std::string(1 << 16, ' '), lim) ==
             error::line_too_long);
}

BOOST_AUTO_TEST_CASE(work_is_linear_in_the_input) {
  // 1 MiB of lines that each look like the start of a delimiter until their last byte: a splitter
  // that rescanned held-back bytes would go quadratic when fed a byte at a time.
  std::string body;
  while (body.size() < (1u << 20)) body += "--GENETECBOUNDARY-x\r\n--GENETECBOUNDAR\r\n{\"k\":1}\r\n";
  body += "end";
  const std::string input = "--GENETECBOUNDARY\r\n\r\n" + body + "\r\n--GENETECBOUNDARY--";
  const strings expected = {"part_begin {}", eventwire::multipart::testing::split_events(
                                                 testing::genetec_boundary, input, {})[1],
                            "part_end", "close"};
  BOOST_TEST(expected[1].size() > body.size());

  const auto bytewise = eventwire::testing::every_byte(input.size());
  BOOST_TEST(testing::split_events(testing::genetec_boundary, input, bytewise) == expected,
             boost::test_tools::per_element());
  std::vector<std::size_t> pages;
  for (std::size_t at = 4096; at < input.size(); at += 4096) pages.push_back(at);
  BOOST_TEST(testing::split_events(testing::genetec_boundary, input, pages) == expected,
             boost::test_tools::per_element());

  // The bytes out are exactly the bytes in, and in as few body events as the inputs allow.
  splitter s(testing::genetec_boundary);
  std::string out;
  std::size_t body_events = 0;
  eventwire::testing::feed_in_chunks(input, pages, [&](std::string_view piece) {
    for (;;) {
      const auto r = s.feed(piece);
      piece.remove_prefix(r.consumed);
      if (r.state != status::event) break;
      if (s.current().kind == event_kind::body) out.append(s.current().bytes), ++body_events;
    }
  });
  BOOST_TEST(out == body);
  BOOST_TEST(body_events <= 2 * pages.size() + 2);
}

BOOST_AUTO_TEST_SUITE_END()
