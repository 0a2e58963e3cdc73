#pragma once

#include <iosfwd>
#include <optional>
#include <span>
#include <string_view>

namespace eventwire::multipart {

// One header of a part: the name as sent, the value without surrounding spaces. A folded value
// (continuation lines) is one view that spans its line breaks.
struct header_field {
  std::string_view name;
  std::string_view value;

  friend bool operator==(const header_field&, const header_field&) = default;
};

// The value of the first field named `name`, compared without regard to case.
std::optional<std::string_view> find_header(std::span<const header_field> fields,
                                            std::string_view name) noexcept;

std::ostream& operator<<(std::ostream& os, const header_field& f);

}  // namespace eventwire::multipart
