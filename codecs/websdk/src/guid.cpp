#include <eventwire/websdk/connection_id.hpp>
#include <eventwire/websdk/error.hpp>
#include <eventwire/websdk/guid.hpp>

namespace eventwire::websdk {
namespace {

constexpr bool is_hex(char c) noexcept {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

constexpr bool is_blank(char c) noexcept { return c == ' ' || c == '\t'; }

}  // namespace

bool is_guid(std::string_view text) noexcept {
  if (text.size() != 36) return false;
  for (std::size_t i = 0; i < 36; ++i) {
    const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash ? text[i] != '-' : !is_hex(text[i])) return false;
  }
  return true;
}

std::error_code parse_connection_id_value(std::string_view value, std::string_view& id) {
  while (!value.empty() && is_blank(value.front())) value.remove_prefix(1);
  while (!value.empty() && (is_blank(value.back()) || value.back() == '\r' || value.back() == '\n'))
    value.remove_suffix(1);
  if (!is_guid(value)) return error::invalid_connection_id;
  id = value;
  return {};
}

std::error_code parse_connection_id_line(std::string_view line, std::string_view& id) {
  constexpr std::string_view name = "connectionid:";
  if (line.size() < name.size()) return error::invalid_connection_id;
  for (std::size_t i = 0; i < name.size(); ++i) {
    char c = line[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != name[i]) return error::invalid_connection_id;
  }
  return parse_connection_id_value(line.substr(name.size()), id);
}

}  // namespace eventwire::websdk
