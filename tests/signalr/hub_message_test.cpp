#include <eventwire/signalr/hub_message.hpp>
#include <eventwire/signalr/hub_message_decoder.hpp>

#include <boost/test/unit_test.hpp>

#include <sstream>
#include <string>

using namespace eventwire::signalr;

namespace {

std::string printed(std::string_view record) {
  hub_message m;
  BOOST_TEST_REQUIRE(!decode_hub_message(record, m));
  std::ostringstream os;
  os << m;
  return os.str();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(hub_message_tests)

BOOST_AUTO_TEST_CASE(every_message_prints) {
  BOOST_TEST(printed(R"({"type":1,"target":"T","arguments":[1, 2]})") == "invocation{target=\"T\", arguments=[1, 2]}");
  BOOST_TEST(printed(R"({"type":1,"invocationId":"1","target":"T","arguments":[],"streamIds":["2"],"headers":{"a":"b"}})") ==
             R"(invocation{invocationId="1", target="T", arguments=[], streamIds=["2"], headers={"a":"b"}})");
  BOOST_TEST(printed(R"({"type":2,"invocationId":"1","item":null})") == R"(stream_item{invocationId="1", item=null})");
  BOOST_TEST(printed(R"({"type":3,"invocationId":"1","result":{"a":1}})") == R"(completion{invocationId="1", result={"a":1}})");
  BOOST_TEST(printed(R"({"type":3,"invocationId":"1","error":"e\""})") == R"(completion{invocationId="1", error="e\""})");
  BOOST_TEST(printed(R"({"type":4,"invocationId":"1","target":"T","arguments":[]})") ==
             R"(stream_invocation{invocationId="1", target="T", arguments=[]})");
  BOOST_TEST(printed(R"({"type":5,"invocationId":"1"})") == R"(cancel_invocation{invocationId="1"})");
  BOOST_TEST(printed(R"({"type":6})") == "ping{}");
  BOOST_TEST(printed(R"({"type":7,"error":"x","allowReconnect":true})") == R"(close{error="x", allowReconnect=true})");
  BOOST_TEST(printed(R"({"type":7,"allowReconnect":false})") == "close{allowReconnect=false}");
  BOOST_TEST(printed(R"({"type":8,"sequenceId":3})") == "ack{sequenceId=3}");
  BOOST_TEST(printed(R"({"type":9,"sequenceId":4})") == "sequence{sequenceId=4}");
  BOOST_TEST(printed(R"({"type":12})") == "unknown_message{type=12}");
}

BOOST_AUTO_TEST_CASE(message_type_prints) {
  std::ostringstream os;
  os << message_type::stream_invocation << ' ' << message_type::sequence << ' ' << static_cast<message_type>(42);
  BOOST_TEST(os.str() == "stream_invocation sequence message_type(42)");
}

BOOST_AUTO_TEST_SUITE_END()
