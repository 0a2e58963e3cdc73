#pragma once

#include <eventwire/time/timestamp.hpp>

#include <optional>
#include <string_view>

namespace eventwire::event {

// What a source knows of one event, as views that need to live only until event_batch::add()
// returns. The normalized event is CloudEvents 1.0 (see docs/EVENTS.md):
//   type    = type_prefix + type_name ("genetec.securitycenter.event." + "CameraMotion")
//   id      = the vendor's own id, or else a stable hash of the source name and `raw`
//   source  = "eventwire/<source name>"
struct event_fields {
  std::string_view id;           // the vendor's event id; empty: hashed (see above)
  std::string_view type_prefix;  // e.g. "webroot.unity."
  std::string_view type_name;    // e.g. "WebThreatShield.UrlAction"; may be empty
  std::string_view subject;      // the entity or resource the event is about; empty: none
  std::optional<time::utc_time> time;  // the event's own time; none: omitted
  std::string_view data_json;    // the vendor's payload: one valid JSON value, copied as it is
  std::string_view raw;          // the bytes the event came from, for the hashed id; empty: data_json
};

}  // namespace eventwire::event
