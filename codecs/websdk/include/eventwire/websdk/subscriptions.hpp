#pragma once

// The answer to `GET /events/subscribed`: one item per subscribed event type, with every entity
// GUID subscribed for it. Strings view the decoded text; lists view the decoder's storage, so an
// answer lives as long as that text and until the decoder's next decode().

#include <eventwire/json/raw_string.hpp>
#include <eventwire/websdk/failure.hpp>

#include <iosfwd>
#include <optional>
#include <span>

namespace eventwire::websdk {

struct event_subscription {
  json::raw_string event_type;                // EventType
  std::span<const json::raw_string> entities;  // Entities: GUIDs (may be empty at first, when
                                               // subscribed by entity type)
};

struct subscriptions_answer {
  std::optional<failure> failed;                    // set when Status is not Ok
  std::span<const event_subscription> subscriptions;  // empty when there are none
};

std::ostream& operator<<(std::ostream& os, const event_subscription& s);
std::ostream& operator<<(std::ostream& os, const subscriptions_answer& a);

}  // namespace eventwire::websdk
