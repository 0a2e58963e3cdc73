#include <eventwire/clay/unescape.hpp>

#include <bit>
#include <cstdint>
#include <cstring>

namespace eventwire::clay {
namespace {

// The text was validated by the reader: every escape is complete and well formed, and a high
// surrogate is always followed by a low one.

std::uint32_t hex4(const char* p) noexcept {
  std::uint32_t v = 0;
  for (int i = 0; i < 4; ++i) {
    const char c = p[i];
    const std::uint32_t d = c <= '9' ? static_cast<std::uint32_t>(c - '0')
                                     : static_cast<std::uint32_t>((c | 0x20) - 'a' + 10);
    v = v << 4 | d;
  }
  return v;
}

std::size_t encode_utf8(std::uint32_t cp, char* out) noexcept {
  if (cp < 0x80) {
    out[0] = static_cast<char>(cp);
    return 1;
  }
  if (cp < 0x800) {
    out[0] = static_cast<char>(0xC0 | cp >> 6);
    out[1] = static_cast<char>(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    out[0] = static_cast<char>(0xE0 | cp >> 12);
    out[1] = static_cast<char>(0x80 | (cp >> 6 & 0x3F));
    out[2] = static_cast<char>(0x80 | (cp & 0x3F));
    return 3;
  }
  out[0] = static_cast<char>(0xF0 | cp >> 18);
  out[1] = static_cast<char>(0x80 | (cp >> 12 & 0x3F));
  out[2] = static_cast<char>(0x80 | (cp >> 6 & 0x3F));
  out[3] = static_cast<char>(0x80 | (cp & 0x3F));
  return 4;
}

// Decodes the escape at `p` (a backslash) into `decoded` and advances `p` past it.
std::size_t decode_escape(const char*& p, char* decoded) noexcept {
  switch (p[1]) {
    case 'b': decoded[0] = '\b'; break;
    case 'f': decoded[0] = '\f'; break;
    case 'n': decoded[0] = '\n'; break;
    case 'r': decoded[0] = '\r'; break;
    case 't': decoded[0] = '\t'; break;
    case 'u': {
      std::uint32_t cp = hex4(p + 2);
      p += 6;
      if (cp >= 0xD800 && cp <= 0xDBFF) {
        const std::uint32_t low = hex4(p + 2);
        p += 6;
        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
      }
      return encode_utf8(cp, decoded);
    }
    default: decoded[0] = p[1]; break;  // '"', '\\', '/'
  }
  p += 2;
  return 1;
}

constexpr std::uint64_t ones = 0x0101010101010101ULL;
constexpr std::uint64_t highs = 0x8080808080808080ULL;

// The high bit set in each byte of `v` that is a backslash; the lowest flag is exact.
constexpr std::uint64_t backslashes(std::uint64_t v) noexcept {
  const std::uint64_t x = v ^ (ones * '\\');
  return (x - ones) & ~x & highs;
}

}  // namespace

bool unescape(const json::raw_string& s, char* out, std::size_t capacity,
              std::size_t& written) noexcept {
  const char* p = s.escaped.data();
  const char* const end = p + s.escaped.size();
  char* o = out;
  char* const out_end = out + capacity;
  for (;;) {
    // Eight bytes at a time while both sides have room: copy the word whole (bytes past a
    // backslash are overwritten next), then step to the first backslash, if any.
    while (end - p >= 8 && out_end - o >= 8) {
      std::uint64_t v;
      std::memcpy(&v, p, 8);
      std::memcpy(o, &v, 8);
      const std::uint64_t mask = backslashes(v);
      if (mask == 0) {
        p += 8;
        o += 8;
        continue;
      }
      const auto n = static_cast<std::size_t>(std::countr_zero(mask) / 8);
      p += n;
      o += n;
      char decoded[4];
      const std::size_t size = decode_escape(p, decoded);
      if (static_cast<std::size_t>(out_end - o) < size) return false;
      std::memcpy(o, decoded, size);
      o += size;
    }
    // The last bytes, one at a time.
    if (p == end) break;
    if (*p != '\\') {
      if (o == out_end) return false;
      *o++ = *p++;
      continue;
    }
    char decoded[4];
    const std::size_t size = decode_escape(p, decoded);
    if (static_cast<std::size_t>(out_end - o) < size) return false;
    std::memcpy(o, decoded, size);
    o += size;
  }
  written = static_cast<std::size_t>(o - out);
  return true;
}

}  // namespace eventwire::clay
