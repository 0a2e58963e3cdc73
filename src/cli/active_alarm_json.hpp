#pragma once

#include <eventwire/websdk/client.hpp>

#include <string>

namespace eventwire::cli {

// One active alarm as `eventwire websdk alarms` prints it: a JSON object on one line (with its
// '\n'), {"instance_id", "alarm", "trigger_entity", "trigger_time" (RFC 3339), "state",
// "priority", "context"}; members the server did not send are left out.
std::string active_alarm_json(const websdk::active_alarm_record& alarm);

}  // namespace eventwire::cli
