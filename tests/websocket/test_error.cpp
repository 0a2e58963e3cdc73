#include <eventwire/codec/condition.hpp>
#include <eventwire/websocket/error.hpp>

#include <boost/test/unit_test.hpp>

#include <set>
#include <sstream>
#include <string>
#include <system_error>

namespace {

using eventwire::codec::condition;
using eventwire::websocket::error;

struct expected_error {
  error code;
  const char* message;
  condition maps_to;
};

const expected_error all_errors[] = {
    {error::reserved_bits_set, "WebSocket frame has a reserved bit set (no extension was negotiated)",
     condition::protocol_violation},
    {error::unknown_opcode, "WebSocket frame has an unknown opcode", condition::protocol_violation},
    {error::fragmented_control_frame, "WebSocket control frame is fragmented (FIN not set)",
     condition::protocol_violation},
    {error::control_frame_too_large, "WebSocket control frame payload is longer than 125 bytes",
     condition::protocol_violation},
    {error::masked_frame_from_server, "WebSocket frame from the server is masked", condition::protocol_violation},
    {error::unmasked_frame_from_client, "WebSocket frame from the client is not masked",
     condition::protocol_violation},
    {error::length_not_minimal, "WebSocket frame length is not in its shortest form", condition::protocol_violation},
    {error::length_too_large, "WebSocket frame length has its most significant bit set",
     condition::protocol_violation},
    {error::continuation_without_message, "WebSocket continuation frame without a fragmented message",
     condition::protocol_violation},
    {error::data_frame_inside_message, "WebSocket data frame inside a fragmented message",
     condition::protocol_violation},
    {error::message_too_large, "WebSocket message exceeds the maximum message size", condition::limit_exceeded},
    {error::invalid_utf8, "WebSocket text message is not valid UTF-8", condition::protocol_violation},
    {error::close_payload_too_short, "WebSocket Close payload of one byte (a code takes two)",
     condition::protocol_violation},
    {error::invalid_close_code, "WebSocket Close code is not one an endpoint may send",
     condition::protocol_violation},
    {error::invalid_close_reason, "WebSocket Close reason is not valid UTF-8", condition::protocol_violation},
    {error::frame_after_close, "WebSocket frame after a Close frame", condition::protocol_violation},
    {error::truncated_frame, "WebSocket input ended inside a frame or a fragmented message",
     condition::protocol_violation},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(websocket_error)

BOOST_AUTO_TEST_CASE(every_code_has_its_message_and_condition) {
  int next = 1;
  std::set<std::string> seen;
  for (const expected_error& e : all_errors) {
    const std::error_code ec = e.code;
    BOOST_TEST_CONTEXT(e.message) {
      BOOST_TEST(ec.value() == next++);
      BOOST_TEST(ec.category().name() == std::string("eventwire.websocket"));
      BOOST_TEST(ec.message() == e.message);
      BOOST_TEST(seen.insert(ec.message()).second);
      BOOST_TEST((ec == e.maps_to));
      std::ostringstream os;
      os << e.code;
      BOOST_TEST(os.str() == e.message);
    }
  }
  BOOST_TEST(std::error_code(static_cast<int>(error::truncated_frame) + 1, eventwire::websocket::error_category())
                 .message() == "eventwire.websocket error 18");
}

BOOST_AUTO_TEST_SUITE_END()
