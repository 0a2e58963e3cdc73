#include <eventwire/missioncontrol/web_token.hpp>

#include <ostream>
#include <string>

namespace eventwire::missioncontrol {

std::ostream& operator<<(std::ostream& os, const web_token& t) {
  os << "web_token{token=" << (t.token.escaped.empty() ? "(empty)" : "****") << ", valid_until=";
  if (t.valid_until) {
    std::string utc;
    time::append_rfc3339(utc, *t.valid_until);
    os << utc;
  } else {
    os << "null";
  }
  os << ", valid_for=";
  if (t.valid_for)
    os << t.valid_for->count() << " ms";
  else
    os << "null";
  return os << '}';
}

}  // namespace eventwire::missioncontrol
