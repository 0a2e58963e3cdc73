#include <eventwire/multipart/event.hpp>

#include <ostream>

namespace eventwire::multipart {
namespace {

void print_escaped(std::ostream& os, std::string_view bytes) {
  constexpr char hex[] = "0123456789abcdef";
  os << '"';
  for (const char c : bytes) {
    switch (c) {
      case '\r': os << "\\r"; break;
      case '\n': os << "\\n"; break;
      case '\t': os << "\\t"; break;
      case '"': os << "\\\""; break;
      case '\\': os << "\\\\"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) >= 0x7f) {
          const auto u = static_cast<unsigned char>(c);
          os << "\\x" << hex[u >> 4] << hex[u & 0xf];
        } else {
          os << c;
        }
    }
  }
  os << '"';
}

}  // namespace

std::ostream& operator<<(std::ostream& os, event_kind k) {
  switch (k) {
    case event_kind::part_begin: return os << "part_begin";
    case event_kind::body: return os << "body";
    case event_kind::part_end: return os << "part_end";
    case event_kind::heartbeat: return os << "heartbeat";
    case event_kind::close: return os << "close";
  }
  return os << "event_kind(" << static_cast<int>(k) << ')';
}

std::ostream& operator<<(std::ostream& os, const event& e) {
  os << e.kind;
  switch (e.kind) {
    case event_kind::part_begin:
      os << " {";
      for (std::size_t i = 0; i < e.headers.size(); ++i) os << (i ? "; " : "") << e.headers[i];
      os << '}';
      if (e.content_length) os << " length " << *e.content_length;
      break;
    case event_kind::body:
    case event_kind::heartbeat:
      os << ' ';
      print_escaped(os, e.bytes);
      break;
    case event_kind::part_end:
    case event_kind::close:
      break;
  }
  return os;
}

}  // namespace eventwire::multipart
