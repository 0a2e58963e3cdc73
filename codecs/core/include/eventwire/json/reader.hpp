#pragma once

#include <eventwire/json/error.hpp>
#include <eventwire/json/raw_string.hpp>

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <system_error>

namespace eventwire::json {

enum class value_kind : unsigned char { none, null, boolean, number, string, array, object };

// A pull reader over one complete JSON text in a contiguous buffer: the caller walks the document
// and takes only what it needs; everything it reads is a view into the text (no copies, no DOM)
// and lives as long as the text. Every value walked over, read or skipped, is fully validated
// (strings, escapes, UTF-8, numbers, nesting up to `max_depth`). The first error sticks: every
// later call returns false and error() reports it with offset() where it happened.
//
//   reader r(text);
//   if (!r.begin_object()) ...;
//   for (raw_string key; r.next_member(key);) {
//     if (key.equals("type")) r.read_int64(type); else r.skip();
//   }
//   if (!r.finish()) ...;
class reader {
 public:
  static constexpr std::size_t default_max_depth = 64;

  explicit reader(std::string_view text, std::size_t max_depth = default_max_depth) noexcept
      : begin_(text.data()), p_(text.data()), end_(text.data() + text.size()), max_depth_(max_depth) {}

  // The kind of the next value, without consuming it; none (with an error) at the end or on a
  // character that cannot start a value.
  value_kind peek() noexcept;

  // Objects: begin_object() consumes '{'; next_member() reads the next key and its ':' and returns
  // true, or consumes '}' and returns false. The caller reads or skips each member's value.
  bool begin_object() noexcept;
  bool next_member(raw_string& key) noexcept;

  // Arrays: begin_array() consumes '['; next_element() returns true before each element, or
  // consumes ']' and returns false.
  bool begin_array() noexcept;
  bool next_element() noexcept;

  bool read_string(raw_string& out) noexcept;
  bool read_bool(bool& out) noexcept;
  bool read_null() noexcept;
  // Whether the next value is null; consumes it if so. Leaves the reader as it was otherwise.
  bool try_null() noexcept;
  bool read_number(std::string_view& text) noexcept;
  bool read_int64(std::int64_t& out) noexcept;
  bool read_uint64(std::uint64_t& out) noexcept;
  bool read_double(double& out) noexcept;

  // Skips (and validates) the next value of any kind; `raw`, if given, receives its exact text.
  bool skip(std::string_view* raw = nullptr) noexcept;

  // Succeeds when nothing but whitespace is left.
  bool finish() noexcept;

  // Records `e` as the reader's error (decoders use it for type errors); the first error sticks.
  bool fail(error e) noexcept;

  bool ok() const noexcept { return !ec_; }
  std::error_code error_code() const noexcept { return ec_; }
  // Offset of the error, or of the next unread byte while there is none.
  std::size_t offset() const noexcept { return static_cast<std::size_t>(p_ - begin_); }
  std::size_t depth() const noexcept { return depth_; }

 private:
  bool skip_whitespace() noexcept;
  bool expect_literal(std::string_view word) noexcept;
  bool scan_string(raw_string& out) noexcept;
  bool scan_string_slow(raw_string& out) noexcept;
  bool skip_escape() noexcept;
  bool scan_number(std::string_view& text) noexcept;
  bool open() noexcept;

  const char* begin_;
  const char* p_;
  const char* end_;
  std::size_t max_depth_;
  std::size_t depth_ = 0;
  bool first_ = false;  // the container just opened has no element yet
  std::error_code ec_;
};

}  // namespace eventwire::json

#include <eventwire/json/detail/reader_inline.hpp>
