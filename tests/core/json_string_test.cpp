#include <eventwire/json/raw_string.hpp>
#include <eventwire/json/reader.hpp>

#include <boost/test/unit_test.hpp>

#include <string>

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

BOOST_AUTO_TEST_SUITE_END()
