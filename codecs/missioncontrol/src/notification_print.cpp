#include <eventwire/missioncontrol/incident_notification.hpp>

#include <ostream>
#include <string>

namespace eventwire::missioncontrol {

std::ostream& operator<<(std::ostream& os, const sent_time& t) {
  std::string utc;
  time::append_rfc3339(utc, t.value.utc);
  return os << '"' << t.text.escaped << "\" (" << utc << ')';
}

std::ostream& operator<<(std::ostream& os, const incident_notification& n) {
  os << "incident_notification{type=" << n.type;
  if (n.type == event_type::unknown) os << " \"" << n.type_name.escaped << '"';
  os << ", incident_id=";
  if (n.incident_id)
    os << '"' << n.incident_id->escaped << '"';
  else
    os << "null";
  os << ", timestamp=";
  if (n.timestamp)
    os << *n.timestamp;
  else
    os << "null";
  return os << ", payload=" << n.payload_json << '}';
}

}  // namespace eventwire::missioncontrol
