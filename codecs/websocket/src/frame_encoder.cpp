#include <eventwire/websocket/frame_encoder.hpp>

#include <eventwire/websocket/close_payload.hpp>

#include <algorithm>
#include <stdexcept>

namespace eventwire::websocket {

std::size_t frame_header_size(std::uint64_t payload_size, bool masked) noexcept {
  const std::size_t length_bytes = payload_size < 126 ? 0 : payload_size <= 0xFFFF ? 2 : 8;
  return 2 + length_bytes + (masked ? 4 : 0);
}

std::size_t write_frame_header(std::span<char, max_frame_header_size> out, const frame_header& h) {
  if (is_control(h.op) && (!h.fin || h.payload_size > max_control_payload))
    throw std::invalid_argument("write_frame_header: a control frame must have FIN and at most 125 bytes");
  if (h.payload_size >> 63 != 0)
    throw std::invalid_argument("write_frame_header: payload length of 2^63 bytes or more");
  out[0] = static_cast<char>((h.fin ? 0x80 : 0x00) | static_cast<std::uint8_t>(h.op));
  const std::uint8_t mask_bit = h.mask ? 0x80 : 0x00;
  std::size_t n = 2;
  if (h.payload_size < 126) {
    out[1] = static_cast<char>(mask_bit | h.payload_size);
  } else if (h.payload_size <= 0xFFFF) {
    out[1] = static_cast<char>(mask_bit | 126);
    out[2] = static_cast<char>(h.payload_size >> 8);
    out[3] = static_cast<char>(h.payload_size & 0xFF);
    n = 4;
  } else {
    out[1] = static_cast<char>(mask_bit | 127);
    for (int i = 0; i < 8; ++i) out[2 + i] = static_cast<char>(h.payload_size >> (56 - 8 * i) & 0xFF);
    n = 10;
  }
  if (h.mask) {
    for (std::size_t i = 0; i < 4; ++i) out[n + i] = static_cast<char>((*h.mask)[i]);
    n += 4;
  }
  return n;
}

void append_frame(std::string& out, opcode op, std::string_view payload,
                  const std::optional<mask_key>& mask, bool fin) {
  char header[max_frame_header_size];
  const std::size_t header_size = write_frame_header(header, {op, fin, payload.size(), mask});
  const std::size_t start = out.size();
  out.resize(start + header_size + payload.size());
  char* at = out.data() + start;
  std::copy_n(header, header_size, at);
  at += header_size;
  if (mask) {
    copy_masked(at, payload, *mask);
  } else {
    std::copy(payload.begin(), payload.end(), at);
  }
}

}  // namespace eventwire::websocket
