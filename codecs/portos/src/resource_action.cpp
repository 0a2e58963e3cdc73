#include <eventwire/portos/resource_action.hpp>

#include <ostream>

namespace eventwire::portos {

std::string_view action_name(resource_action a) noexcept {
  switch (a) {
    case resource_action::created: return "created";
    case resource_action::updated: return "updated";
    case resource_action::deleted: return "deleted";
  }
  return "unknown";
}

bool parse_action_name(std::string_view name, resource_action& out) noexcept {
  if (name == "created") return out = resource_action::created, true;
  if (name == "updated") return out = resource_action::updated, true;
  if (name == "deleted") return out = resource_action::deleted, true;
  return false;
}

bool parse_action_number(std::string_view number, resource_action& out) noexcept {
  if (number.size() != 1 || number[0] < '1' || number[0] > '3') return false;
  out = static_cast<resource_action>(number[0] - '0');
  return true;
}

std::ostream& operator<<(std::ostream& os, resource_action a) {
  if (a < resource_action::created || a > resource_action::deleted)
    return os << "action(" << static_cast<int>(a) << ')';
  return os << action_name(a);
}

}  // namespace eventwire::portos
