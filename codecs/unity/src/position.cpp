#include <eventwire/json/writer.hpp>
#include <eventwire/unity/position.hpp>

#include <ostream>

namespace eventwire::unity {

std::string_view wire_name(position_type t) noexcept {
  switch (t) {
    case position_type::after_newest: return "new";
    case position_type::newest: return "latest";
    case position_type::date: return "date";
    case position_type::oldest: return "horizon";
  }
  return "unknown";
}

void append_position_request(std::string& out, const position_request& r) {
  out += "{\"PositionType\":";
  json::append_string(out, wire_name(r.type));
  if (r.type == position_type::date) {
    // The vendor's sample sends the date without a zone; the text is UTC.
    std::string date;
    time::append_rfc3339(date, r.start_date);
    date.pop_back();  // the 'Z'
    out += ",\"StartDate\":";
    json::append_string(out, date);
  }
  out += '}';
}

std::string encode_position_request(const position_request& r) {
  std::string out;
  append_position_request(out, r);
  return out;
}

std::ostream& operator<<(std::ostream& os, position_type t) {
  if (t > position_type::oldest) return os << "position_type(" << static_cast<int>(t) << ')';
  return os << wire_name(t);
}

std::ostream& operator<<(std::ostream& os, const position_request& r) {
  os << "position_request{type=" << r.type;
  if (r.type == position_type::date) {
    std::string date;
    time::append_rfc3339(date, r.start_date);
    os << ", start_date=" << date;
  }
  return os << '}';
}

}  // namespace eventwire::unity
