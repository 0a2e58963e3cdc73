#pragma once

// One Webroot Unity event notification, an element of a fetch page's `Notifications`:
//   {"EventType":"Endpoint.FileDetection","EventObjectName":"EndpointFileDetectionEvent",
//    "UnityAPIEventId":"32368861-...","EndpointFileDetectionEvent":{"Timestamp":"...", ...}}
// Every string is a json::raw_string view and every JSON text a view into the page body it was
// decoded from, so a notification lives as long as that body and until the decoder's next decode.

#include <eventwire/json/raw_string.hpp>
#include <eventwire/time/timestamp.hpp>

#include <iosfwd>
#include <string_view>

namespace eventwire::unity {

// The event's `Timestamp` as sent and as parsed (.NET sends 7 fraction digits and `Z`).
struct event_time {
  time::timestamp value;
  json::raw_string text;
};

struct notification {
  json::raw_string event_type;         // EventType, e.g. "WebThreatShield.UrlAction"
  json::raw_string event_object_name;  // EventObjectName, e.g. "WtsUrlActionEvent"
  json::raw_string event_id;           // UnityAPIEventId: the normalized event's id
  event_time time;                     // <EventObjectName>.Timestamp: the event's time
  // The member named by EventObjectName: the event itself, a JSON object, exactly as sent and
  // validated; its fields other than Timestamp are the vendor's and stay undecoded.
  std::string_view event_json;
  std::string_view notification_json;  // the whole element of Notifications, exactly as sent
};

std::ostream& operator<<(std::ostream& os, const event_time& t);
std::ostream& operator<<(std::ostream& os, const notification& n);

}  // namespace eventwire::unity
