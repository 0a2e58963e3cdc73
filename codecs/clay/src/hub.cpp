#include <eventwire/clay/hub.hpp>

#include <ostream>

namespace eventwire::clay {

std::string_view hub_name(hub h) noexcept {
  switch (h) {
    case hub::incident: return "incident";
    case hub::entry: return "entry";
  }
  return "unknown";
}

bool parse_hub_name(std::string_view name, hub& out) noexcept {
  if (name == "incident") return out = hub::incident, true;
  if (name == "entry") return out = hub::entry, true;
  return false;
}

std::ostream& operator<<(std::ostream& os, hub h) {
  if (h != hub::incident && h != hub::entry) return os << "hub(" << static_cast<int>(h) << ')';
  return os << hub_name(h);
}

}  // namespace eventwire::clay
