#include <eventwire/json/raw_string.hpp>

#include <cstdint>

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
  switch (e) {
    case 'b': *out = '\b'; return 1;
    case 'f': *out = '\f'; return 1;
    case 'n': *out = '\n'; return 1;
    case 'r': *out = '\r'; return 1;
    case 't': *out = '\t'; return 1;
    case 'u': {
      std::uint32_t cp = hex4(p);
      p += 4;
      if (cp >= 0xD800 && cp <= 0xDBFF) {
        const std::uint32_t low = hex4(p + 2);
        p += 6;
        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
      }
      return encode_utf8(cp, out);
    }
    default: *out = e; return 1;  // '"', '\\', '/'
  }
}

}  // namespace

void raw_string::append_to(std::string& out) const {
  if (!has_escapes) {
    out.append(escaped);
    return;
  }
  const char* p = escaped.data();
  const char* const end = p + escaped.size();
  while (p != end) {
    const char* run = p;
    while (p != end && *p != '\\') ++p;
    out.append(run, static_cast<std::size_t>(p - run));
    if (p == end) break;
    char decoded[4];
    out.append(decoded, decode_escape(p, decoded));
  }
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
