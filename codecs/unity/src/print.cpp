#include <eventwire/unity/api_error.hpp>
#include <eventwire/unity/fetch_page.hpp>
#include <eventwire/unity/notification.hpp>

#include <ostream>
#include <string>
#include <type_traits>
#include <utility>

namespace eventwire::unity {
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

std::ostream& operator<<(std::ostream& os, const event_time& t) {
  std::string utc;
  time::append_rfc3339(utc, t.value.utc);
  return os << quoted{t.text} << " (" << utc << ')';
}

std::ostream& operator<<(std::ostream& os, const notification& n) {
  return os << "notification{event_type=" << quoted{n.event_type}
            << ", event_object_name=" << quoted{n.event_object_name}
            << ", event_id=" << quoted{n.event_id} << ", time=" << n.time
            << ", event=" << n.event_json << '}';
}

std::ostream& operator<<(std::ostream& os, const fetch_page& p) {
  os << "fetch_page{subscription_id=" << quoted{p.subscription_id} << ", count=" << p.count
     << ", next_position=" << quoted{p.next_position}
     << ", more_available=" << (p.more_available ? "true" : "false") << ", notifications=[";
  const char* separator = "";
  for (const notification& n : p.notifications) os << std::exchange(separator, ", ") << n;
  return os << "]}";
}

std::ostream& operator<<(std::ostream& os, const api_error& e) {
  return os << "api_error{error=" << or_null<json::raw_string>{e.error}
            << ", description=" << or_null<json::raw_string>{e.description}
            << ", message=" << or_null<json::raw_string>{e.message}
            << ", status_code=" << or_null<std::int64_t>{e.status_code}
            << ", request_id=" << or_null<json::raw_string>{e.request_id} << '}';
}

}  // namespace eventwire::unity
