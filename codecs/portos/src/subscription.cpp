#include <eventwire/json/writer.hpp>
#include <eventwire/portos/subscription.hpp>

#include <ostream>
#include <utility>

namespace eventwire::portos {

void append_subscription(std::string& out, const subscription& s) {
  out += "{\"e\":";
  json::append_string(out, s.event);
  if (!s.resources.empty()) {
    out += ",\"r\":[";
    for (std::size_t i = 0; i < s.resources.size(); ++i) {
      const subscribed_resource& resource = s.resources[i];
      if (i != 0) out += ',';
      out += "{\"n\":";
      json::append_string(out, resource.name);
      if (!resource.actions.empty()) {
        out += ",\"a\":[";
        for (std::size_t k = 0; k < resource.actions.size(); ++k) {
          if (k != 0) out += ',';
          json::append_string(out, action_name(resource.actions[k]));
        }
        out += ']';
      }
      out += '}';
    }
    out += ']';
  }
  out += '}';
}

std::string encode_subscription(const subscription& s) {
  std::string out;
  append_subscription(out, s);
  return out;
}

std::ostream& operator<<(std::ostream& os, const subscribed_resource& r) {
  os << "{name=\"" << r.name << "\", actions=[";
  const char* separator = "";
  for (resource_action a : r.actions) os << std::exchange(separator, ", ") << a;
  return os << "]}";
}

std::ostream& operator<<(std::ostream& os, const subscription& s) {
  os << "subscription{event=\"" << s.event << "\", resources=[";
  const char* separator = "";
  for (const subscribed_resource& r : s.resources) os << std::exchange(separator, ", ") << r;
  return os << "]}";
}

}  // namespace eventwire::portos
