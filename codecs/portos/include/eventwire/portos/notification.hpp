#pragma once

// A Portos notification, as the hub method `OnEvent` delivers it: the short keys of the wire
// (`e`, `s`, `ca`, ...) given full names. Every string is a json::raw_string view into the JSON
// text it was decoded from, and `affected` views storage owned by the decoder, so a decoded
// notification lives as long as that text and until the decoder's next decode().

#include <eventwire/json/raw_string.hpp>
#include <eventwire/portos/resource_action.hpp>
#include <eventwire/time/timestamp.hpp>

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <span>
#include <string_view>

namespace eventwire::portos {

// The events Portos raises (the `e` of a notification and of a subscription).
inline constexpr std::string_view resources_changed_event = "portos.resources.changed";
inline constexpr std::string_view licence_activated_event = "portos.licence.activated";

// A date-time as sent (`ca`, `ea`): the parsed instant and the text it came from.
struct sent_time {
  time::timestamp value;
  json::raw_string text;
};

// NotificationSenderUserIdentity (`s.u`): who performed the action behind the event.
struct sender_identity {
  json::raw_string user_name;               // u: unique user name, or "System"
  json::raw_string device;                  // d: device name, or "System"
  std::optional<json::raw_string> feature;  // f?: the system module acting as a "virtual user"
};

// NotificationSender (`s`).
struct notification_sender {
  json::raw_string connection_id;  // c: the sender's SignalR connection (drop our own echoes)
  sender_identity user;            // u
};

// UserIdentity (`p.u`).
struct user_identity {
  json::raw_string user_id;                 // u: unique user identifier
  json::raw_string display_name;            // d
  std::optional<json::raw_string> feature;  // f?: set only for virtual users
};

// ResourceInfo (`p.i`, `p.r[]`).
struct resource_info {
  json::raw_string id;                  // i: e.g. the database id
  json::raw_string name;                // n: the seed gives no description; inferred to be a name
  std::optional<std::int64_t> version;  // v?: the seed says "number"; read as an integer
};

// ResourceChangedNotificationPayload (`p` of portos.resources.changed).
struct resources_changed {
  user_identity user;  // u: the seed names no type; inferred to be a UserIdentity
  // n: the seed gives no description; inferred to be the kind of resource, the name a
  // subscription filters on (e.g. "door").
  json::raw_string resource_name;
  resource_action action;                   // a: 1 created, 2 updated, 3 deleted
  resource_info resource;                   // i: the changed resource
  std::span<const resource_info> affected;  // r: affected resources (may be empty)
};

// Notification.
struct notification {
  json::raw_string event;                     // e
  notification_sender sender;                 // s
  std::optional<json::raw_string> reference;  // r?
  sent_time created_at;                       // ca
  std::optional<sent_time> expires_at;        // ea?
  std::string_view payload_json;              // p: its exact JSON text, for every event
  std::optional<resources_changed> change;    // p decoded, when e is portos.resources.changed
};

std::ostream& operator<<(std::ostream& os, const sent_time& t);
std::ostream& operator<<(std::ostream& os, const sender_identity& s);
std::ostream& operator<<(std::ostream& os, const notification_sender& s);
std::ostream& operator<<(std::ostream& os, const user_identity& u);
std::ostream& operator<<(std::ostream& os, const resource_info& r);
std::ostream& operator<<(std::ostream& os, const resources_changed& p);
std::ostream& operator<<(std::ostream& os, const notification& n);

}  // namespace eventwire::portos
