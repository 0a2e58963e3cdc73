#pragma once

// What an entity can raise: the answers to `entity=...,CustomEvents`,
// `entity=...,SupportedCustomEvents` (custom event objects) and `entity=...,SupportedEvents`
// (system event names). Strings view the decoded text; lists view the decoder's storage, so an
// answer lives as long as that text and until the decoder's next decode().

#include <eventwire/json/raw_string.hpp>
#include <eventwire/websdk/failure.hpp>

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <span>

namespace eventwire::websdk {

// One custom event. Id and Name are required; the rest optional (absent or null).
struct custom_event {
  std::int64_t id = 0;                                 // Id
  json::raw_string name;                               // Name
  std::optional<bool> local;                           // LocalCustomEvent
  std::optional<json::raw_string> source_entity_type;  // SourceEntityType, e.g. "Camera"
  std::optional<json::raw_string> owner;               // Owner: an entity GUID
};

struct custom_events_answer {
  std::optional<failure> failed;                     // set when Status is not Ok
  std::span<const custom_event> custom_events;       // CustomEvents or SupportedCustomEvents
  std::span<const json::raw_string> supported_events;  // SupportedEvents
};

std::ostream& operator<<(std::ostream& os, const custom_event& e);
std::ostream& operator<<(std::ostream& os, const custom_events_answer& a);

}  // namespace eventwire::websdk
