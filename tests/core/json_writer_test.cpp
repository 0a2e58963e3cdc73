#include <eventwire/json/raw_string.hpp>
#include <eventwire/json/reader.hpp>
#include <eventwire/json/writer.hpp>

#include <boost/test/unit_test.hpp>

#include <cstdint>
#include <string>

namespace json = eventwire::json;

BOOST_AUTO_TEST_SUITE(json_writer)

BOOST_AUTO_TEST_CASE(escapes_what_json_requires) {
  std::string out;
  json::append_string(out, "plain");
  BOOST_TEST(out == R"("plain")");
  out.clear();
  json::append_string(out, "q\"b\\n\nr\rt\tb\bf\f\x01\x1E\x7F caf\xC3\xA9");
  BOOST_TEST(out == "\"q\\\"b\\\\n\\nr\\rt\\tb\\bf\\f\\u0001\\u001e\x7F caf\xC3\xA9\"");
}

BOOST_AUTO_TEST_CASE(every_byte_round_trips_through_the_reader) {
  std::string text;
  for (int c = 1; c < 128; ++c) text.push_back(static_cast<char>(c));
  text += "\xC3\xA9\xF0\x9F\x98\x80";
  std::string encoded;
  json::append_string(encoded, text);
  BOOST_TEST(encoded.find('\x1E') == std::string::npos);
  json::reader r(encoded);
  json::raw_string s;
  BOOST_TEST(r.read_string(s));
  BOOST_TEST(r.finish());
  std::string scratch;
  BOOST_TEST(s.decode(scratch) == text);
}

BOOST_AUTO_TEST_CASE(integers) {
  std::string out;
  json::append_int(out, INT64_MIN);
  out.push_back(',');
  json::append_uint(out, UINT64_MAX);
  BOOST_TEST(out == "-9223372036854775808,18446744073709551615");
}

BOOST_AUTO_TEST_SUITE_END()
