#pragma once

// Word-at-a-time scanning of JSON string bytes, shared by the reader's inline fast path and its
// full string scanner.

#include <bit>
#include <cstdint>

namespace eventwire::json::detail {

static_assert(std::endian::native == std::endian::little, "the string scanner reads words little-endian");

inline constexpr std::uint64_t ones = 0x0101010101010101ULL;
inline constexpr std::uint64_t highs = 0x8080808080808080ULL;

// A mask with the high bit set in each byte of the eight in `v` that needs a closer look inside a
// string: a quote, a backslash, a control character or a non-ASCII byte. Bytes above the first
// flagged one may be flagged falsely (borrows), so only the lowest flag is exact.
constexpr std::uint64_t special_bytes(std::uint64_t v) noexcept {
  const std::uint64_t quote = v ^ (ones * '"');
  const std::uint64_t slash = v ^ (ones * '\\');
  const std::uint64_t zero_quote = (quote - ones) & ~quote;
  const std::uint64_t zero_slash = (slash - ones) & ~slash;
  const std::uint64_t below_space = (v - ones * 0x20) & ~v;
  return ((zero_quote | zero_slash | below_space) & highs) | (v & highs);
}

constexpr bool is_special(unsigned char c) noexcept { return c == '"' || c == '\\' || c < 0x20 || c >= 0x80; }

}  // namespace eventwire::json::detail
