#include <eventwire/websdk/detail/call_text.hpp>
#include <eventwire/websdk/guid.hpp>

#include <charconv>
#include <ostream>

namespace eventwire::websdk {
namespace detail {

bool is_name(std::string_view text) noexcept {
  if (text.empty()) return false;
  for (const char c : text)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'))
      return false;
  return true;
}

bool is_call_text(std::string_view text, bool allow_empty) noexcept {
  if (text.empty()) return allow_empty;
  for (const char c : text) {
    const auto b = static_cast<unsigned char>(c);
    if (b < 0x20 || b == 0x7F || c == '(' || c == ')' || c == '{' || c == '}' || c == ',')
      return false;
  }
  return true;
}

std::error_code append_guid(std::string& out, std::string_view guid, bool braced) {
  if (!is_guid(guid)) return error::invalid_guid;
  if (braced) out += '{';
  out += guid;
  if (braced) out += '}';
  return {};
}

void append_uint(std::string& out, std::uint64_t value) {
  char buffer[24];
  const auto end = std::to_chars(buffer, buffer + sizeof buffer, value).ptr;
  out.append(buffer, end);
}

std::error_code append_id(std::string& out, std::int64_t value) {
  if (value < 0 || value > max_int32) return error::out_of_range;
  append_uint(out, static_cast<std::uint64_t>(value));
  return {};
}

std::error_code append_entity(std::string& out, const entity_ref& e, bool braced_guid,
                              bool allow_type) {
  switch (e.which()) {
    case entity_ref::kind::guid: return append_guid(out, e.text(), braced_guid);
    case entity_ref::kind::logical_id:
      if (!is_name(e.text())) return error::invalid_name;
      out += "LogicalID(";
      out += e.text();
      out += ',';
      append_uint(out, e.id());
      out += ')';
      return {};
    case entity_ref::kind::entity_type:
      if (!allow_type) return error::unsupported_combination;
      if (!is_name(e.text())) return error::invalid_name;
      out += e.text();
      return {};
  }
  return error::unsupported_combination;
}

}  // namespace detail

std::ostream& operator<<(std::ostream& os, const entity_ref& e) {
  switch (e.which()) {
    case entity_ref::kind::guid: return os << "guid(" << e.text() << ')';
    case entity_ref::kind::logical_id: return os << "LogicalID(" << e.text() << ',' << e.id() << ')';
    case entity_ref::kind::entity_type: return os << "type(" << e.text() << ')';
  }
  return os;
}

}  // namespace eventwire::websdk
