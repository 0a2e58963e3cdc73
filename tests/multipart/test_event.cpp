// Printing: every type reads well in a failed test.

#include <eventwire/multipart/event.hpp>
#include <eventwire/multipart/limits.hpp>
#include <eventwire/multipart/part_assembler.hpp>
#include <eventwire/multipart/splitter.hpp>

#include <boost/test/unit_test.hpp>

#include <sstream>
#include <string>

namespace {

using namespace eventwire::multipart;

template <class T>
std::string text(const T& value) {
  std::ostringstream os;
  os << value;
  return os.str();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(multipart_printing)

BOOST_AUTO_TEST_CASE(events) {
  const header_field fields[] = {{"Content-type", "text/json"}, {"Content-Length", "2"}};
  BOOST_TEST(text(event{event_kind::part_begin, fields, 2, {}}) ==
             "part_begin {Content-type: text/json; Content-Length: 2} length 2");
  BOOST_TEST(text(event{event_kind::body, {}, {}, std::string_view("a\"\\\r\n\t\x01\xff", 8)}) ==
             "body \"a\\\"\\\\\\r\\n\\t\\x01\\xff\"");
  BOOST_TEST(text(event{event_kind::part_end, {}, {}, {}}) == "part_end");
  BOOST_TEST(text(event{event_kind::heartbeat, {}, {}, "KeepAlive"}) == "heartbeat \"KeepAlive\"");
  BOOST_TEST(text(event{event_kind::close, {}, {}, {}}) == "close");
  BOOST_TEST(text(static_cast<event_kind>(9)) == "event_kind(9)");
}

BOOST_AUTO_TEST_CASE(assembled_items_limits_and_codecs) {
  const header_field fields[] = {{"A", "1"}};
  BOOST_TEST(text(assembled{assembled_kind::part, fields, {}, "{}"}) == "part {A: 1}, body \"{}\"");
  BOOST_TEST(text(assembled{assembled_kind::heartbeat, {}, {}, "KeepAlive"}) ==
             "heartbeat \"KeepAlive\"");
  BOOST_TEST(text(assembled{}) == "close");
  BOOST_TEST(text(limits{}) == "{header block 16384, header fields 100, body 16777216, line 16384}");
  splitter s("b");
  BOOST_TEST(text(s) == "multipart::splitter{preamble}");
  s.feed("--b\r\nContent-Length: x\r\n\r\n");
  BOOST_TEST(text(s) ==
             "multipart::splitter{headers, error: multipart part has an invalid or conflicting "
             "Content-Length}");
}

BOOST_AUTO_TEST_CASE(find_header_ignores_case) {
  const header_field fields[] = {{"Content-type", "text/json"}, {"content-type", "second"}};
  BOOST_TEST(find_header(fields, "CONTENT-TYPE").value_or("") == "text/json");
  BOOST_TEST(!find_header(fields, "Content-Length"));
  BOOST_TEST(text(fields[0]) == "Content-type: text/json");
}

BOOST_AUTO_TEST_SUITE_END()
