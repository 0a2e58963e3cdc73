#include "signalr_testing.hpp"

#include <eventwire/json/reader.hpp>
#include <eventwire/signalr/hub_message_decoder.hpp>
#include <eventwire/signalr/hub_message_encoder.hpp>
#include <eventwire/testing/split_check.hpp>

#include <boost/json.hpp>
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <string>
#include <vector>

using namespace eventwire;
using namespace eventwire::signalr;
using strings = std::vector<std::string>;

namespace {

// Decodes the records in `encoded` (checked at every split) into their canonical renderings.
std::vector<std::string> decode_all(std::string_view encoded) {
  return eventwire::testing::check_all_splits(encoded, signalr::testing::decode_stream);
}

// Each record must be valid JSON to an independent parser too.
void expect_valid_json(std::string_view encoded) {
  std::size_t start = 0;
  for (std::size_t end; (end = encoded.find('\x1e', start)) != std::string_view::npos; start = end + 1) {
    boost::system::error_code ec;
    boost::json::parse(encoded.substr(start, end - start), ec);
    BOOST_TEST(!ec, encoded.substr(start, end - start));
  }
  BOOST_TEST(start == encoded.size());
}

std::string round_trip(std::string_view encoded) {
  expect_valid_json(encoded);
  const auto got = decode_all(encoded);
  BOOST_TEST_REQUIRE(got.size() == 1u);
  return got.front();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(hub_message_encoder_tests)

BOOST_AUTO_TEST_CASE(invocation_non_blocking_exact_bytes) {
  std::string out;
  const std::string_view arguments[] = {R"({"e":"portos.resources.changed"})", "1"};
  append_invocation(out, call{"Subscribe", arguments});
  BOOST_TEST(out == "{\"type\":1,\"target\":\"Subscribe\",\"arguments\":[{\"e\":\"portos.resources.changed\"},1]}\x1e");
}

BOOST_AUTO_TEST_CASE(invocations_round_trip) {
  const std::string_view arguments[] = {R"("a")", "[1,{\"b\":null}]", "-2.5"};
  const std::string_view stream_ids[] = {"1", "2"};
  const header headers[] = {{"trace", "abc"}, {"q\"", "\\"}};
  std::string out;
  append_invocation(out, call{"Send", arguments});
  BOOST_TEST(round_trip(out) == R"(invocation id=none target="Send" arguments=["a",[1,{"b":null}],-2.5,] streamIds=[] headers={})");
  out.clear();
  append_invocation(out, "42", call{"Send", {}, stream_ids, headers});
  BOOST_TEST(round_trip(out) ==
             R"(invocation id="42" target="Send" arguments=[] streamIds=["1","2",] headers={"trace":"abc","q\"":"\\",})");
  out.clear();
  append_stream_invocation(out, "7", call{"Counter", arguments});
  BOOST_TEST(round_trip(out) == R"(stream_invocation id="7" target="Counter" arguments=["a",[1,{"b":null}],-2.5,] streamIds=[] headers={})");
}

BOOST_AUTO_TEST_CASE(other_types_round_trip) {
  std::string out;
  append_stream_item(out, "7", R"({"n":1})");
  BOOST_TEST(round_trip(out) == R"(stream_item id="7" item={"n":1} headers={})");
  out.clear();
  append_stream_item(out, "7", "null");
  BOOST_TEST(round_trip(out) == R"(stream_item id="7" item=null headers={})");
  out.clear();
  append_completion(out, "1");
  BOOST_TEST(round_trip(out) == R"(completion id="1" result=none error=none headers={})");
  out.clear();
  append_completion_result(out, "1", "[true]");
  BOOST_TEST(round_trip(out) == R"(completion id="1" result=[true] error=none headers={})");
  out.clear();
  append_completion_error(out, "1", "Client didn't provide a result.");
  BOOST_TEST(round_trip(out) == R"(completion id="1" result=none error="Client didn't provide a result." headers={})");
  out.clear();
  append_cancel_invocation(out, "7");
  BOOST_TEST(round_trip(out) == R"(cancel_invocation id="7" headers={})");
  out.clear();
  append_ping(out);
  BOOST_TEST(out == "{\"type\":6}\x1e");
  BOOST_TEST(round_trip(out) == "ping");
  out.clear();
  append_close(out);
  BOOST_TEST(out == "{\"type\":7}\x1e");
  BOOST_TEST(round_trip(out) == "close error=none allowReconnect=none");
  out.clear();
  append_close(out, "Server is stopping", true);
  BOOST_TEST(round_trip(out) == R"(close error="Server is stopping" allowReconnect=true)");
  out.clear();
  append_close(out, std::nullopt, false);
  BOOST_TEST(round_trip(out) == "close error=none allowReconnect=false");
  out.clear();
  append_ack(out, 18446744073709551615u);
  BOOST_TEST(round_trip(out) == "ack 18446744073709551615");
  out.clear();
  append_sequence(out, 1);
  BOOST_TEST(round_trip(out) == "sequence 1");
}

BOOST_AUTO_TEST_CASE(appends_so_one_buffer_holds_many_records) {
  std::string out;
  append_ping(out);
  append_invocation(out, "0", call{"A", {}});
  append_completion(out, "0");
  expect_valid_json(out);
  BOOST_TEST(decode_all(out) == (strings{"ping", R"(invocation id="0" target="A" arguments=[] streamIds=[] headers={})",
                                         R"(completion id="0" result=none error=none headers={})"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(escaping_of_quotes_backslashes_control_characters_and_record_separator) {
  const std::string nasty = std::string("q\"b\\s/\b\f\n\r\t\x01\x1f") + '\x1e' + "\xc3\xa9 end";
  const std::string_view stream_ids[] = {nasty};
  std::string out;
  append_invocation(out, nasty, call{nasty, {}, stream_ids});
  append_completion_error(out, nasty, nasty);
  append_close(out, nasty);
  // Exactly three separators: the escaped 0x1E inside the strings does not count.
  BOOST_TEST(std::count(out.begin(), out.end(), '\x1e') == 3);
  expect_valid_json(out);
  hub_message m;
  const std::string_view first(out.data(), out.find('\x1e'));
  BOOST_TEST_REQUIRE(!decode_hub_message(first, m));
  const auto& inv = std::get<invocation>(m);
  std::string scratch;
  BOOST_TEST(inv.target.decode(scratch) == nasty);
  BOOST_TEST(inv.invocation_id->decode(scratch) == nasty);
  BOOST_TEST((*inv.stream_ids.begin()).decode(scratch) == nasty);
  BOOST_TEST(first.find("\\u001e") != std::string_view::npos);
  BOOST_TEST(first.find("\\\"") != std::string_view::npos);
  BOOST_TEST(first.find("\\\\") != std::string_view::npos);
}

BOOST_AUTO_TEST_CASE(reencoding_a_decoded_message_gives_the_same_fields) {
  const std::string records[] = {
      R"({"type":1,"target":"T\u0041","arguments":[ 1 , "x\n" ],"invocationId":"i\"d","streamIds":["s"],"headers":{"h":"v"}})",
      R"({"type":2,"invocationId":"1","item":{"a" : 1}})",
      R"({"type":3,"invocationId":"1","error":"\u00e9"})",
      R"({"type":4,"invocationId":"1","target":"S","arguments":[]})",
      R"({"type":7,"allowReconnect":false})",
  };
  for (const std::string& record : records) {
    BOOST_TEST_CONTEXT(record) {
      hub_message first;
      BOOST_TEST_REQUIRE(!decode_hub_message(record, first));
      std::string encoded;
      BOOST_TEST_REQUIRE(signalr::testing::reencode(first, encoded));
      BOOST_TEST_REQUIRE(encoded.back() == '\x1e');
      hub_message second;
      BOOST_TEST_REQUIRE(!decode_hub_message(std::string_view(encoded).substr(0, encoded.size() - 1), second));
      BOOST_TEST(signalr::testing::canonical_encodable(first) == signalr::testing::canonical(second));
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()
