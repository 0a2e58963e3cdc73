// Printing of the session's small types, so a failing test reads like a spec.

#include <eventwire/signalr/connection_state.hpp>
#include <eventwire/signalr/invocation_result.hpp>

#include <ostream>

namespace eventwire::signalr {

const char* to_string(connection_state s) noexcept {
  switch (s) {
    case connection_state::disconnected: return "disconnected";
    case connection_state::connecting: return "connecting";
    case connection_state::connected: return "connected";
    case connection_state::reconnecting: return "reconnecting";
    case connection_state::disconnecting: return "disconnecting";
  }
  return "unknown";
}

std::ostream& operator<<(std::ostream& os, connection_state s) { return os << to_string(s); }

std::ostream& operator<<(std::ostream& os, const invocation_result& r) {
  switch (r.what()) {
    case invocation_result::kind::none: return os << "none";
    case invocation_result::kind::value: return os << "value " << r.text();
    case invocation_result::kind::error: return os << "error \"" << r.text() << '"';
  }
  return os;
}

}  // namespace eventwire::signalr
