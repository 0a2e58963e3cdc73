#include <eventwire/websocket/event.hpp>

#include <ostream>

namespace eventwire::websocket {

std::ostream& operator<<(std::ostream& os, event_kind k) {
  switch (k) {
    case event_kind::message: return os << "message";
    case event_kind::ping: return os << "ping";
    case event_kind::pong: return os << "pong";
    case event_kind::close: return os << "close";
  }
  return os << "event_kind(" << static_cast<int>(k) << ')';
}

std::ostream& operator<<(std::ostream& os, const event& e) {
  switch (e.kind) {
    case event_kind::message:
      return os << (e.text ? "text" : "binary") << " message of " << e.payload.size() << " bytes";
    case event_kind::close:
      return os << e.close;
    case event_kind::ping:
    case event_kind::pong:
      return os << e.kind << " of " << e.payload.size() << " bytes";
  }
  return os << e.kind;
}

}  // namespace eventwire::websocket
