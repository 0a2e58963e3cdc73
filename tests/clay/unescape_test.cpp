#include <eventwire/clay/unescape.hpp>
#include <eventwire/json/reader.hpp>

#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

namespace clay = eventwire::clay;
namespace json = eventwire::json;

namespace {

// The raw string of the JSON string literal `literal`, validated by the reader.
json::raw_string raw(std::string_view literal) {
  json::reader r(literal);
  json::raw_string s;
  BOOST_REQUIRE(r.read_string(s));
  BOOST_REQUIRE(r.finish());
  return s;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(clay_unescape)

BOOST_AUTO_TEST_CASE(every_escape_decodes_as_the_reader_decodes_it) {
  const char* const literals[] = {
      R"("")",
      R"("plain")",
      R"("\"\\\/\b\f\n\r\t")",
      R"("{\"a\":\"b\"}")",
      R"("\u0041\u00e9\u20ac\ud83d\ude00")",
      R"("x\u0000y")",
      R"("\u001e")",
      "\"caf\xc3\xa9 \\\"ok\\\"\"",
      R"("\\\\\\")",
      R"("tail\n")",
  };
  for (const char* literal : literals) {
    BOOST_TEST_CONTEXT(literal) {
      const json::raw_string s = raw(literal);
      std::string expected;
      s.append_to(expected);
      std::vector<char> out(s.escaped.size() + 1, '#');
      std::size_t written = 99;
      BOOST_REQUIRE(clay::unescape(s, out.data(), s.escaped.size(), written));
      BOOST_TEST(std::string(out.data(), written) == expected);
      BOOST_TEST(out[s.escaped.size()] == '#');  // nothing written past the capacity
    }
  }
}

BOOST_AUTO_TEST_CASE(the_capacity_is_exact) {
  const json::raw_string s = raw(R"("ab\"c\u00e9")");  // decodes to 6 bytes: ab"c + 2
  std::vector<char> out(16);
  std::size_t written = 0;
  BOOST_TEST(clay::unescape(s, out.data(), 6, written));
  BOOST_TEST(written == 6u);
  for (std::size_t capacity : {0u, 1u, 2u, 3u, 4u, 5u}) {
    std::vector<char> exact(capacity + 1, '#');
    BOOST_TEST(!clay::unescape(s, exact.data(), capacity, written), capacity);
    BOOST_TEST(exact[capacity] == '#');
  }
  const json::raw_string empty = raw(R"("")");
  BOOST_TEST(clay::unescape(empty, nullptr, 0, written));
  BOOST_TEST(written == 0u);
}

BOOST_AUTO_TEST_SUITE_END()
