#include <eventwire/json/reader.hpp>
#include <eventwire/json/detail/string_scan.hpp>

#include <bit>
#include <charconv>
#include <cstring>

namespace eventwire::json {
namespace {


constexpr int hex_value(char c) noexcept {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Reads four hex digits at p (p + 4 <= end checked by the caller); -1 when one is not hex.
int read_hex4(const char* p) noexcept {
  int v = 0;
  for (int i = 0; i < 4; ++i) {
    const int d = hex_value(p[i]);
    if (d < 0) return -1;
    v = v << 4 | d;
  }
  return v;
}

constexpr bool is_continuation(unsigned char c) noexcept { return (c & 0xC0) == 0x80; }

// Validates one UTF-8 sequence starting at p (whose first byte is >= 0x80); returns its length,
// or 0 when it is invalid or cut off by `end`.
std::size_t utf8_sequence_length(const unsigned char* p, const unsigned char* end) noexcept {
  const unsigned char c = *p;
  std::size_t len = 0;
  unsigned char lo = 0x80, hi = 0xBF;  // range of the second byte
  if (c >= 0xC2 && c <= 0xDF) {
    len = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    len = 3;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;  // no UTF-16 surrogates
  } else if (c >= 0xF0 && c <= 0xF4) {
    len = 4;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;  // nothing above U+10FFFF
  } else {
    return 0;
  }
  if (static_cast<std::size_t>(end - p) < len) return 0;
  if (p[1] < lo || p[1] > hi) return 0;
  for (std::size_t i = 2; i < len; ++i)
    if (!is_continuation(p[i])) return 0;
  return len;
}

}  // namespace

bool reader::expect_literal(std::string_view word) noexcept {
  if (static_cast<std::size_t>(end_ - p_) < word.size()) return fail(error::unexpected_end);
  if (std::memcmp(p_, word.data(), word.size()) != 0) return fail(error::unexpected_character);
  p_ += word.size();
  return true;
}

bool reader::read_bool(bool& out) noexcept {
  const value_kind k = peek();
  if (k != value_kind::boolean) return k == value_kind::none ? false : fail(error::expected_boolean);
  out = *p_ == 't';
  return expect_literal(out ? "true" : "false");
}

bool reader::read_null() noexcept {
  const value_kind k = peek();
  if (k != value_kind::null) return k == value_kind::none ? false : fail(error::unexpected_character);
  return expect_literal("null");
}

bool reader::try_null() noexcept { return peek() == value_kind::null && expect_literal("null"); }

bool reader::read_number(std::string_view& text) noexcept {
  const value_kind k = peek();
  if (k != value_kind::number) return k == value_kind::none ? false : fail(error::expected_number);
  return scan_number(text);
}

bool reader::read_int64(std::int64_t& out) noexcept {
  std::string_view text;
  if (!read_number(text)) return false;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  if (ec == std::errc::result_out_of_range) return fail(error::number_out_of_range);
  if (ec != std::errc{} || end != text.data() + text.size()) return fail(error::expected_number);
  return true;
}

bool reader::read_uint64(std::uint64_t& out) noexcept {
  std::string_view text;
  if (!read_number(text)) return false;
  if (text.front() == '-') return fail(error::number_out_of_range);
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  if (ec == std::errc::result_out_of_range) return fail(error::number_out_of_range);
  if (ec != std::errc{} || end != text.data() + text.size()) return fail(error::expected_number);
  return true;
}

bool reader::read_double(double& out) noexcept {
  std::string_view text;
  if (!read_number(text)) return false;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  if (ec == std::errc::result_out_of_range) return fail(error::number_out_of_range);
  if (ec != std::errc{} || end != text.data() + text.size()) return fail(error::invalid_number);
  return true;
}

bool reader::skip(std::string_view* raw) noexcept {
  const value_kind k = peek();
  const char* start = p_;
  bool done = false;
  switch (k) {
    case value_kind::none: return false;
    case value_kind::string: {
      raw_string s;
      done = scan_string(s);
      break;
    }
    case value_kind::number: {
      std::string_view n;
      done = scan_number(n);
      break;
    }
    case value_kind::boolean: done = expect_literal(*p_ == 't' ? "true" : "false"); break;
    case value_kind::null: done = expect_literal("null"); break;
    case value_kind::object: {
      begin_object();
      for (raw_string key; next_member(key);)
        if (!skip()) break;
      done = ok();
      break;
    }
    case value_kind::array: {
      begin_array();
      while (next_element())
        if (!skip()) break;
      done = ok();
      break;
    }
  }
  if (done && raw) *raw = std::string_view(start, static_cast<std::size_t>(p_ - start));
  return done;
}

bool reader::finish() noexcept {
  if (ec_) return false;
  while (p_ != end_ && (*p_ == ' ' || *p_ == '\n' || *p_ == '\r' || *p_ == '\t')) ++p_;
  if (p_ != end_) return fail(error::trailing_data);
  return true;
}

// Walks the string a block at a time and, inside a block, from one flagged byte to the next, so a
// string dense with escapes (a JSON document escaped inside a string) costs a few instructions per
// escape rather than a restart per escape. p_ is the cursor for errors: it points at the byte that
// failed.
bool reader::scan_string_slow(raw_string& out) noexcept {
  const char* const start = ++p_;  // after the opening quote
  bool escapes = false;
  const char* block = start;
  for (;;) {
    std::uint32_t mask = 0;
    std::size_t width = detail::block_size;
    if (static_cast<std::size_t>(end_ - block) >= detail::block_size) {
      mask = detail::special_mask(block);
    } else {
      width = static_cast<std::size_t>(end_ - block);
      if (width == 0) {
        p_ = end_;
        return fail(error::unexpected_end);
      }
      for (std::size_t i = 0; i < width; ++i)
        if (detail::is_special(static_cast<unsigned char>(block[i]))) mask |= std::uint32_t{1} << i;
    }
    while (mask != 0) {
      p_ = block + std::countr_zero(mask);
      const auto c = static_cast<unsigned char>(*p_);
      if (c == '"') {
        out.escaped = std::string_view(start, static_cast<std::size_t>(p_ - start));
        out.has_escapes = escapes;
        ++p_;  // the closing quote
        return true;
      }
      if (c == '\\') {
        escapes = true;
        if (end_ - p_ >= 2 && detail::is_simple_escape(p_[1])) {
          p_ += 2;
        } else if (!skip_escape()) {
          return false;
        }
      } else if (c < 0x20) {
        return fail(error::control_character_in_string);
      } else {
        const std::size_t len = utf8_sequence_length(reinterpret_cast<const unsigned char*>(p_),
                                                     reinterpret_cast<const unsigned char*>(end_));
        if (len == 0) return fail(error::invalid_utf8);
        p_ += len;
      }
      const auto walked = static_cast<std::size_t>(p_ - block);
      if (walked >= width) break;
      mask = detail::drop_bytes(mask, walked);
    }
    block = p_ > block + width ? p_ : block + width;  // past the block, or past a sequence crossing it
  }
}

// The escape at p_ (a backslash); moves p_ past it.
bool reader::skip_escape() noexcept {
  if (end_ - p_ < 2) return fail(error::unexpected_end);
  const char e = p_[1];
  if (e == 'u') {
    if (end_ - p_ < 6) return fail(error::unexpected_end);
    const int unit = read_hex4(p_ + 2);
    if (unit < 0) return fail(error::invalid_escape);
    p_ += 6;
    if (unit >= 0xDC00 && unit <= 0xDFFF) return fail(error::invalid_escape);
    if (unit >= 0xD800 && unit <= 0xDBFF) {
      if (end_ - p_ < 6) return fail(error::unexpected_end);
      if (p_[0] != '\\' || p_[1] != 'u') return fail(error::invalid_escape);
      const int low = read_hex4(p_ + 2);
      if (low < 0xDC00 || low > 0xDFFF) return fail(error::invalid_escape);
      p_ += 6;
    }
    return true;
  }
  if (!detail::is_simple_escape(e)) return fail(error::invalid_escape);
  p_ += 2;
  return true;
}

bool reader::scan_number(std::string_view& text) noexcept {
  const char* start = p_;
  if (*p_ == '-') ++p_;
  if (p_ == end_) return fail(error::unexpected_end);
  if (*p_ == '0') {
    ++p_;
  } else if (detail::is_digit(*p_)) {
    while (p_ != end_ && detail::is_digit(*p_)) ++p_;
  } else {
    return fail(error::invalid_number);
  }
  if (p_ != end_ && *p_ == '.') {
    ++p_;
    if (p_ == end_ || !detail::is_digit(*p_)) return fail(error::invalid_number);
    while (p_ != end_ && detail::is_digit(*p_)) ++p_;
  }
  if (p_ != end_ && (*p_ == 'e' || *p_ == 'E')) {
    ++p_;
    if (p_ != end_ && (*p_ == '+' || *p_ == '-')) ++p_;
    if (p_ == end_ || !detail::is_digit(*p_)) return fail(error::invalid_number);
    while (p_ != end_ && detail::is_digit(*p_)) ++p_;
  }
  text = std::string_view(start, static_cast<std::size_t>(p_ - start));
  return true;
}

}  // namespace eventwire::json
