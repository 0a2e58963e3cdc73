#pragma once

// The answers to `GET /activealarms` and to the legacy `GET /alarm?q=GetActiveAlarms()`: one
// record per active alarm instance. The legacy names (`Alarm`, `AckedTime`, `AckedBy`,
// `DynamicContext`) fill the same fields as the modern ones (`Guid`, `AckTime`, `AckBy`,
// `DynamicContent`). Strings view the decoded text; `context` views the text or the decoder's
// storage, so an answer lives as long as that text and until the decoder's next decode().

#include <eventwire/json/raw_string.hpp>
#include <eventwire/websdk/failure.hpp>
#include <eventwire/websdk/sent_time.hpp>

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <span>
#include <string_view>

namespace eventwire::websdk {

// InstanceID and Guid (or Alarm) are required; every other field is optional (absent or null).
struct active_alarm {
  std::int64_t instance_id = 0;                    // InstanceID
  json::raw_string alarm_guid;                     // Guid | Alarm
  std::optional<sent_time> trigger_time;           // TriggerTime
  std::optional<json::raw_string> trigger_entity;  // TriggerEntity: source entity GUID
  std::optional<std::int64_t> trigger_event;       // TriggerEvent
  std::optional<std::int64_t> trigger_event_sub_type;  // TriggerEventSubType
  std::optional<sent_time> creation_time;          // CreationTime
  std::optional<sent_time> ack_time;               // AckTime | AckedTime (legacy: 0001-01-01)
  std::optional<json::raw_string> ack_by;          // AckBy | AckedBy
  std::optional<json::raw_string> ack_by_name;     // AckByString
  std::optional<std::int64_t> ack_reason;          // AckReason
  std::optional<std::int64_t> external_instance_id;  // ExternalInstanceID
  std::optional<std::int64_t> offline_period;      // OfflinePeriod
  std::optional<std::int64_t> state;               // State: 1 active, 2 acknowledged, ...
  std::optional<json::raw_string> investigated_by;  // InvestigatedBy
  std::optional<sent_time> investigated_time;      // InvestigatedTime
  std::optional<bool> has_source_condition;        // HasSourceCondition
  std::optional<json::raw_string> dynamic_content;  // DynamicContent: the XML as sent
  // The plain context: DynamicContent's <Context> text (see dynamic_content.hpp), or the legacy
  // DynamicContext string, decoded.
  std::optional<std::string_view> context;
  std::optional<std::int64_t> priority;                  // Priority: 1-255, lower is higher
  std::optional<double> latitude;                        // Latitude
  std::optional<double> longitude;                       // Longitude
  std::optional<json::raw_string> dynamic_context_by;    // DynamicContextBy
  std::optional<json::raw_string> dynamic_context_by_name;  // DynamicContextByString
  std::optional<json::raw_string> source_dynamic_context_by;       // SourceDynamicContextBy
  std::optional<json::raw_string> source_dynamic_context_by_name;  // SourceDynamicContextByString
  std::optional<json::raw_string> source_ack_by;         // SourceAckBy
  std::optional<json::raw_string> source_ack_by_name;    // SourceAckByString
  // ForwardInformation: a JSON document inside a string, kept as that string (undecoded).
  std::optional<json::raw_string> forward_information;
};

struct active_alarms_answer {
  std::optional<failure> failed;        // set when Status is not Ok
  std::span<const active_alarm> alarms;  // empty when none is active
};

std::ostream& operator<<(std::ostream& os, const active_alarm& a);
std::ostream& operator<<(std::ostream& os, const active_alarms_answer& a);

}  // namespace eventwire::websdk
