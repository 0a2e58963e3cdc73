#include <eventwire/json/raw_string.hpp>
#include <eventwire/json/reader.hpp>

#include <boost/test/unit_test.hpp>

#include <string>
#include <utility>
#include <vector>

using eventwire::json::raw_string;
using eventwire::json::reader;

namespace {

raw_string read(std::string_view text) {
  reader r(text);
  raw_string s;
  BOOST_REQUIRE(r.read_string(s));
  return s;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(json_string)

BOOST_AUTO_TEST_CASE(plain_strings_decode_to_the_view_itself) {
  const std::string text = R"("hello")";
  const raw_string s = read(text);
  std::string scratch;
  const std::string_view decoded = s.decode(scratch);
  BOOST_TEST(decoded == "hello");
  BOOST_TEST(decoded.data() == text.data() + 1);
  BOOST_TEST(scratch.empty());
  BOOST_TEST(s.equals("hello"));
  BOOST_TEST(!s.equals("hell"));
}

BOOST_AUTO_TEST_CASE(escapes_decode) {
  std::string scratch;
  BOOST_TEST(read(R"("a\"b\\c\/d\be\ff\ng\rh\ti")").decode(scratch) == "a\"b\\c/d\be\ff\ng\rh\ti");
  BOOST_TEST(read(R"("\u0041\u00e9\u20AC")").decode(scratch) == "A\xC3\xA9\xE2\x82\xAC");
  BOOST_TEST(read(R"("\uD83D\uDE00!")").decode(scratch) == "\xF0\x9F\x98\x80!");
  BOOST_TEST(read(R"("\u001e")").decode(scratch) == "\x1E");
  BOOST_TEST(read(R"("ty\u0070e")").equals("type"));
  BOOST_TEST(!read(R"("ty\u0070e")").equals("typo"));
  BOOST_TEST(!read(R"("\n")").equals("longer than the raw text"));
  BOOST_TEST(!read(R"("ty\u0070e")").equals("typ"));
  BOOST_TEST(!read(R"("ty\u0070e")").equals("typee"));
  BOOST_TEST(read(R"("\uD83D\uDE00\n")").equals("\xF0\x9F\x98\x80\n"));
  BOOST_TEST(!read(R"("\uD83D\uDE00\n")").equals("\xF0\x9F\x98\x81\n"));
}

BOOST_AUTO_TEST_CASE(json_inside_a_string_decodes_to_json) {
  std::string scratch;
  const std::string_view inner = read(R"("{\"id\":1,\"name\":\"Door \\\"A\\\"\"}")").decode(scratch);
  BOOST_TEST(inner == R"({"id":1,"name":"Door \"A\""})");
  reader r(inner);
  BOOST_TEST(r.skip());
  BOOST_TEST(r.finish());
}

BOOST_AUTO_TEST_CASE(append_to_appends) {
  std::string out = "x=";
  read(R"("a\tb")").append_to(out);
  read(R"("c")").append_to(out);
  BOOST_TEST(out == "x=a\tbc");
}

// Each literal with what it decodes to, written out by hand; padded in front so that every escape
// also lands across an eight-byte word boundary.
BOOST_AUTO_TEST_CASE(decode_into_writes_the_decoded_text_and_nothing_past_it) {
  const std::pair<std::string_view, std::string_view> cases[] = {
      {"", ""},
      {"plain", "plain"},
      {R"(\"\\/\b\f\n\r\t)", "\"\\/\b\f\n\r\t"},
      {R"({\"a\":\"b\"})", R"({"a":"b"})"},
      {R"(\u0041\u00e9\u20ac\ud83d\ude00)", "A\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80"},
      {R"(x\u0000y)", std::string_view("x\0y", 3)},
      {"caf\xc3\xa9 \\\"ok\\\"", "caf\xc3\xa9 \"ok\""},
      {R"(\\\\\\)", R"(\\\)"},
      {R"(tail\n)", "tail\n"},
  };
  for (const auto& [escaped, expected] : cases) {
    for (std::size_t pad = 0; pad < 9; ++pad) {
      const std::string literal = "\"" + std::string(pad, '.') + std::string(escaped) + "\"";
      const std::string want = std::string(pad, '.') + std::string(expected);
      BOOST_TEST_CONTEXT(literal) {
        const raw_string s = read(literal);
        std::vector<char> out(s.escaped.size() + 1, '#');
        std::size_t written = 99;
        BOOST_REQUIRE(s.decode_into(out.data(), s.escaped.size(), written));
        BOOST_TEST(std::string(out.data(), written) == want);
        BOOST_TEST(out[s.escaped.size()] == '#');
        std::string appended = "<";
        s.append_to(appended);
        BOOST_TEST(appended == "<" + want);
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(decode_into_stops_at_its_capacity) {
  const raw_string s = read(R"("ab\"c\u00e9")");  // decodes to 6 bytes: ab"c and two for the e
  std::vector<char> out(16);
  std::size_t written = 0;
  BOOST_TEST(s.decode_into(out.data(), 6, written));
  BOOST_TEST(written == 6u);
  for (std::size_t capacity = 0; capacity < 6; ++capacity) {
    std::vector<char> exact(capacity + 1, '#');
    BOOST_TEST(!s.decode_into(exact.data(), capacity, written), capacity);
    BOOST_TEST(exact[capacity] == '#');
  }
  const std::string long_text = "\"" + std::string(40, 'x') + R"(\n")";
  const raw_string l = read(long_text);
  std::vector<char> room(41, '#');
  BOOST_TEST(!l.decode_into(room.data(), 40, written));  // the word-at-a-time path stops too
  BOOST_TEST(room[40] == '#');
  BOOST_TEST(read(R"("")").decode_into(nullptr, 0, written));
  BOOST_TEST(written == 0u);
}

BOOST_AUTO_TEST_CASE(from_validated_takes_a_string_without_a_second_scan) {
  raw_string s;
  BOOST_TEST(raw_string::from_validated(R"("a\"b")", s));
  BOOST_TEST(s.escaped == R"(a\"b)");
  BOOST_TEST(s.has_escapes);
  BOOST_TEST(raw_string::from_validated(R"("plain")", s));
  BOOST_TEST(s.escaped == "plain");
  BOOST_TEST(!s.has_escapes);
  BOOST_TEST(raw_string::from_validated(R"("")", s));
  BOOST_TEST(s.escaped.empty());
  for (std::string_view other : {"1", "[\"a\"]", "{}", "null", "", "\""})
    BOOST_TEST(!raw_string::from_validated(other, s), other);
}

BOOST_AUTO_TEST_SUITE_END()
