#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

namespace eventwire::websocket {

// The 4-byte masking key of a frame, in wire order (RFC 6455 section 5.3).
using mask_key = std::array<std::uint8_t, 4>;

// XORs `data` with the key repeated. `offset` is the position of data[0] in the frame's payload,
// so a payload may be masked in pieces.
void apply_mask(std::span<char> data, const mask_key& key, std::size_t offset = 0) noexcept;

// Writes `in` XORed with the key to `out`, which holds at least in.size() bytes and may be
// in.data() itself.
void copy_masked(char* out, std::string_view in, const mask_key& key,
                 std::size_t offset = 0) noexcept;

}  // namespace eventwire::websocket
