#include <eventwire/multipart/boundary.hpp>

#include <eventwire/multipart/detail/ascii.hpp>
#include <eventwire/multipart/error.hpp>
#include <eventwire/multipart/header_parameters.hpp>

namespace eventwire::multipart {

bool is_valid_boundary(std::string_view boundary) noexcept {
  if (boundary.empty() || boundary.size() > max_boundary_size || boundary.back() == ' ') return false;
  for (char c : boundary)
    if (c < 0x20 || c > 0x7e) return false;
  return true;
}

std::string_view parse_boundary(std::string_view content_type, std::error_code& ec) {
  ec.clear();
  const std::string_view media_type = header_main_value(content_type);
  constexpr std::string_view multipart = "multipart/";
  if (media_type.size() <= multipart.size() ||
      !detail::iequals(media_type.substr(0, multipart.size()), multipart) ||
      !detail::is_tchar(media_type[multipart.size()])) {
    ec = error::not_multipart;
    return {};
  }
  const std::optional<header_parameter> boundary = find_parameter(content_type, "boundary");
  if (!boundary) {
    ec = error::missing_boundary;
    return {};
  }
  if (boundary->escaped || !is_valid_boundary(boundary->value)) {
    ec = error::invalid_boundary;
    return {};
  }
  return boundary->value;
}

}  // namespace eventwire::multipart
