#include <eventwire/json/raw_string.hpp>
#include <eventwire/json/detail/string_scan.hpp>

#include <bit>
#include <cstdint>
#include <cstring>

namespace eventwire::json {
namespace {

// The text was validated by the reader: every escape is complete and well formed.

unsigned hex4(const char* p) noexcept {
  unsigned v = 0;
  for (int i = 0; i < 4; ++i) {
    const char c = p[i];
    const unsigned d = c <= '9' ? static_cast<unsigned>(c - '0')
                                : static_cast<unsigned>((c | 0x20) - 'a' + 10);
    v = v << 4 | d;
  }
  return v;
}

// Encodes `cp` as UTF-8 into `out` (room for 4 bytes); returns the byte count.
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

// Decodes the escape sequence at `p` (a backslash; the reader validated it) into `out` (room for
// 4 bytes), advances `p` past it and returns the decoded byte count.
std::size_t decode_escape(const char*& p, char* out) noexcept {
  const char e = p[1];
  p += 2;
  if (e != 'u') {
    *out = detail::simple_unescape(e);
    return 1;
  }
  std::uint32_t cp = hex4(p);
  p += 4;
  if (cp >= 0xD800 && cp <= 0xDBFF) {
    const std::uint32_t low = hex4(p + 2);
    p += 6;
    cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
  }
  return encode_utf8(cp, out);
}

}  // namespace

bool raw_string::decode_into(char* out, std::size_t capacity, std::size_t& written) const noexcept {
  const char* p = escaped.data();
  const char* const end = p + escaped.size();
  char* d = out;
  char* const out_end = out + capacity;
  // The escape at p, if its decoded bytes fit.
  const auto put_escape = [&]() noexcept {
    char decoded[4];
    const std::size_t size = decode_escape(p, decoded);
    if (static_cast<std::size_t>(out_end - d) < size) return false;
    std::memcpy(d, decoded, size);
    d += size;
    return true;
  };
  constexpr std::size_t block = detail::block_size;
  for (;;) {
    // A block at a time while both sides have room for one: the block is stored whole (bytes from
    // its backslash on are overwritten next), then the walk steps to the first backslash, if any.
    while (static_cast<std::size_t>(end - p) >= block && static_cast<std::size_t>(out_end - d) >= block) {
      std::memcpy(d, p, block);
      const std::uint32_t slashes = detail::backslash_mask(p);
      if (slashes == 0) {
        p += block;
        d += block;
        continue;
      }
      const auto plain = static_cast<std::size_t>(std::countr_zero(slashes));
      p += plain;
      d += plain;
      if (detail::is_simple_escape(p[1])) {  // decodes to one byte, and d has room for one
        *d++ = detail::simple_unescape(p[1]);
        p += 2;
      } else if (!put_escape()) {
        return false;
      }
    }
    if (p == end) break;
    // The last bytes, one at a time.
    if (*p == '\\') {
      if (!put_escape()) return false;
    } else {
      if (d == out_end) return false;
      *d++ = *p++;
    }
  }
  written = static_cast<std::size_t>(d - out);
  return true;
}

void raw_string::append_to(std::string& out) const {
  if (!has_escapes) {
    out.append(escaped);
    return;
  }
  const std::size_t old_size = out.size();
  out.resize(old_size + escaped.size());  // the decoded text is never longer than its escaped form
  std::size_t written = 0;
  decode_into(out.data() + old_size, escaped.size(), written);
  out.resize(old_size + written);
}

bool raw_string::from_validated(std::string_view text, raw_string& out) noexcept {
  if (text.size() < 2 || text.front() != '"') return false;
  out.escaped = text.substr(1, text.size() - 2);
  out.has_escapes = std::memchr(out.escaped.data(), '\\', out.escaped.size()) != nullptr;
  return true;
}

std::string_view raw_string::decode(std::string& scratch) const {
  if (!has_escapes) return escaped;
  scratch.clear();
  append_to(scratch);
  return scratch;
}

bool raw_string::equals(std::string_view plain) const {
  if (!has_escapes) return escaped == plain;
  const char* p = escaped.data();
  const char* const end = p + escaped.size();
  std::size_t matched = 0;
  while (p != end) {
    char decoded[4];
    std::size_t n = 1;
    if (*p == '\\') {
      n = decode_escape(p, decoded);
    } else {
      decoded[0] = *p++;
    }
    if (plain.substr(matched, n) != std::string_view(decoded, n)) return false;
    matched += n;
  }
  return matched == plain.size();
}

}  // namespace eventwire::json
