#pragma once

// One `IncidentNotification` from Mission Control's `GET /v4/Notifications` hub.
//
// What the seed states: the hub method name and the 24 event types (event_type.hpp). Everything
// about the argument's shape is inferred and kept configurable (notification_decoder::field_names):
// it is taken to be one JSON object naming its event type in `Type`, the incident in
// `IncidentId` and when it happened in `Timestamp` (PascalCase, as the Web API's REST answers
// such as the WebToken's `Token`/`ValidUntil` are written; keys match in any case, as the .NET
// SignalR client reads them). Every other member is type-specific and stays in `payload_json`.
//
// Every string is a json::raw_string view into the argument's JSON text, and payload_json is
// that object's exact text, so a notification lives as long as the text it was decoded from.

#include <eventwire/json/raw_string.hpp>
#include <eventwire/missioncontrol/event_type.hpp>
#include <eventwire/time/timestamp.hpp>

#include <iosfwd>
#include <optional>
#include <string_view>

namespace eventwire::missioncontrol {

// A date-time as sent: the parsed instant and the text it came from.
struct sent_time {
  time::timestamp value;
  json::raw_string text;
};

struct incident_notification {
  event_type type = event_type::unknown;  // unknown: type_name is not one of the seed's 24
  json::raw_string type_name;             // the type exactly as sent, e.g. "StateChanged"
  std::optional<json::raw_string> incident_id;  // inferred: the incident's GUID
  std::optional<sent_time> timestamp;           // inferred: when the change happened
  std::string_view payload_json;  // the whole notification object, exact text (no whitespace around)
};

std::ostream& operator<<(std::ostream& os, const sent_time& t);
std::ostream& operator<<(std::ostream& os, const incident_notification& n);

}  // namespace eventwire::missioncontrol
