#include "signalr_testing.hpp"

#include <eventwire/codec/condition.hpp>
#include <eventwire/json/error.hpp>
#include <eventwire/json/reader.hpp>
#include <eventwire/signalr/error.hpp>
#include <eventwire/signalr/hub_message_decoder.hpp>
#include <eventwire/testing/split_check.hpp>

#include <boost/test/unit_test.hpp>

#include <cstdint>
#include <string>
#include <vector>

using namespace eventwire;
using namespace eventwire::signalr;
using signalr::testing::canonical;
using strings = std::vector<std::string>;

namespace {

// Decodes every record of `stream` whole, split at every point and byte by byte.
std::vector<std::string> check(std::string_view stream) {
  return eventwire::testing::check_all_splits(stream, signalr::testing::decode_stream);
}

// The canonical rendering of one record, checked through the framer at every split as well.
std::string decoded(const std::string& record) {
  const auto got = check(record + "\x1e");
  BOOST_TEST_REQUIRE(got.size() == 1u);
  return got.front();
}

std::error_code decode_error(std::string_view record) {
  hub_message m;
  return decode_hub_message(record, m);
}

template <class T>
T decode_as(std::string_view record) {
  hub_message m;
  const std::error_code ec = decode_hub_message(record, m);
  BOOST_TEST_REQUIRE(!ec, ec.message());
  BOOST_TEST_REQUIRE(std::holds_alternative<T>(m));
  return std::get<T>(m);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(hub_message_decoder_tests)

BOOST_AUTO_TEST_CASE(invocation_non_blocking_and_blocking) {
  BOOST_TEST(decoded(R"({"type":1,"target":"Send","arguments":[1,"two",{"three":3}]})") ==
             R"(invocation id=none target="Send" arguments=[1,"two",{"three":3},] streamIds=[] headers={})");
  BOOST_TEST(decoded(R"({"type":1,"invocationId":"123","target":"Send","arguments":[]})") ==
             R"(invocation id="123" target="Send" arguments=[] streamIds=[] headers={})");
}

BOOST_AUTO_TEST_CASE(invocation_with_stream_ids_and_headers) {
  BOOST_TEST(decoded(R"({"type":1,"target":"Upload","arguments":["a"],"streamIds":["7","8"],"headers":{"k":"v","x-y":"z"}})") ==
             R"(invocation id=none target="Upload" arguments=["a",] streamIds=["7","8",] headers={"k":"v","x-y":"z",})");
  const auto m = decode_as<invocation>(R"({"type":1,"target":"U","arguments":[],"streamIds":["7"],"headers":{"a":"b"}})");
  BOOST_TEST(m.stream_ids.size() == 1u);
  BOOST_TEST((*m.stream_ids.begin()).equals("7"));
  BOOST_TEST(m.headers.begin()->name.equals("a"));
  BOOST_TEST(m.headers.begin()->value.equals("b"));
}

BOOST_AUTO_TEST_CASE(type_last_and_keys_in_any_order) {
  const std::string expected = R"(invocation id="0" target="Go" arguments=[true,] streamIds=[] headers={})";
  BOOST_TEST(decoded(R"({"target":"Go","arguments":[true],"invocationId":"0","type":1})") == expected);
  BOOST_TEST(decoded(R"({"arguments":[true],"type":1,"invocationId":"0","target":"Go"})") == expected);
  BOOST_TEST(decoded("\t{ \"invocationId\" : \"0\" ,\n\"arguments\" : [ true ] , \"target\":\"Go\", \"type\" : 1 }\r\n") == expected);
}

BOOST_AUTO_TEST_CASE(unknown_fields_are_ignored) {
  BOOST_TEST(decoded(R"({"type":1,"nonce":{"deep":[1,{"target":5}]},"target":"T","arguments":[],"x":null})") ==
             R"(invocation id=none target="T" arguments=[] streamIds=[] headers={})");
  BOOST_TEST(decoded(R"({"type":6,"target":5,"invocationId":[],"item":1})") == "ping");
}

BOOST_AUTO_TEST_CASE(escaped_keys_are_matched_decoded) {
  BOOST_TEST(decoded(R"({"t\u0079pe":6})") == "ping");
}

BOOST_AUTO_TEST_CASE(stream_item) {
  BOOST_TEST(decoded(R"({"type":2,"invocationId":"1","item":{"a":[1,2]}})") ==
             R"(stream_item id="1" item={"a":[1,2]} headers={})");
  BOOST_TEST(decoded(R"({"item":null,"invocationId":"1","type":2})") == R"(stream_item id="1" item=null headers={})");
}

BOOST_AUTO_TEST_CASE(completion_with_result_error_and_void) {
  BOOST_TEST(decoded(R"({"type":3,"invocationId":"1","result":42})") ==
             R"(completion id="1" result=42 error=none headers={})");
  BOOST_TEST(decoded(R"({"type":3,"invocationId":"1","result":null})") ==
             R"(completion id="1" result=null error=none headers={})");
  BOOST_TEST(decoded(R"({"type":3,"invocationId":"1","error":"It broke"})") ==
             R"(completion id="1" result=none error="It broke" headers={})");
  BOOST_TEST(decoded(R"({"type":3,"invocationId":"1"})") == R"(completion id="1" result=none error=none headers={})");
  BOOST_TEST(decoded(R"({"type":3,"invocationId":"1","error":null,"result":[]})") ==
             R"(completion id="1" result=[] error=none headers={})");
}

BOOST_AUTO_TEST_CASE(completion_with_both_result_and_error) {
  BOOST_TEST(decoded(R"({"type":3,"invocationId":"1","result":1,"error":"e"})") ==
             "error: the 'error' and 'result' properties are mutually exclusive");
}

BOOST_AUTO_TEST_CASE(stream_invocation_cancel_ping_close_ack_sequence) {
  BOOST_TEST(decoded(R"({"type":4,"invocationId":"9","target":"Counter","arguments":[10,500]})") ==
             R"(stream_invocation id="9" target="Counter" arguments=[10,500,] streamIds=[] headers={})");
  BOOST_TEST(decoded(R"({"type":5,"invocationId":"9"})") == R"(cancel_invocation id="9" headers={})");
  BOOST_TEST(decoded(R"({"type":6})") == "ping");
  BOOST_TEST(decoded(R"({"type":7})") == "close error=none allowReconnect=none");
  BOOST_TEST(decoded(R"({"type":7,"error":"Connection closed with an error.","allowReconnect":true})") ==
             R"(close error="Connection closed with an error." allowReconnect=true)");
  BOOST_TEST(decoded(R"({"type":8,"sequenceId":1394})") == "ack 1394");
  BOOST_TEST(decoded(R"({"type":9,"sequenceId":1})") == "sequence 1");
}

BOOST_AUTO_TEST_CASE(unknown_type_is_a_distinct_result) {
  BOOST_TEST(decoded(R"({"type":99,"whatever":{}})") == "unknown type 99");
  BOOST_TEST(decoded(R"({"type":0})") == "unknown type 0");
  BOOST_TEST(decoded(R"({"type":-3})") == "unknown type -3");
}

BOOST_AUTO_TEST_CASE(escaped_strings_in_target_and_arguments) {
  const auto m = decode_as<invocation>(
      R"({"type":1,"target":"Re\u0063eive\"Q\"\\","arguments":["line\nbreak \u001e \ud83d\ude00","\/"]})");
  std::string scratch;
  BOOST_TEST(m.target.has_escapes);
  BOOST_TEST(m.target.decode(scratch) == "Receive\"Q\"\\");
  std::vector<std::string> arguments;
  for (std::string_view a : m.arguments) {
    json::reader r(a);
    json::raw_string s;
    BOOST_TEST_REQUIRE(r.read_string(s));
    BOOST_TEST(r.finish());
    arguments.emplace_back(s.decode(scratch));
  }
  BOOST_TEST(arguments == (strings{"line\nbreak \x1e \xf0\x9f\x98\x80", "/"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(nested_json_arguments_are_kept_as_exact_text) {
  const std::string record =
      R"({"type":1,"target":"T","arguments":[ {"a":[1,[2,[3]],{"b":null}]} , [] ,-1.5e3,"s",false]})";
  const auto m = decode_as<invocation>(record);
  std::vector<std::string> elements;
  for (std::string_view a : m.arguments) {
    const auto begin = reinterpret_cast<std::uintptr_t>(record.data());
    BOOST_TEST(reinterpret_cast<std::uintptr_t>(a.data()) >= begin);
    BOOST_TEST(reinterpret_cast<std::uintptr_t>(a.data() + a.size()) <= begin + record.size());
    elements.emplace_back(a);
  }
  BOOST_TEST(elements == (strings{R"({"a":[1,[2,[3]],{"b":null}]})", "[]", "-1.5e3", R"("s")", "false"}),
             boost::test_tools::per_element());
  BOOST_TEST(m.arguments.size() == 5u);
  BOOST_TEST(m.arguments.text() == R"([ {"a":[1,[2,[3]],{"b":null}]} , [] ,-1.5e3,"s",false])");
}

// Clay: ReceiveMessage with one string argument that itself holds JSON.
BOOST_AUTO_TEST_CASE(clay_receive_message_with_json_in_a_string) {
  const std::string record =
      R"({"type":1,"target":"ReceiveMessage","arguments":["{\"id\":1,\"type\":\"incident\",\"site\":\"site-42\",\"message\":\"Door \\\"A\\\" forced\"}"]})";
  BOOST_TEST(decoded(record) ==
             R"(invocation id=none target="ReceiveMessage" arguments=["{\"id\":1,\"type\":\"incident\",\"site\":\"site-42\",\"message\":\"Door \\\"A\\\" forced\"}",] streamIds=[] headers={})");
  // The handler's own work: one reader for the string, one for the JSON inside it.
  const auto m = decode_as<invocation>(record);
  BOOST_TEST(m.target.equals("ReceiveMessage"));
  json::reader outer(*m.arguments.begin());
  json::raw_string message;
  BOOST_TEST_REQUIRE(outer.read_string(message));
  std::string inner_text;
  json::reader inner(message.decode(inner_text));
  std::int64_t id = 0;
  std::string door;
  BOOST_TEST_REQUIRE(inner.begin_object());
  for (json::raw_string key; inner.next_member(key);) {
    if (key.equals("id")) {
      inner.read_int64(id);
    } else if (key.equals("message")) {
      json::raw_string s;
      inner.read_string(s);
      s.append_to(door);
    } else {
      inner.skip();
    }
  }
  BOOST_TEST(inner.finish());
  BOOST_TEST(id == 1);
  BOOST_TEST(door == "Door \"A\" forced");
}

// Portos: OnEvent with one short-key notification object.
BOOST_AUTO_TEST_CASE(portos_on_event) {
  const std::string notification =
      R"({"e":"portos.resources.changed","s":{"c":"conn-1","u":{"u":"admin","d":"POS-1"}},"ca":"2024-05-01T10:00:00.123+02:00","p":{"u":{"u":"42","d":"Jane"},"n":"door","a":1,"i":{"i":"17","n":"door","v":3},"r":[{"i":"17","n":"door","v":3}]}})";
  const std::string record = R"({"type":1,"target":"OnEvent","arguments":[)" + notification + "]}";
  BOOST_TEST(decoded(record) == "invocation id=none target=\"OnEvent\" arguments=[" + notification +
                                    ",] streamIds=[] headers={}");
  const auto m = decode_as<invocation>(record);
  BOOST_TEST(*m.arguments.begin() == notification);
  json::reader r(*m.arguments.begin());
  json::raw_string event;
  BOOST_TEST_REQUIRE(r.begin_object());
  for (json::raw_string key; r.next_member(key);) key.equals("e") ? r.read_string(event) : r.skip();
  BOOST_TEST(r.finish());
  BOOST_TEST(event.equals("portos.resources.changed"));
}

// Genetec Mission Control: IncidentNotification.
BOOST_AUTO_TEST_CASE(mission_control_incident_notification) {
  const std::string notification =
      R"({"EventType":"StateChanged","IncidentId":"7d6e1c2a-4c1b-4f0e-9a39-2b8f4f1f3c11","Timestamp":"2024-05-01T08:00:00Z","Data":{"State":"Active","PreviousState":"New"}})";
  const std::string record =
      R"({"type":1,"target":"IncidentNotification","arguments":[)" + notification + "]}";
  BOOST_TEST(decoded(record) == "invocation id=none target=\"IncidentNotification\" arguments=[" + notification +
                                    ",] streamIds=[] headers={}");
}

BOOST_AUTO_TEST_CASE(several_records_and_a_partial_one) {
  const auto got = check("{\"type\":6}\x1e{\"type\":8,\"sequenceId\":2}\x1e{\"type\":");
  BOOST_TEST(got == (strings{"ping", "ack 2", "error: connection ended inside a record"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(missing_and_invalid_type) {
  BOOST_TEST(decoded(R"({"target":"T","arguments":[]})") == "error: hub message without a 'type'");
  BOOST_TEST(decoded(R"({"type":"1"})") == "error: hub message 'type' is not an integer");
  BOOST_TEST(decoded(R"({"type":1.5})") == "error: hub message 'type' is not an integer");
  BOOST_TEST(decoded(R"({"type":null})") == "error: hub message 'type' is not an integer");
  BOOST_TEST(decoded(R"({"type":99999999999999999999})") == "error: hub message 'type' is not an integer");
}

BOOST_AUTO_TEST_CASE(invalid_json) {
  BOOST_TEST(decoded(R"({"type":6)") == "error: JSON text ended unexpectedly");
  BOOST_TEST(decoded("") == "error: JSON text ended unexpectedly");
  BOOST_TEST(decoded(R"([6])") == "error: expected a JSON object");
  BOOST_TEST(decoded(R"({"type":6}{})") == "error: unexpected data after the JSON value");
  BOOST_TEST(decode_error(R"({"type":1,"target":"T","arguments":[tru]})") ==
             make_error_code(json::error::unexpected_character));
  BOOST_TEST((decode_error("{\"type\":6,\"x\":\"\xff\"}") == codec::condition::protocol_violation));
}

BOOST_AUTO_TEST_CASE(every_hub_message_error_text) {
  const std::pair<const char*, const char*> cases[] = {
      {R"({"type":1,"arguments":[]})", "invocation without a target"},
      {R"({"type":1,"target":"","arguments":[]})", "invocation without a target"},
      {R"({"type":1,"target":null,"arguments":[]})", "invocation without a target"},
      {R"({"type":1,"target":7,"arguments":[]})", "invocation 'target' is not a string"},
      {R"({"type":1,"target":"T"})", "invocation without an 'arguments' array"},
      {R"({"type":1,"target":"T","arguments":{}})", "invocation 'arguments' is not an array"},
      {R"({"type":1,"target":"T","arguments":null})", "invocation 'arguments' is not an array"},
      {R"({"type":1,"target":"T","arguments":[],"invocationId":1})", "hub message 'invocationId' is not a string"},
      {R"({"type":1,"target":"T","arguments":[],"streamIds":["1",2]})", "invocation 'streamIds' is not an array of strings"},
      {R"({"type":4,"invocationId":"1","target":"T","arguments":[],"streamIds":"1"})",
       "invocation 'streamIds' is not an array of strings"},
      {R"({"type":1,"target":"T","arguments":[],"headers":{"a":1}})", "hub message 'headers' is not an object of strings"},
      {R"({"type":5,"invocationId":"1","headers":[]})", "hub message 'headers' is not an object of strings"},
      {R"({"type":4,"target":"T","arguments":[]})", "stream invocation without an invocationId"},
      {R"({"type":2,"item":1})", "stream item without an invocationId"},
      {R"({"type":2,"invocationId":"1"})", "stream item without an 'item'"},
      {R"({"type":3,"result":1})", "completion without an invocationId"},
      {R"({"type":3,"invocationId":null})", "completion without an invocationId"},
      {R"({"type":3,"invocationId":"1","error":1})", "hub message 'error' is not a string"},
      {R"({"type":3,"invocationId":"1","result":1,"error":"e"})", "the 'error' and 'result' properties are mutually exclusive"},
      {R"({"type":5})", "cancel invocation without an invocationId"},
      {R"({"type":7,"error":false})", "hub message 'error' is not a string"},
      {R"({"type":7,"allowReconnect":"yes"})", "close message 'allowReconnect' is not a boolean"},
      {R"({"type":8})", "ack without a sequenceId"},
      {R"({"type":9})", "sequence message without a sequenceId"},
      {R"({"type":8,"sequenceId":-1})", "hub message 'sequenceId' is not a non-negative integer"},
      {R"({"type":9,"sequenceId":"1"})", "hub message 'sequenceId' is not a non-negative integer"},
  };
  for (const auto& [record, message] : cases) {
    BOOST_TEST_CONTEXT(record) {
      const std::error_code ec = decode_error(record);
      BOOST_TEST(ec.message() == message);
      BOOST_TEST((&ec.category() == &signalr::error_category()));
      BOOST_TEST((ec == codec::condition::protocol_violation));
    }
  }
}

BOOST_AUTO_TEST_CASE(views_point_into_the_record) {
  const std::string record = R"({"type":3,"invocationId":"abc","result":{"x":1}})";
  const auto m = decode_as<completion>(record);
  BOOST_TEST(static_cast<const void*>(m.invocation_id.escaped.data()) == static_cast<const void*>(record.data() + 26));
  BOOST_TEST(*m.result == R"({"x":1})");
  BOOST_TEST(static_cast<const void*>(m.result->data()) == static_cast<const void*>(record.data() + 40));
}

BOOST_AUTO_TEST_CASE(deep_nesting_is_a_limit) {
  const std::string record = R"({"type":1,"target":"T","arguments":[)" + std::string(100, '[') + std::string(100, ']') + "]}";
  BOOST_TEST((decode_error(record) == codec::condition::limit_exceeded));
}

BOOST_AUTO_TEST_SUITE_END()
