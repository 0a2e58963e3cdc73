// Where payloads live: a view into the caller's input when a whole unfragmented unmasked frame
// lies in it, else the decoder's own bounded buffer.

#include "render.hpp"

#include <eventwire/websocket/frame_decoder.hpp>

#include <boost/test/unit_test.hpp>

#include <string>

namespace {

using namespace eventwire::websocket;
using eventwire::codec::status;
using testing::bytes;

bool inside(std::string_view part, std::string_view whole) {
  return part.data() >= whole.data() && part.data() + part.size() <= whole.data() + whole.size();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(websocket_frame_decoder_views)

BOOST_AUTO_TEST_CASE(a_whole_frame_in_the_input_is_a_view_into_it) {
  const std::string input = bytes("81 05") + "Hello" + bytes("82 7e 01 00") + std::string(256, 'b');
  frame_decoder decoder(role::client);
  std::string_view in = input;
  for (int i = 0; i < 2; ++i) {
    const auto r = decoder.feed(in);
    BOOST_TEST_REQUIRE((r.state == status::event));
    BOOST_TEST(inside(decoder.current().payload, input));
    in.remove_prefix(r.consumed);
  }
  BOOST_TEST(decoder.buffered() == 0u);
}

BOOST_AUTO_TEST_CASE(a_header_from_an_earlier_input_still_gives_a_view) {
  frame_decoder decoder(role::client);
  BOOST_TEST((decoder.feed(bytes("81")).state == status::need_more));
  BOOST_TEST((decoder.feed(bytes("05")).state == status::need_more));
  const std::string payload = "Hello";
  BOOST_TEST((decoder.feed(payload).state == status::event));
  BOOST_TEST(decoder.current().payload.data() == payload.data());
}

BOOST_AUTO_TEST_CASE(control_frames_in_the_input_are_views_too) {
  const std::string input = bytes("89 04") + "ping";
  frame_decoder decoder(role::client);
  BOOST_TEST((decoder.feed(input).state == status::event));
  BOOST_TEST(inside(decoder.current().payload, input));
}

BOOST_AUTO_TEST_CASE(split_fragmented_and_masked_payloads_are_copied) {
  frame_decoder client(role::client);
  const std::string first = bytes("81 05") + "He";
  const std::string second = "llo";
  BOOST_TEST((client.feed(first).state == status::need_more));
  BOOST_TEST(client.buffered() == 2u);
  BOOST_TEST((client.feed(second).state == status::event));
  BOOST_TEST(!inside(client.current().payload, second));
  BOOST_TEST(client.current().payload == "Hello");

  const std::string fragments = bytes("01 03") + "Hel" + bytes("80 02") + "lo";
  BOOST_TEST((client.feed(fragments).state == status::event));
  BOOST_TEST(!inside(client.current().payload, fragments));
  BOOST_TEST(client.current().payload == "Hello");

  frame_decoder server(role::server);
  const std::string masked = bytes("81 85 37 fa 21 3d 7f 9f 4d 51 58");
  BOOST_TEST((server.feed(masked).state == status::event));
  BOOST_TEST(!inside(server.current().payload, masked));
  BOOST_TEST(server.current().payload == "Hello");
  BOOST_TEST(masked == bytes("81 85 37 fa 21 3d 7f 9f 4d 51 58"), "the input is left as it was");
}

BOOST_AUTO_TEST_CASE(the_buffer_holds_no_more_than_the_limit) {
  frame_decoder decoder(role::client);
  decoder.max_message_size = 100;
  const std::string start = bytes("01 32") + std::string(50, 'a') + bytes("00 32") + std::string(49, 'b');
  BOOST_TEST((decoder.feed(start).state == status::need_more));
  BOOST_TEST(decoder.buffered() == 99u);
  BOOST_TEST((decoder.feed(bytes("62 80 01 63")).state == status::error));
  BOOST_TEST(decoder.buffered() <= 100u);
}

BOOST_AUTO_TEST_SUITE_END()
