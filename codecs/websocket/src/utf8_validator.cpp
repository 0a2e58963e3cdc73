#include <eventwire/websocket/utf8_validator.hpp>

#include <cstddef>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace eventwire::websocket {
namespace {

constexpr std::uint64_t high_bits = 0x8080808080808080ull;

// Index of the first byte at or after `i` that is not ASCII, skipping 64 (SSE2) or 32, then 8
// bytes at a time.
std::size_t skip_ascii(const char* data, std::size_t i, std::size_t size) noexcept {
#if defined(__SSE2__)
  for (; i + 64 <= size; i += 64) {
    const auto* p = reinterpret_cast<const __m128i*>(data + i);
    const __m128i any = _mm_or_si128(_mm_or_si128(_mm_loadu_si128(p), _mm_loadu_si128(p + 1)),
                                     _mm_or_si128(_mm_loadu_si128(p + 2), _mm_loadu_si128(p + 3)));
    if (_mm_movemask_epi8(any) != 0) break;
  }
#endif
  for (; i + 32 <= size; i += 32) {
    std::uint64_t w[4];
    std::memcpy(w, data + i, sizeof w);
    if (((w[0] | w[1] | w[2] | w[3]) & high_bits) != 0) break;
  }
  for (; i + 8 <= size; i += 8) {
    std::uint64_t w;
    std::memcpy(&w, data + i, sizeof w);
    if ((w & high_bits) != 0) break;
  }
  if (i < size && size >= 8 && size - i < 8) {  // the last bytes, as one word ending at the end
    std::uint64_t w;
    std::memcpy(&w, data + size - 8, sizeof w);
    if ((w & high_bits) == 0) return size;
  }
  while (i < size && static_cast<std::uint8_t>(data[i]) < 0x80) ++i;
  return i;
}

}  // namespace

bool utf8_validator::accept_byte(std::uint8_t byte) noexcept {
  if (needed_ != 0) {
    if (byte < lowest_ || byte > highest_) return false;
    --needed_;
    lowest_ = 0x80;
    highest_ = 0xBF;
    return true;
  }
  if (byte < 0x80) return true;
  if (byte >= 0xC2 && byte <= 0xDF) {
    needed_ = 1;
  } else if (byte >= 0xE0 && byte <= 0xEF) {
    needed_ = 2;
    if (byte == 0xE0) lowest_ = 0xA0;   // shorter forms are overlong
    if (byte == 0xED) highest_ = 0x9F;  // U+D800 and up are surrogates
  } else if (byte >= 0xF0 && byte <= 0xF4) {
    needed_ = 3;
    if (byte == 0xF0) lowest_ = 0x90;   // overlong
    if (byte == 0xF4) highest_ = 0x8F;  // above U+10FFFF
  } else {
    return false;  // a continuation byte first, C0/C1 (overlong), or F5 and up
  }
  return true;
}

bool utf8_validator::feed(std::string_view bytes) noexcept {
  if (failed_) return false;
  const char* data = bytes.data();
  const std::size_t size = bytes.size();
  for (std::size_t i = 0; i < size;) {
    if (needed_ == 0) {
      i = skip_ascii(data, i, size);
      if (i == size) break;
    }
    if (!accept_byte(static_cast<std::uint8_t>(data[i]))) {
      failed_ = true;
      return false;
    }
    ++i;
  }
  return true;
}

bool is_valid_utf8(std::string_view text) noexcept {
  utf8_validator v;
  return v.feed(text) && v.complete();
}

}  // namespace eventwire::websocket
