#pragma once

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

  // Whether the decoded text equals `plain`; never allocates.
  bool equals(std::string_view plain) const;
};

}  // namespace eventwire::json
