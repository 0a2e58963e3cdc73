#pragma once

// The reader's hot paths, inline so that a decoder's member loop runs without calls.

#include <eventwire/json/detail/string_scan.hpp>

#include <bit>
#include <cstddef>
#include <cstdint>

namespace eventwire::json {

namespace detail {
constexpr bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }
}  // namespace detail

inline bool reader::fail(error e) noexcept {
  if (!ec_) ec_ = e;
  return false;
}

inline bool reader::skip_whitespace() noexcept {
  while (p_ != end_ && (*p_ == ' ' || *p_ == '\n' || *p_ == '\r' || *p_ == '\t')) ++p_;
  if (p_ == end_) return fail(error::unexpected_end);
  return true;
}

inline value_kind reader::peek() noexcept {
  if (ec_ || !skip_whitespace()) return value_kind::none;
  switch (*p_) {
    case '{': return value_kind::object;
    case '[': return value_kind::array;
    case '"': return value_kind::string;
    case 't':
    case 'f': return value_kind::boolean;
    case 'n': return value_kind::null;
    case '-': return value_kind::number;
    default:
      if (detail::is_digit(*p_)) return value_kind::number;
      fail(error::unexpected_character);
      return value_kind::none;
  }
}

inline bool reader::open() noexcept {
  if (depth_ == max_depth_) return fail(error::depth_exceeded);
  ++depth_;
  ++p_;
  first_ = true;
  return true;
}

inline bool reader::begin_object() noexcept {
  const value_kind k = peek();
  if (k != value_kind::object) return k == value_kind::none ? false : fail(error::expected_object);
  return open();
}

inline bool reader::begin_array() noexcept {
  const value_kind k = peek();
  if (k != value_kind::array) return k == value_kind::none ? false : fail(error::expected_array);
  return open();
}

inline bool reader::next_member(raw_string& key) noexcept {
  if (ec_ || !skip_whitespace()) return false;
  if (*p_ == '}') {
    ++p_;
    --depth_;
    first_ = false;
    return false;
  }
  if (!first_) {
    if (*p_ != ',') return fail(error::unexpected_character);
    ++p_;
    if (!skip_whitespace()) return false;
  }
  if (*p_ != '"') return fail(error::unexpected_character);
  if (!scan_string(key) || !skip_whitespace()) return false;
  if (*p_ != ':') return fail(error::unexpected_character);
  ++p_;
  first_ = false;
  return true;
}

inline bool reader::next_element() noexcept {
  if (ec_ || !skip_whitespace()) return false;
  if (*p_ == ']') {
    ++p_;
    --depth_;
    first_ = false;
    return false;
  }
  if (!first_) {
    if (*p_ != ',') return fail(error::unexpected_character);
    ++p_;
  }
  first_ = false;
  return true;
}

inline bool reader::read_string(raw_string& out) noexcept {
  const value_kind k = peek();
  if (k != value_kind::string) return k == value_kind::none ? false : fail(error::expected_string);
  return scan_string(out);
}

// Most strings (keys above all) are short and plain: when the closing quote is the first special
// byte of the next block, the string is done without leaving the caller.
inline bool reader::scan_string(raw_string& out) noexcept {
  const char* start = p_ + 1;
  if (static_cast<std::size_t>(end_ - start) >= detail::block_size) {
    if (const std::uint32_t mask = detail::special_mask(start)) {
      const auto length = static_cast<std::size_t>(std::countr_zero(mask));
      if (start[length] == '"') {
        out.escaped = std::string_view(start, length);
        out.has_escapes = false;
        p_ = start + length + 1;
        return true;
      }
    }
  }
  return scan_string_slow(out);
}

}  // namespace eventwire::json
