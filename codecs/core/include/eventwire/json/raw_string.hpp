#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace eventwire::json {

// A JSON string exactly as it stands in the input: the bytes between the quotes, escapes left
// as they are. It is a view into the reader's text and lives as long as that text. The reader
// has already validated it (escapes, UTF-8), so decoding cannot fail.
struct raw_string {
  std::string_view escaped;
  bool has_escapes = false;

  // The decoded text: `escaped` itself when there is nothing to unescape (no copy), otherwise
  // the text decoded into `scratch`, which the result then views.
  std::string_view decode(std::string& scratch) const;

  // Appends the decoded text to `out`.
  void append_to(std::string& out) const;

  // Decodes into `out`, which has room for `capacity` bytes, and sets `written` to the decoded
  // length; false (with `out` partly written) when the text needs more room. Never writes past
  // `capacity`. The decoded text is never longer than `escaped`.
  bool decode_into(char* out, std::size_t capacity, std::size_t& written) const noexcept;

  // The string `text` holds, when `text` is exactly one JSON string (quotes included, nothing
  // around them) that a reader has already validated, such as an element a decoder handed over:
  // no second validating scan, only a search for a backslash. False when `text` is not a string.
  static bool from_validated(std::string_view text, raw_string& out) noexcept;

  // Whether the decoded text equals `plain`; never allocates.
  bool equals(std::string_view plain) const;
};

}  // namespace eventwire::json
