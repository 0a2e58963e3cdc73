#pragma once

#include <cstdint>
#include <iosfwd>

namespace eventwire::websocket {

// The frame opcodes of RFC 6455 section 5.2; the others are reserved.
enum class opcode : std::uint8_t {
  continuation = 0x0,
  text = 0x1,
  binary = 0x2,
  close = 0x8,
  ping = 0x9,
  pong = 0xA,
};

// Close, Ping and Pong: at most 125 bytes, never fragmented, allowed inside a fragmented message.
constexpr bool is_control(opcode op) noexcept { return (static_cast<std::uint8_t>(op) & 0x8) != 0; }

// Whether a 4-bit opcode value is one of the six above.
constexpr bool is_known_opcode(std::uint8_t value) noexcept {
  return value <= 0x2 || (value >= 0x8 && value <= 0xA);
}

std::ostream& operator<<(std::ostream& os, opcode op);

}  // namespace eventwire::websocket
