#pragma once

#include <cstddef>
#include <string_view>
#include <system_error>

namespace eventwire::multipart {

// RFC 2046 §5.1.1: a boundary has 1 to 70 characters.
inline constexpr std::size_t max_boundary_size = 70;

// True when `boundary` can delimit parts: 1 to 70 printable ASCII characters, not ending in a
// space. Looser than RFC 2046's bchars on purpose: servers use what they like.
bool is_valid_boundary(std::string_view boundary) noexcept;

// The boundary parameter of a multipart Content-Type value, quoted or not, the parameter name
// matched in any case: `multipart/mixed; boundary=--GENETECBOUNDARY` gives "--GENETECBOUNDARY".
// Returns a view into `content_type`; on failure returns "" and sets `ec` to not_multipart,
// missing_boundary or invalid_boundary.
std::string_view parse_boundary(std::string_view content_type, std::error_code& ec);

}  // namespace eventwire::multipart
