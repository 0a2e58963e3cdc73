// Every violation of RFC 6455 section 5 the decoder refuses, each with its own error, the same
// whether the input comes whole, cut at any point or byte by byte.

#include "render.hpp"

#include <eventwire/websocket/error.hpp>
#include <eventwire/websocket/frame_decoder.hpp>

#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

namespace {

using namespace eventwire::websocket;
using testing::bytes;
using testing::check_splits;
using strings = std::vector<std::string>;

std::string failure(error e) { return "error: " + make_error_code(e).message(); }

// The input gives `events`, then fails with `e`.
void expect(role r, const std::string& input, strings events, error e,
            std::size_t max_message_size = frame_decoder::default_max_message_size) {
  events.push_back(failure(e));
  BOOST_TEST(check_splits(r, input, max_message_size) == events, boost::test_tools::per_element());
}

std::string close_frame(std::uint16_t code, std::string_view reason = {}) {
  std::string payload{static_cast<char>(code >> 8), static_cast<char>(code & 0xff)};
  payload += reason;
  return std::string{'\x88', static_cast<char>(payload.size())} + payload;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(websocket_frame_decoder_errors)

BOOST_AUTO_TEST_CASE(reserved_bits) {
  for (const char* first : {"c1", "a1", "91", "f1"})
    expect(role::client, bytes(first) + bytes("00"), {}, error::reserved_bits_set);
}

BOOST_AUTO_TEST_CASE(unknown_opcodes) {
  for (const char* first : {"83", "84", "85", "86", "87", "8b", "8c", "8d", "8e", "8f"})
    expect(role::client, bytes(first) + bytes("00"), {}, error::unknown_opcode);
}

BOOST_AUTO_TEST_CASE(control_frames_must_be_whole_and_short) {
  expect(role::client, bytes("09 00"), {}, error::fragmented_control_frame);
  expect(role::client, bytes("08 00"), {}, error::fragmented_control_frame);
  expect(role::client, bytes("89 7e 00 7e") + std::string(126, 'p'), {}, error::control_frame_too_large);
  expect(role::client, bytes("8a 7f 00 00 00 00 00 01 00 00"), {}, error::control_frame_too_large);
}

BOOST_AUTO_TEST_CASE(masking_follows_the_role) {
  expect(role::client, bytes("81 85 37 fa 21 3d 7f 9f 4d 51 58"), {}, error::masked_frame_from_server);
  expect(role::server, bytes("81 05 48 65 6c 6c 6f"), {}, error::unmasked_frame_from_client);
  expect(role::server, bytes("89 00"), {}, error::unmasked_frame_from_client);
}

BOOST_AUTO_TEST_CASE(lengths_in_the_shortest_form_below_2_to_the_63) {
  expect(role::client, bytes("82 7e 00 7d") + std::string(125, 'x'), {}, error::length_not_minimal);
  expect(role::client, bytes("82 7f 00 00 00 00 00 00 ff ff"), {}, error::length_not_minimal);
  expect(role::client, bytes("82 7f 80 00 00 00 00 00 00 00"), {}, error::length_too_large);
  expect(role::client, bytes("82 7f ff ff ff ff ff ff ff ff"), {}, error::length_too_large);
}

BOOST_AUTO_TEST_CASE(continuation_rules) {
  expect(role::client, bytes("80 01 61"), {}, error::continuation_without_message);
  expect(role::client, bytes("00 01 61"), {}, error::continuation_without_message);
  expect(role::client, bytes("81 01 61 80 01 62"), {"text a"}, error::continuation_without_message);
  expect(role::client, bytes("01 01 61 81 01 62"), {}, error::data_frame_inside_message);
  expect(role::client, bytes("01 01 61 89 00 02 01 62"), {"ping "}, error::data_frame_inside_message);
}

BOOST_AUTO_TEST_CASE(message_size_limit) {
  expect(role::client, bytes("81 0b") + "hello world", {}, error::message_too_large, 10);
  expect(role::client, bytes("81 0a") + "0123456789" + bytes("81 0b") + "hello world", {"text 0123456789"},
         error::message_too_large, 10);
  // Fragments count together; the limit is checked at each header, before its payload.
  expect(role::client, bytes("01 06") + "hello " + bytes("80 05") + "world", {}, error::message_too_large, 10);
  expect(role::server, bytes("82 8b 00 00 00 00") + "hello world", {}, error::message_too_large, 10);
  // Control frames do not count.
  BOOST_TEST(check_splits(role::client, bytes("01 05") + "hello" + bytes("89 05") + "12345" + bytes("80 05") + "world",
                          10) == (strings{"ping 12345", "text helloworld", "end"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(text_must_be_utf8) {
  expect(role::client, bytes("81 01 ff"), {}, error::invalid_utf8);
  expect(role::client, bytes("81 02 c0 80"), {}, error::invalid_utf8);
  expect(role::client, bytes("81 03 ed a0 80"), {}, error::invalid_utf8);
  expect(role::client, bytes("81 04 f4 90 80 80"), {}, error::invalid_utf8);
  // A sequence left open at the end of the message.
  expect(role::client, bytes("81 02 e2 82"), {}, error::invalid_utf8);
  expect(role::client, bytes("01 02 e2 82 80 00"), {}, error::invalid_utf8);
  // Found in the first fragment, before the rest arrives.
  expect(role::client, bytes("01 01 ff"), {}, error::invalid_utf8);
  // Binary messages are not checked.
  BOOST_TEST(check_splits(role::client, bytes("82 01 ff")) == (strings{"binary \\xFF", "end"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(close_payloads) {
  expect(role::client, bytes("88 01 03"), {}, error::close_payload_too_short);
  for (std::uint16_t code : {0, 999, 1004, 1005, 1006, 1015, 1016, 2000, 2999, 5000, 65535})
    BOOST_TEST_CONTEXT("code " << code) { expect(role::client, close_frame(code), {}, error::invalid_close_code); }
  expect(role::client, close_frame(1000, "\xff"), {}, error::invalid_close_reason);
  expect(role::client, close_frame(1000, "\xe2\x82"), {}, error::invalid_close_reason);
}

BOOST_AUTO_TEST_CASE(nothing_may_follow_a_close) {
  expect(role::client, close_frame(1000) + bytes("81 00"), {"close 1000 "}, error::frame_after_close);
  expect(role::client, close_frame(1000) + "x", {"close 1000 "}, error::frame_after_close);
}

BOOST_AUTO_TEST_CASE(input_ending_inside_a_frame_or_message) {
  expect(role::client, bytes("81"), {}, error::truncated_frame);
  expect(role::client, bytes("82 7e 01"), {}, error::truncated_frame);
  expect(role::client, bytes("81 05 48 65 6c"), {}, error::truncated_frame);
  expect(role::client, bytes("01 01 61"), {}, error::truncated_frame);
  expect(role::client, bytes("01 01 61 89 00"), {"ping "}, error::truncated_frame);
  expect(role::client, bytes("89 03 61"), {}, error::truncated_frame);
}

BOOST_AUTO_TEST_CASE(an_error_sticks_until_reset) {
  frame_decoder decoder(role::client);
  BOOST_TEST((decoder.feed(bytes("c1 00")).state == eventwire::codec::status::error));
  BOOST_TEST((decoder.feed(bytes("81 00")).state == eventwire::codec::status::error));
  BOOST_TEST(decoder.finish() == make_error_code(error::reserved_bits_set));
  decoder.reset();
  BOOST_TEST(!decoder.error());
  BOOST_TEST((decoder.feed(bytes("81 00")).state == eventwire::codec::status::event));
}

BOOST_AUTO_TEST_SUITE_END()
