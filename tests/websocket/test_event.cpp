#include <eventwire/websocket/event.hpp>
#include <eventwire/websocket/opcode.hpp>

#include <boost/lexical_cast.hpp>
#include <boost/test/unit_test.hpp>

#include <string>

namespace {

using namespace eventwire::websocket;

constexpr auto printed = [](const auto& value) { return boost::lexical_cast<std::string>(value); };

}  // namespace

BOOST_AUTO_TEST_SUITE(websocket_event)

BOOST_AUTO_TEST_CASE(events_print_what_they_are) {
  BOOST_TEST(printed(event{event_kind::message, true, "Hello", {}}) == "text message of 5 bytes");
  BOOST_TEST(printed(event{event_kind::message, false, "", {}}) == "binary message of 0 bytes");
  BOOST_TEST(printed(event{event_kind::ping, false, "abc", {}}) == "ping of 3 bytes");
  BOOST_TEST(printed(event{event_kind::pong, false, "", {}}) == "pong of 0 bytes");
  BOOST_TEST(printed(event{event_kind::close, false, "", {1000, "bye"}}) == "close 1000 \"bye\"");
}

BOOST_AUTO_TEST_CASE(opcodes_print_their_names) {
  BOOST_TEST(printed(opcode::continuation) == "continuation");
  BOOST_TEST(printed(opcode::text) == "text");
  BOOST_TEST(printed(opcode::binary) == "binary");
  BOOST_TEST(printed(opcode::close) == "close");
  BOOST_TEST(printed(opcode::ping) == "ping");
  BOOST_TEST(printed(opcode::pong) == "pong");
  BOOST_TEST(printed(static_cast<opcode>(3)) == "opcode(3)");
  BOOST_TEST(is_control(opcode::ping));
  BOOST_TEST(!is_control(opcode::continuation));
  BOOST_TEST(is_known_opcode(0xA));
  BOOST_TEST(!is_known_opcode(0xB));
}

BOOST_AUTO_TEST_SUITE_END()
