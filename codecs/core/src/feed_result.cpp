#include <eventwire/codec/feed_result.hpp>

#include <ostream>

namespace eventwire::codec {

std::ostream& operator<<(std::ostream& os, status s) {
  switch (s) {
    case status::need_more: return os << "need_more";
    case status::event: return os << "event";
    case status::error: return os << "error";
  }
  return os << "status(" << static_cast<int>(s) << ')';
}

std::ostream& operator<<(std::ostream& os, const feed_result& r) {
  return os << '{' << r.consumed << ", " << r.state << '}';
}

}  // namespace eventwire::codec
