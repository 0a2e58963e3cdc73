#pragma once

#include <eventwire/missioncontrol/event_type.hpp>

#include <chrono>
#include <string>
#include <string_view>

namespace eventwire::emulator::detail {

// The `IncidentNotification` argument list ("[{...}]") for one event: Type, IncidentId,
// Timestamp, and members plausible for the type (inferred; the seed lists only the type names).
void render_incident_notification(std::string& out, missioncontrol::event_type type, std::string_view incident_id,
                                  std::uint64_t sequence, std::chrono::system_clock::time_point now);

}  // namespace eventwire::emulator::detail
