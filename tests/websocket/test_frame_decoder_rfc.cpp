// The examples of RFC 6455 section 5.7 and the other shapes a peer may send: fragments,
// control frames between fragments, the three length forms, Close payloads.

#include "render.hpp"

#include <eventwire/websocket/frame_decoder.hpp>

#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

namespace {

using namespace eventwire::websocket;
using testing::bytes;
using testing::check_splits;
using strings = std::vector<std::string>;

std::string pattern(std::size_t size) {
  std::string s(size, '\0');
  for (std::size_t i = 0; i < size; ++i) s[i] = static_cast<char>(i * 7 + 3);
  return s;
}

std::string render_binary(const std::string& payload) {
  event e;
  e.payload = payload;
  return testing::render(e);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(websocket_frame_decoder_rfc)

BOOST_AUTO_TEST_CASE(single_frame_unmasked_text) {
  BOOST_TEST(check_splits(role::client, bytes("81 05 48 65 6c 6c 6f")) == (strings{"text Hello", "end"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(single_frame_masked_text_to_a_server) {
  BOOST_TEST(check_splits(role::server, bytes("81 85 37 fa 21 3d 7f 9f 4d 51 58")) ==
                 (strings{"text Hello", "end"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(fragmented_unmasked_text) {
  BOOST_TEST(check_splits(role::client, bytes("01 03 48 65 6c 80 02 6c 6f")) == (strings{"text Hello", "end"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(fragmented_masked_text_to_a_server) {
  // "Hel" and "lo", each masked with its own key.
  const std::string input = bytes("01 83 01 02 03 04") + bytes("49 67 6f") + bytes("80 82 a0 b0 c0 d0") +
                            bytes("cc df");
  BOOST_TEST(check_splits(role::server, input) == (strings{"text Hello", "end"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(unmasked_ping_and_masked_pong) {
  BOOST_TEST(check_splits(role::client, bytes("89 05 48 65 6c 6c 6f")) == (strings{"ping Hello", "end"}),
             boost::test_tools::per_element());
  BOOST_TEST(check_splits(role::server, bytes("8a 85 37 fa 21 3d 7f 9f 4d 51 58")) ==
                 (strings{"pong Hello", "end"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(binary_256_bytes_with_a_16_bit_length) {
  const std::string payload = pattern(256);
  BOOST_TEST(check_splits(role::client, bytes("82 7E 01 00") + payload) == (strings{render_binary(payload), "end"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(binary_64_kib_with_a_64_bit_length) {
  const std::string payload = pattern(65536);
  BOOST_TEST(check_splits(role::client, bytes("82 7F 00 00 00 00 00 01 00 00") + payload) ==
                 (strings{render_binary(payload), "end"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(the_longest_16_bit_and_shortest_64_bit_lengths) {
  const std::string longest16 = pattern(65535);
  BOOST_TEST(check_splits(role::client, bytes("82 7E FF FF") + longest16) ==
                 (strings{render_binary(longest16), "end"}),
             boost::test_tools::per_element());
  const std::string payload125 = pattern(125);
  BOOST_TEST(check_splits(role::client, bytes("82 7D") + payload125) == (strings{render_binary(payload125), "end"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(control_frames_between_fragments) {
  const std::string input = bytes("01 03") + "Hel" + bytes("89 04") + "ping" + bytes("00 01") + "l" +
                            bytes("8A 00") + bytes("80 01") + "o";
  BOOST_TEST(check_splits(role::client, input) == (strings{"ping ping", "pong ", "text Hello", "end"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(several_messages_empty_ones_and_fragments_of_no_bytes) {
  const std::string input = bytes("81 00") + bytes("82 03 00 01 1e") + bytes("02 00") + bytes("00 00") +
                            bytes("80 02") + "ab" + bytes("81 03") + "end";
  BOOST_TEST(check_splits(role::client, input) ==
                 (strings{"text ", "binary \\x00\\x01\\x1E", "binary ab", "text end", "end"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(close_with_code_and_reason_ends_the_stream) {
  BOOST_TEST(check_splits(role::client, bytes("88 05 03 e8") + "bye") == (strings{"close 1000 bye", "end"}),
             boost::test_tools::per_element());
  BOOST_TEST(check_splits(role::client, bytes("88 00")) == (strings{"close 0 ", "end"}),
             boost::test_tools::per_element());
  BOOST_TEST(check_splits(role::client, bytes("88 02 0f a1")) == (strings{"close 4001 ", "end"}),
             boost::test_tools::per_element());
  // Masked, to a server: code 1001, reason "ok".
  BOOST_TEST(check_splits(role::server, bytes("88 84 01 02 03 04 02 eb 6c 6f")) ==
                 (strings{"close 1001 ok", "end"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(multi_byte_text_cut_between_fragments) {
  // U+20AC (E2 82 AC) and U+1F600 (F0 9F 98 80), each cut across two fragments.
  const std::string input = bytes("01 02 e2 82 00 03 ac f0 9f 80 02 98 80");
  BOOST_TEST(check_splits(role::client, input) == (strings{"text \\xE2\\x82\\xAC\\xF0\\x9F\\x98\\x80", "end"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(each_event_consumes_only_its_own_bytes) {
  const std::string input = bytes("81 02") + "ab" + bytes("89 00") + bytes("82 01") + "c" + "tail";
  frame_decoder decoder(role::client);
  std::string_view in = input;
  std::vector<std::size_t> consumed;
  for (int i = 0; i < 3; ++i) {
    const auto r = decoder.feed(in);
    BOOST_TEST_REQUIRE((r.state == eventwire::codec::status::event));
    consumed.push_back(r.consumed);
    in.remove_prefix(r.consumed);
  }
  BOOST_TEST(consumed == (std::vector<std::size_t>{4, 2, 3}), boost::test_tools::per_element());
  BOOST_TEST(in == "tail");
}

BOOST_AUTO_TEST_CASE(reset_starts_a_new_connection) {
  frame_decoder decoder(role::client);
  decoder.max_message_size = 8;
  BOOST_TEST((decoder.feed(bytes("81 05 48 65")).state == eventwire::codec::status::need_more));
  BOOST_TEST(decoder.buffered() == 2u);
  decoder.reset();
  BOOST_TEST(decoder.buffered() == 0u);
  BOOST_TEST(decoder.max_message_size == 8u);
  const std::string next = bytes("81 02 6f 6b");
  const auto r = decoder.feed(next);
  BOOST_TEST((r.state == eventwire::codec::status::event));
  BOOST_TEST(decoder.current().payload == "ok");
}

BOOST_AUTO_TEST_SUITE_END()
