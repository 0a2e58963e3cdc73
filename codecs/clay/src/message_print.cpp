#include <eventwire/clay/message.hpp>

#include <optional>
#include <ostream>
#include <string>
#include <type_traits>

namespace eventwire::clay {
namespace {

template <class T>
struct or_null {
  const std::optional<T>& value;
};
template <class T>
std::ostream& operator<<(std::ostream& os, or_null<T> o) {
  if (!o.value) return os << "null";
  if constexpr (std::is_same_v<T, json::raw_string>)
    return os << '"' << o.value->escaped << '"';
  else
    return os << *o.value;
}

}  // namespace

std::ostream& operator<<(std::ostream& os, const identifier& i) {
  if (i.is_number) return os << i.text.escaped;
  return os << '"' << i.text.escaped << '"';
}

std::ostream& operator<<(std::ostream& os, const sent_time& t) {
  std::string utc;
  time::append_rfc3339(utc, t.value.utc);
  return os << '"' << t.text.escaped << "\" (" << utc << ')';
}

std::ostream& operator<<(std::ostream& os, const message& m) {
  return os << "message{hub=" << m.hub << ", id=" << or_null<identifier>{m.id}
            << ", type=" << or_null<json::raw_string>{m.type}
            << ", time=" << or_null<sent_time>{m.time}
            << ", collection_id=" << or_null<identifier>{m.collection_id} << ", json=" << m.json
            << '}';
}

}  // namespace eventwire::clay
