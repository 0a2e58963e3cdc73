#pragma once

// The parts of a MIME header value such as Content-Type or Content-Disposition:
// `type; name=value; name="quoted; value"`.

#include <optional>
#include <string_view>

namespace eventwire::multipart {

// The value before the first ';', without surrounding spaces: "multipart/form-data", "form-data".
std::string_view header_main_value(std::string_view header_value) noexcept;

struct header_parameter {
  std::string_view value;  // a quoted value without its quotes
  bool escaped = false;    // the quoted value held a backslash escape: `value` is not the text
};

// The first parameter named `name` (compared without regard to case); a quoted value may hold ';'.
std::optional<header_parameter> find_parameter(std::string_view header_value,
                                               std::string_view name) noexcept;

}  // namespace eventwire::multipart
