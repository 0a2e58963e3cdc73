#pragma once

#include <eventwire/websocket/mask.hpp>
#include <eventwire/websocket/opcode.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace eventwire::websocket {

// The longest frame header: 2 bytes, a 64-bit length, a masking key.
inline constexpr std::size_t max_frame_header_size = 14;

// What a frame header says (RFC 6455 section 5.2). No extension bits: none is ever negotiated.
struct frame_header {
  opcode op = opcode::text;
  bool fin = true;
  std::uint64_t payload_size = 0;
  std::optional<mask_key> mask;  // a client's frames carry one, a server's never
};

// The size of the header write_frame_header writes for these values: 2, 4 or 10, plus 4 masked.
std::size_t frame_header_size(std::uint64_t payload_size, bool masked) noexcept;

// Writes `h` with the shortest length form; returns the bytes written. Throws
// std::invalid_argument for a header RFC 6455 forbids: a control frame longer than 125 bytes or
// without FIN, a length of 2^63 or more (programming errors).
std::size_t write_frame_header(std::span<char, max_frame_header_size> out, const frame_header& h);

// Appends one whole frame of `payload`: its header, then the payload masked with `mask` when
// there is one (a client must pass a fresh random key per frame).
void append_frame(std::string& out, opcode op, std::string_view payload,
                  const std::optional<mask_key>& mask, bool fin = true);

}  // namespace eventwire::websocket
