// Differential fuzzing of the WebSocket frame decoder. Input layout: 16 bytes that choose up to 8
// cut points, one byte of flags (bit 0: decode as a server, so frames must be masked; bit 1: a
// 64-byte message limit so the limit path runs), then the bytes a peer sends.
// Fed whole, cut, and (when short) byte by byte, the decoder must give the same events and
// error; no feed may consume more than it was given; nothing it holds or hands out may pass its
// limits; text is valid UTF-8; and the events, encoded again as the peer would send them, must
// decode to themselves.

#include <check.hpp>
#include <split_runs.hpp>
#include <eventwire/testing/chunks.hpp>
#include <eventwire/websocket/close_payload.hpp>
#include <eventwire/websocket/frame_decoder.hpp>
#include <eventwire/websocket/frame_encoder.hpp>
#include <eventwire/websocket/utf8_validator.hpp>

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace {

using namespace eventwire::websocket;
using eventwire::codec::status;

struct decoded_event {
  event_kind kind;
  bool text;
  std::string payload;
  std::uint16_t close_code;
  std::string close_reason;

  friend bool operator==(const decoded_event&, const decoded_event&) = default;
};

struct outcome {
  std::vector<decoded_event> events;
  std::string error;

  friend bool operator==(const outcome&, const outcome&) = default;
};

void check_event(const event& e, std::size_t max_message_size) {
  if (e.kind == event_kind::message) {
    EVENTWIRE_FUZZ_CHECK(e.payload.size() <= max_message_size);
    if (e.text) EVENTWIRE_FUZZ_CHECK(is_valid_utf8(e.payload));
    return;
  }
  EVENTWIRE_FUZZ_CHECK(e.payload.size() <= max_control_payload);
  if (e.kind == event_kind::close) {
    EVENTWIRE_FUZZ_CHECK(e.close.code == 0 ? e.payload.empty() : is_valid_close_code(e.close.code));
    EVENTWIRE_FUZZ_CHECK(is_valid_utf8(e.close.reason));
  }
}

outcome run(role r, std::size_t max_message_size, std::string_view stream, std::span<const std::size_t> cuts) {
  frame_decoder decoder(r);
  decoder.max_message_size = max_message_size;
  const std::size_t most_held = max_message_size + max_control_payload + max_frame_header_size;
  outcome out;
  bool failed = false;
  eventwire::testing::feed_in_chunks(stream, cuts, [&](std::string_view piece) {
    while (!failed) {
      const auto result = decoder.feed(piece);
      EVENTWIRE_FUZZ_CHECK(result.consumed <= piece.size());
      EVENTWIRE_FUZZ_CHECK(decoder.buffered() <= most_held);
      if (result.state == status::error) {
        EVENTWIRE_FUZZ_CHECK(decoder.error());
        failed = true;
        return;
      }
      piece.remove_prefix(result.consumed);
      if (result.state == status::need_more) {
        EVENTWIRE_FUZZ_CHECK(piece.empty());
        return;
      }
      const event& e = decoder.current();
      check_event(e, max_message_size);
      out.events.push_back({e.kind, e.text, std::string(e.payload), e.close.code, std::string(e.close.reason)});
    }
  });
  const std::error_code ec = failed ? decoder.error() : decoder.finish();
  out.error = ec.message();
  return out;
}

// The events as the peer would send them again: one frame each, masked toward a server.
std::string encode_again(role r, const std::vector<decoded_event>& events) {
  std::string wire;
  mask_key key{0x5a, 0x01, 0xc3, 0x7e};
  for (const decoded_event& e : events) {
    const std::optional<mask_key> mask = r == role::server ? std::optional(key) : std::nullopt;
    key[0] = static_cast<std::uint8_t>(key[0] + 1);
    const opcode op = e.kind == event_kind::message ? (e.text ? opcode::text : opcode::binary)
                      : e.kind == event_kind::ping  ? opcode::ping
                      : e.kind == event_kind::pong  ? opcode::pong
                                                    : opcode::close;
    append_frame(wire, op, e.payload, mask);
  }
  return wire;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto in = eventwire::fuzzing::split_seeded_input(data, size);
  if (!in) return 0;
  const role r = (in->flags & 1) != 0 ? role::server : role::client;
  const std::size_t max_message_size = (in->flags & 2) != 0 ? 64 : frame_decoder::default_max_message_size;

  const outcome whole = eventwire::fuzzing::same_whole_and_split(
      *in, [&](std::span<const std::size_t> cuts) { return run(r, max_message_size, in->stream, cuts); });

  const outcome again = run(r, max_message_size, encode_again(r, whole.events), {});
  EVENTWIRE_FUZZ_CHECK(again.events == whole.events);
  EVENTWIRE_FUZZ_CHECK(again.error == std::error_code().message());
  return 0;
}
