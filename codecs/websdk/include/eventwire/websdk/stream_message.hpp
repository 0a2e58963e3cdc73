#pragma once

// What one `text/json` part of the Web SDK event stream carries, decoded from its `Rsp`
// envelope. Strings are json::raw_string views into the part's text and lists view storage owned
// by the stream_decoder, so a message lives as long as that text and until the decoder's next
// decode().
//
// From the seed: an event's Result holds `EventType`, `SourceGuid`, `Timestamp`, `GroupId` and
// the `Event` details (`Type`, `SourceEntity`, `SourceEntityTypes`, `RelatedEntities`,
// `Timestamp`, `EventName`, `GroupId`, `Condition`, `OfflinePeriod`, and more kept as text); an
// alarm's Result holds `AlarmTriggered`. From Genetec's sample client (not the seed): a Result
// may hold `AlarmAcknowledge`, whose shape is not documented anywhere; it is kept as text.

#include <eventwire/json/raw_string.hpp>
#include <eventwire/websdk/failure.hpp>
#include <eventwire/websdk/sent_time.hpp>

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <span>
#include <string_view>
#include <variant>

namespace eventwire::websdk {

// Result.Event: the event's details. Every field is optional (absent or null): the seed shows
// one camera event, and other event types carry other details.
struct event_details {
  std::optional<json::raw_string> type;                  // Type, e.g. "CameraMotion"
  std::optional<json::raw_string> source_entity;         // SourceEntity: entity GUID
  std::span<const json::raw_string> source_entity_types;  // SourceEntityTypes, e.g. ["Camera"]
  std::span<const json::raw_string> related_entities;    // RelatedEntities: entity GUIDs
  std::optional<sent_time> timestamp;                    // Timestamp
  std::optional<std::int64_t> event_name;                // EventName: the numeric event type
  std::optional<json::raw_string> group_id;              // GroupId
  std::optional<json::raw_string> condition;             // Condition
  std::optional<json::raw_string> offline_period;        // OfflinePeriod, e.g. "None"
  // A raised custom event (Type and EventType "CustomEvent"; names inferred, the seed shows no
  // such part): the custom event's id, the visible message and the hidden payload.
  std::optional<std::int64_t> custom_event_id;           // CustomEventId
  std::optional<json::raw_string> message;               // Message
  std::optional<json::raw_string> payload;               // Payload, when one was sent
};

// An event: Result.EventType, SourceGuid and Timestamp are required.
struct event_notification {
  json::raw_string event_type;               // EventType, e.g. "CameraMotion"
  json::raw_string source_guid;              // SourceGuid: the entity that raised the event
  sent_time timestamp;                       // Timestamp (UTC)
  std::optional<json::raw_string> group_id;  // GroupId
  std::optional<event_details> details;      // Event, when present and not null
  std::string_view details_json;             // Event's exact JSON text; empty when absent
  std::string_view result_json;              // Rsp.Result's exact JSON text
};

// AlarmTriggered.DynamicAlarmContent. All optional; lists may be empty.
struct alarm_content {
  std::span<const json::raw_string> attached_entities;     // AttachedEntities: entity GUIDs
  std::optional<json::raw_string> context;                 // Context
  std::span<const json::raw_string> forwarded_recipients;  // ForwardedRecipients: user GUIDs
  std::optional<std::int64_t> priority;                    // Priority (0: not overridden)
  std::span<const json::raw_string> urls;                  // Urls
};

// A triggered alarm (alarm monitoring on). AlarmGuid and InstanceId are required, the rest
// optional (absent or null).
struct alarm_triggered {
  json::raw_string alarm_guid;                        // AlarmGuid
  std::int64_t instance_id = 0;                       // InstanceId
  std::optional<sent_time> creation_timestamp;        // CreationTimestamp
  std::optional<sent_time> trigger_timestamp;         // TriggerTimestamp
  std::optional<json::raw_string> source_guid;        // SourceGuid
  std::optional<json::raw_string> source_name;        // SourceName
  std::optional<json::raw_string> trigger_event;      // TriggerEvent, e.g. "ManualAction"
  std::optional<json::raw_string> offline_period;     // OfflinePeriod, e.g. "None"
  std::optional<std::int64_t> propagation_level;      // PropagationLevel
  std::optional<bool> has_source_condition;           // HasSourceCondition
  std::optional<alarm_content> content;               // DynamicAlarmContent
  std::string_view alarm_json;                        // the AlarmTriggered object's JSON text
};

// Result.AlarmAcknowledge (inferred from Genetec's sample client, shape undocumented): kept as
// text; when it is an object, `AlarmGuid` (a string) and `InstanceId` (an integer) are read if
// present, by the names AlarmTriggered uses.
struct alarm_acknowledged {
  std::optional<json::raw_string> alarm_guid;
  std::optional<std::int64_t> instance_id;
  std::string_view acknowledge_json;  // the AlarmAcknowledge value's JSON text
};

// A successful Rsp whose Result is none of the above (or absent, or not an object): the caller
// skips it.
struct unknown_result {
  std::string_view result_json;  // Rsp.Result's JSON text; empty when absent
};

using stream_message =
    std::variant<unknown_result, event_notification, alarm_triggered, alarm_acknowledged, failure>;

std::ostream& operator<<(std::ostream& os, const event_details& d);
std::ostream& operator<<(std::ostream& os, const event_notification& e);
std::ostream& operator<<(std::ostream& os, const alarm_content& c);
std::ostream& operator<<(std::ostream& os, const alarm_triggered& a);
std::ostream& operator<<(std::ostream& os, const alarm_acknowledged& a);
std::ostream& operator<<(std::ostream& os, const unknown_result& u);
std::ostream& operator<<(std::ostream& os, const stream_message& m);

}  // namespace eventwire::websdk
