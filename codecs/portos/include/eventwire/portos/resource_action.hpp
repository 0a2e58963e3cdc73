#pragma once

#include <cstdint>
#include <iosfwd>
#include <string_view>

namespace eventwire::portos {

// What happened to a resource. Notifications carry the number; subscriptions name it.
enum class resource_action : std::uint8_t {
  created = 1,
  updated = 2,
  deleted = 3,
};

// "created", "updated" or "deleted".
std::string_view action_name(resource_action a) noexcept;

// Reads an action name: "created", "updated" or "deleted".
bool parse_action_name(std::string_view name, resource_action& out) noexcept;

// Reads an action from the text of a JSON number: "1", "2" or "3" (not "1.0" or "1e0").
bool parse_action_number(std::string_view number, resource_action& out) noexcept;

std::ostream& operator<<(std::ostream& os, resource_action a);

}  // namespace eventwire::portos
