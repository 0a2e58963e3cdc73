#include <eventwire/multipart/boundary.hpp>

#include <eventwire/multipart/detail/ascii.hpp>
#include <eventwire/multipart/error.hpp>

namespace eventwire::multipart {
namespace {

using detail::is_space;
using detail::is_tchar;
using detail::trim;

struct parameter {
  std::string_view name;
  std::string_view value;
  bool escaped = false;  // a quoted value held a backslash escape, so the view is not the value
};

// Reads one `name=value` parameter at the front of `rest` (after its ';') and removes it.
// A quoted value may hold ';', so the value is read before looking for the next ';'.
parameter next_parameter(std::string_view& rest) {
  parameter p;
  const std::size_t eq = rest.find_first_of("=;");
  if (eq == std::string_view::npos || rest[eq] == ';') {
    rest.remove_prefix(eq == std::string_view::npos ? rest.size() : eq + 1);
    return p;
  }
  p.name = trim(rest.substr(0, eq));
  rest.remove_prefix(eq + 1);
  while (!rest.empty() && is_space(rest.front())) rest.remove_prefix(1);
  if (!rest.empty() && rest.front() == '"') {
    std::size_t i = 1;
    while (i < rest.size() && rest[i] != '"') {
      if (rest[i] == '\\') {
        p.escaped = true;
        ++i;
      }
      ++i;
    }
    p.value = rest.substr(1, (i < rest.size() ? i : rest.size()) - 1);
    rest.remove_prefix(i < rest.size() ? i + 1 : rest.size());
  } else {
    std::size_t i = 0;
    while (i < rest.size() && rest[i] != ';') ++i;
    p.value = trim(rest.substr(0, i));
  }
  const std::size_t semi = rest.find(';');
  rest.remove_prefix(semi == std::string_view::npos ? rest.size() : semi + 1);
  return p;
}

}  // namespace

bool is_valid_boundary(std::string_view boundary) noexcept {
  if (boundary.empty() || boundary.size() > max_boundary_size || boundary.back() == ' ') return false;
  for (char c : boundary)
    if (c < 0x20 || c > 0x7e) return false;
  return true;
}

std::string_view parse_boundary(std::string_view content_type, std::error_code& ec) {
  ec.clear();
  const std::size_t semi = content_type.find(';');
  const std::string_view media_type = trim(content_type.substr(0, semi));
  constexpr std::string_view multipart = "multipart/";
  if (media_type.size() <= multipart.size() ||
      !detail::iequals(media_type.substr(0, multipart.size()), multipart) ||
      !is_tchar(media_type[multipart.size()])) {
    ec = error::not_multipart;
    return {};
  }
  std::string_view rest = semi == std::string_view::npos ? std::string_view{}
                                                         : content_type.substr(semi + 1);
  while (!rest.empty()) {
    const parameter p = next_parameter(rest);
    if (!detail::iequals(p.name, "boundary")) continue;
    if (p.escaped || !is_valid_boundary(p.value)) {
      ec = error::invalid_boundary;
      return {};
    }
    return p.value;
  }
  ec = error::missing_boundary;
  return {};
}

}  // namespace eventwire::multipart
