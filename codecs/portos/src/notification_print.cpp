#include <eventwire/portos/notification.hpp>

#include <ostream>
#include <string>
#include <type_traits>
#include <utility>

namespace eventwire::portos {
namespace {

// A raw string is printed as the JSON string literal it was: quotes around the escaped text.
struct quoted {
  const json::raw_string& s;
};
std::ostream& operator<<(std::ostream& os, quoted q) { return os << '"' << q.s.escaped << '"'; }

template <class T>
struct or_null {
  const std::optional<T>& value;
};
template <class T>
std::ostream& operator<<(std::ostream& os, or_null<T> o) {
  if (!o.value) return os << "null";
  if constexpr (std::is_same_v<T, json::raw_string>)
    return os << quoted{*o.value};
  else
    return os << *o.value;
}

}  // namespace

std::ostream& operator<<(std::ostream& os, const sent_time& t) {
  std::string utc;
  time::append_rfc3339(utc, t.value.utc);
  return os << quoted{t.text} << " (" << utc << ')';
}

std::ostream& operator<<(std::ostream& os, const sender_identity& s) {
  return os << "{user_name=" << quoted{s.user_name} << ", device=" << quoted{s.device}
            << ", feature=" << or_null<json::raw_string>{s.feature} << '}';
}

std::ostream& operator<<(std::ostream& os, const notification_sender& s) {
  return os << "{connection_id=" << quoted{s.connection_id} << ", user=" << s.user << '}';
}

std::ostream& operator<<(std::ostream& os, const user_identity& u) {
  return os << "{user_id=" << quoted{u.user_id} << ", display_name=" << quoted{u.display_name}
            << ", feature=" << or_null<json::raw_string>{u.feature} << '}';
}

std::ostream& operator<<(std::ostream& os, const resource_info& r) {
  return os << "{id=" << quoted{r.id} << ", name=" << quoted{r.name}
            << ", version=" << or_null<std::int64_t>{r.version} << '}';
}

std::ostream& operator<<(std::ostream& os, const resources_changed& p) {
  os << "resources_changed{user=" << p.user << ", resource_name=" << quoted{p.resource_name}
     << ", action=" << p.action << ", resource=" << p.resource << ", affected=[";
  const char* separator = "";
  for (const resource_info& r : p.affected) os << std::exchange(separator, ", ") << r;
  return os << "]}";
}

std::ostream& operator<<(std::ostream& os, const notification& n) {
  os << "notification{event=" << quoted{n.event} << ", sender=" << n.sender
     << ", reference=" << or_null<json::raw_string>{n.reference} << ", created_at=" << n.created_at
     << ", expires_at=" << or_null<sent_time>{n.expires_at} << ", payload=";
  if (n.change)
    os << *n.change;
  else
    os << n.payload_json;
  return os << '}';
}

}  // namespace eventwire::portos
