#include <eventwire/multipart/header_parameters.hpp>

#include <eventwire/multipart/detail/ascii.hpp>

namespace eventwire::multipart {
namespace {

using detail::is_space;
using detail::trim;

struct parameter {
  std::string_view name;
  header_parameter value;
};

// Reads one `name=value` parameter at the front of `rest` (after its ';') and removes it.
// A quoted value may hold ';', so the value is read before looking for the next ';'.
parameter next_parameter(std::string_view& rest) noexcept {
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
        p.value.escaped = true;
        ++i;
      }
      ++i;
    }
    p.value.value = rest.substr(1, (i < rest.size() ? i : rest.size()) - 1);
    rest.remove_prefix(i < rest.size() ? i + 1 : rest.size());
  } else {
    std::size_t i = 0;
    while (i < rest.size() && rest[i] != ';') ++i;
    p.value.value = trim(rest.substr(0, i));
  }
  const std::size_t semi = rest.find(';');
  rest.remove_prefix(semi == std::string_view::npos ? rest.size() : semi + 1);
  return p;
}

}  // namespace

std::string_view header_main_value(std::string_view header_value) noexcept {
  return trim(header_value.substr(0, header_value.find(';')));
}

std::optional<header_parameter> find_parameter(std::string_view header_value,
                                               std::string_view name) noexcept {
  const std::size_t semi = header_value.find(';');
  if (semi == std::string_view::npos) return std::nullopt;
  std::string_view rest = header_value.substr(semi + 1);
  while (!rest.empty()) {
    const parameter p = next_parameter(rest);
    if (detail::iequals(p.name, name)) return p.value;
  }
  return std::nullopt;
}

}  // namespace eventwire::multipart
