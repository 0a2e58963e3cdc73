// Frame headers in their three length forms, with and without a mask, and every encoded frame
// decoded back by the other role.

#include "render.hpp"

#include <eventwire/websocket/frame_encoder.hpp>

#include <boost/test/unit_test.hpp>

#include <stdexcept>
#include <string>
#include <vector>

namespace {

using namespace eventwire::websocket;
using testing::bytes;
using strings = std::vector<std::string>;

constexpr mask_key rfc_key{0x37, 0xfa, 0x21, 0x3d};

std::string header(const frame_header& h) {
  char out[max_frame_header_size];
  return std::string(out, write_frame_header(out, h));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(websocket_frame_encoder)

BOOST_AUTO_TEST_CASE(rfc_examples) {
  std::string out;
  append_frame(out, opcode::text, "Hello", std::nullopt);
  BOOST_TEST(out == bytes("81 05 48 65 6c 6c 6f"));
  out.clear();
  append_frame(out, opcode::text, "Hello", rfc_key);
  BOOST_TEST(out == bytes("81 85 37 fa 21 3d 7f 9f 4d 51 58"));
  out.clear();
  append_frame(out, opcode::text, "Hel", std::nullopt, false);
  append_frame(out, opcode::continuation, "lo", std::nullopt);
  BOOST_TEST(out == bytes("01 03 48 65 6c 80 02 6c 6f"));
  out.clear();
  append_frame(out, opcode::pong, "Hello", rfc_key);
  BOOST_TEST(out == bytes("8a 85 37 fa 21 3d 7f 9f 4d 51 58"));
}

BOOST_AUTO_TEST_CASE(length_forms) {
  BOOST_TEST(header({opcode::binary, true, 125, {}}) == bytes("82 7d"));
  BOOST_TEST(header({opcode::binary, true, 126, {}}) == bytes("82 7e 00 7e"));
  BOOST_TEST(header({opcode::binary, true, 256, {}}) == bytes("82 7e 01 00"));
  BOOST_TEST(header({opcode::binary, true, 65535, {}}) == bytes("82 7e ff ff"));
  BOOST_TEST(header({opcode::binary, true, 65536, {}}) == bytes("82 7f 00 00 00 00 00 01 00 00"));
  BOOST_TEST(header({opcode::binary, true, (std::uint64_t{1} << 63) - 1, rfc_key}) ==
             bytes("82 ff 7f ff ff ff ff ff ff ff 37 fa 21 3d"));
  for (std::uint64_t size : {0ull, 125ull, 126ull, 65535ull, 65536ull, 1ull << 40})
    for (bool masked : {false, true}) {
      const std::optional<mask_key> key = masked ? std::optional(rfc_key) : std::nullopt;
      BOOST_TEST(header({opcode::text, true, size, key}).size() == frame_header_size(size, masked));
    }
}

BOOST_AUTO_TEST_CASE(headers_rfc_6455_forbids_are_programming_errors) {
  char out[max_frame_header_size];
  BOOST_CHECK_THROW(write_frame_header(out, {opcode::ping, true, 126, {}}), std::invalid_argument);
  BOOST_CHECK_THROW(write_frame_header(out, {opcode::close, false, 0, {}}), std::invalid_argument);
  BOOST_CHECK_THROW(write_frame_header(out, {opcode::binary, true, std::uint64_t{1} << 63, {}}),
                    std::invalid_argument);
  BOOST_CHECK_NO_THROW(write_frame_header(out, {opcode::ping, true, 125, {}}));
}

BOOST_AUTO_TEST_CASE(round_trips_through_the_decoder_in_both_roles) {
  std::string long_text;
  for (int i = 0; long_text.size() < 70000; ++i) long_text += "line " + std::to_string(i) + " \xe2\x82\xac\n";
  for (role sender : {role::client, role::server}) {
    const role receiver = sender == role::client ? role::server : role::client;
    mask_key key{1, 2, 3, 4};
    const auto next_mask = [&]() -> std::optional<mask_key> {
      if (sender == role::server) return std::nullopt;
      for (auto& b : key) b = static_cast<std::uint8_t>(b * 31 + 7);
      return key;
    };
    std::string wire;
    append_frame(wire, opcode::text, "first", next_mask());
    append_frame(wire, opcode::binary, std::string(300, '\x1e'), next_mask());
    append_frame(wire, opcode::text, "frag", next_mask(), false);
    append_frame(wire, opcode::ping, "in between", next_mask());
    append_frame(wire, opcode::continuation, "mented", next_mask());
    append_frame(wire, opcode::text, long_text, next_mask());
    std::string close;
    append_close_payload(close, {1001, "going"});
    append_frame(wire, opcode::close, close, next_mask());

    event long_event;
    long_event.kind = event_kind::message;
    long_event.text = true;
    long_event.payload = long_text;
    BOOST_TEST_CONTEXT("sent by the " << (sender == role::client ? "client" : "server")) {
      BOOST_TEST(testing::check_splits(receiver, wire) ==
                     (strings{"text first", testing::render({event_kind::message, false, std::string(300, '\x1e'), {}}),
                              "ping in between", "text fragmented", testing::render(long_event), "close 1001 going",
                              "end"}),
                 boost::test_tools::per_element());
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()
