#pragma once

// Block-at-a-time scanning of JSON string bytes, shared by the reader's inline fast path, its full
// string scanner and the unescaper. A block is 16 bytes; its masks have bit i set for byte i.
// SSE2 (every x86-64) computes a mask in a handful of instructions; elsewhere two 64-bit words do
// the same with exact bit tricks.

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace eventwire::json::detail {

static_assert(std::endian::native == std::endian::little, "the string scanner reads words little-endian");

inline constexpr std::size_t block_size = 16;

inline constexpr std::uint64_t ones = 0x0101010101010101ULL;
inline constexpr std::uint64_t highs = 0x8080808080808080ULL;
inline constexpr std::uint64_t lows = 0x7F7F7F7F7F7F7F7FULL;

// The high bit set in each byte of `v` below `limit` (at most 0x80). Exact for every byte: the
// sums stay within their byte, so no borrow or carry flags a neighbour.
constexpr std::uint64_t bytes_below(std::uint64_t v, unsigned char limit) noexcept {
  return ~(((v & lows) + ones * (0x80U - limit)) | v) & highs;
}

constexpr std::uint64_t bytes_equal(std::uint64_t v, unsigned char c) noexcept { return bytes_below(v ^ (ones * c), 1); }

// The high bits of a word's bytes gathered into eight bits, byte i's at bit i.
constexpr std::uint32_t gather_highs(std::uint64_t high_bits) noexcept {
  return static_cast<std::uint32_t>((high_bits * 0x0002040810204081ULL) >> 56);
}

constexpr bool is_special(unsigned char c) noexcept { return c == '"' || c == '\\' || c < 0x20 || c >= 0x80; }

inline std::uint64_t load_word(const char* p) noexcept {
  std::uint64_t v;
  std::memcpy(&v, p, sizeof v);
  return v;
}

// The bytes of a string that need a closer look: a quote, a backslash, a control character or a
// non-ASCII byte. The portable form, also used where SSE2 is missing.
inline std::uint32_t special_mask_words(const char* p) noexcept {
  const auto one = [](std::uint64_t v) {
    return gather_highs(bytes_equal(v, '"') | bytes_equal(v, '\\') | bytes_below(v, 0x20) | (v & highs));
  };
  return one(load_word(p)) | one(load_word(p + 8)) << 8;
}

inline std::uint32_t backslash_mask_words(const char* p) noexcept {
  return gather_highs(bytes_equal(load_word(p), '\\')) | gather_highs(bytes_equal(load_word(p + 8), '\\')) << 8;
}

#if defined(__SSE2__)
inline std::uint32_t special_mask(const char* p) noexcept {
  const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  const __m128i quote = _mm_cmpeq_epi8(v, _mm_set1_epi8('"'));
  const __m128i slash = _mm_cmpeq_epi8(v, _mm_set1_epi8('\\'));
  const __m128i low = _mm_cmplt_epi8(v, _mm_set1_epi8(0x20));  // signed: controls and bytes >= 0x80
  return static_cast<std::uint32_t>(_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(quote, slash), low)));
}

inline std::uint32_t backslash_mask(const char* p) noexcept {
  const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  return static_cast<std::uint32_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8('\\'))));
}
#else
inline std::uint32_t special_mask(const char* p) noexcept { return special_mask_words(p); }
inline std::uint32_t backslash_mask(const char* p) noexcept { return backslash_mask_words(p); }
#endif

// The letters that may follow a backslash on their own: \" \\ \/ \b \f \n \r \t.
constexpr bool is_simple_escape(char c) noexcept {
  switch (c) {
    case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't': return true;
    default: return false;
  }
}

// What a simple escape's letter stands for.
constexpr char simple_unescape(char c) noexcept {
  switch (c) {
    case 'b': return '\b';
    case 'f': return '\f';
    case 'n': return '\n';
    case 'r': return '\r';
    case 't': return '\t';
    default: return c;  // '"', '\\', '/'
  }
}

// `mask` without the bits of its lowest `n` bytes (n <= block_size).
constexpr std::uint32_t drop_bytes(std::uint32_t mask, std::size_t n) noexcept {
  return mask & (~std::uint32_t{0} << n);
}

}  // namespace eventwire::json::detail
