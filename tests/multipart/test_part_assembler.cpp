#include "render.hpp"

#include <eventwire/multipart/part_assembler.hpp>
#include <eventwire/testing/chunks.hpp>
#include <eventwire/testing/split_check.hpp>

#include <boost/test/unit_test.hpp>

#include <functional>
#include <string>
#include <vector>

namespace {

using namespace eventwire::multipart;
using eventwire::codec::status;
using eventwire::testing::check_all_splits;
using strings = std::vector<std::string>;

bool lies_within(std::string_view outer, std::string_view inner) {
  if (inner.empty()) return true;
  const std::less_equal<const char*> le;
  return le(outer.data(), inner.data()) &&
         le(inner.data() + inner.size(), outer.data() + outer.size());
}

const std::string rfc_input =
    "preamble\r\n--b\r\nContent-Type: text/json\r\n\r\n{\"a\":1}\r\n--b\r\nKeepAlive\r\n"
    "--b\r\nContent-Length: 6\r\n\r\nx\r\n--b\r\n--b\r\nX: 1\r\n\r\n\r\n--b--\r\n";

}  // namespace

BOOST_AUTO_TEST_SUITE(multipart_part_assembler)

BOOST_AUTO_TEST_CASE(same_items_in_every_split) {
  const strings expected = {"part {Content-Type: text/json}, body \"{\\\"a\\\":1}\"",
                            "heartbeat \"KeepAlive\"",
                            "part {Content-Length: 6} length 6, body \"x\\r\\n--b\"",
                            "part {X: 1}, body \"\"", "close"};
  BOOST_TEST(check_all_splits(rfc_input, testing::assembler_decoder("b")) == expected,
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_part_within_one_input_is_not_copied) {
  part_assembler a("b");
  std::string_view in = rfc_input;
  std::size_t parts = 0;
  for (;;) {
    const auto r = a.feed(in);
    in.remove_prefix(r.consumed);
    if (r.state != status::event) break;
    const assembled& item = a.current();
    if (item.kind != assembled_kind::part) continue;
    ++parts;
    BOOST_TEST(lies_within(rfc_input, item.body));
    for (const header_field& f : item.headers) {
      BOOST_TEST(lies_within(rfc_input, f.name));
      BOOST_TEST(lies_within(rfc_input, f.value));
    }
  }
  BOOST_TEST(parts == 3u);
  BOOST_TEST(a.buffer_capacity() <= 15u * 3);  // nothing allocated beyond empty strings
}

BOOST_AUTO_TEST_CASE(a_part_across_inputs_is_copied_within_the_limits) {
  const limits lim{.max_header_block = 64, .max_body = 4096};
  std::string input = "--b\r\nContent-Type: text/json\r\n\r\n" + std::string(4000, 'j') + "\r\n--b--";
  const auto bytes = eventwire::testing::every_byte(input.size());
  const strings items = testing::assembled_items("b", input, bytes, lim);
  BOOST_REQUIRE_EQUAL(items.size(), 2u);
  BOOST_TEST(items[0] == "part {Content-Type: text/json}, body \"" + std::string(4000, 'j') + "\"");

  part_assembler a("b", lim);
  eventwire::testing::feed_in_chunks(input, bytes, [&](std::string_view piece) {
    for (;;) {
      const auto r = a.feed(piece);
      piece.remove_prefix(r.consumed);
      BOOST_REQUIRE_LE(a.buffer_capacity(), 64u + 94u + 64u + 4096u);
      if (r.state != status::event) break;
    }
  });
}

BOOST_AUTO_TEST_CASE(errors_pass_through) {
  const limits lim{.max_body = 4};
  BOOST_TEST(check_all_splits("--b\r\n\r\n12345\r\n--b--", testing::assembler_decoder("b", lim)) ==
                 strings{"error: multipart part body exceeds the limit"},
             boost::test_tools::per_element());
  BOOST_TEST(check_all_splits("--b\r\n\r\n1234", testing::assembler_decoder("b")) ==
                 strings{"error: multipart input ended inside a part"},
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(reset_forgets_a_part_in_progress) {
  part_assembler a("b");
  BOOST_TEST(a.feed("--b\r\nA: 1\r\n\r\nhalf").state == status::need_more);
  a.reset();
  BOOST_TEST(a.feed("--b\r\nB: 2\r\n\r\nwhole\r\n--b\r\n").state == status::event);
  BOOST_TEST(a.current().body == "whole");
  BOOST_TEST(a.current().headers.size() == 1u);
  BOOST_TEST(a.current().headers[0].name == "B");
}

BOOST_AUTO_TEST_SUITE_END()
