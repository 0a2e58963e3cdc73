#pragma once

#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>

namespace eventwire::auth {

inline constexpr std::string_view mask = "****";

// `text` with every occurrence of each of `values` replaced by "****" (empty values are
// ignored; longer values are masked first so one containing another is masked whole). For texts
// that come from elsewhere and might echo a credential back, such as a token endpoint's
// error_description.
std::string mask_values(std::string_view text, std::initializer_list<std::string_view> values);

// A server's free text made fit for one log line: control characters become spaces, and it is
// cut to `limit` bytes (at a UTF-8 character boundary) with "..." appended when cut.
std::string one_line_excerpt(std::string_view text, std::size_t limit = 200);

}  // namespace eventwire::auth
