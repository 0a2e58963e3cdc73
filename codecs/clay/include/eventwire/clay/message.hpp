#pragma once

// One Clay (SALTO KS core API) streaming message: the content of the single string argument of
// `ReceiveMessage`, itself a JSON text.
//
// What the seed states: the hub (incident or entry), the optional `collectionId` (site) filter,
// and that the argument is one string holding the message. The message's fields are inferred
// and configurable (message_decoder::field_names): an object with `id`, `type`, `time` and
// `collectionId` (the seed's name for the site), every one optional; every other member stays in
// `json`, the message's exact text.
//
// Every view points into the unescaped message: the caller's buffer (or, when the argument had
// no escapes, the argument's text itself). A message lives as long as both, and until the buffer
// is used for the next decode.

#include <eventwire/clay/hub.hpp>
#include <eventwire/json/raw_string.hpp>
#include <eventwire/time/timestamp.hpp>

#include <iosfwd>
#include <optional>
#include <string_view>

namespace eventwire::clay {

// An identifier sent as a JSON string, or as an integer number kept as its text.
struct identifier {
  json::raw_string text;   // for a number, its digits (never escaped)
  bool is_number = false;
};

// A date-time as sent: the parsed instant and the text it came from.
struct sent_time {
  time::timestamp value;
  json::raw_string text;
};

struct message {
  clay::hub hub = hub::incident;           // the caller's hub, not read from the message
  std::string_view json;                   // the whole message object, exact text
  std::optional<identifier> id;            // inferred: the event's own id
  std::optional<json::raw_string> type;    // inferred: what happened
  std::optional<sent_time> time;           // inferred: when it happened
  std::optional<identifier> collection_id; // inferred: the site (collection) it belongs to
};

std::ostream& operator<<(std::ostream& os, const identifier& i);
std::ostream& operator<<(std::ostream& os, const sent_time& t);
std::ostream& operator<<(std::ostream& os, const message& m);

}  // namespace eventwire::clay
