#pragma once

// The /events calls: subscriptions, the stream, alarm monitoring and raising events.
//
//   GET  /events/subscribe?q=event(Camera,CameraMotion),event(LogicalID(Door,1),AccessGranted)
//   GET  /events/unsubscribe?q=event({source},{eventType})
//   GET  /events/subscribed
//   GET  /events                                   (answers 301 to the streaming port)
//   POST /events/closeconnection/{connectionId}
//   POST /events/alarmMonitoring/on | off
//   POST /events/RaiseEvent/{eventType}/{entityId}
//   POST /events/RaiseCustomEvent/{customEventId}/{entityId}/[{message}]
//
// An event source is an entity GUID (written bare), a LogicalID or an entity type; event types
// and entity types are names ([A-Za-z0-9_]+). Builders leave `out` untouched on error.

#include <eventwire/websdk/entity_ref.hpp>
#include <eventwire/websdk/request.hpp>

#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <span>
#include <string_view>
#include <system_error>

namespace eventwire::websdk {

// One `event(source,type)` of a subscription.
struct event_filter {
  entity_ref source;
  std::string_view event_type;
};

inline constexpr std::size_t default_max_query_size = 8192;

// GET /events/subscribe?q=event(...),event(...): at least one filter; the query may not pass
// `max_query_size` bytes unencoded (query_too_long: split the subscription over requests).
std::error_code subscribe_request(std::span<const event_filter> events, request& out,
                                  std::size_t max_query_size = default_max_query_size);
// GET /events/unsubscribe?q=event(...),...: as subscribe_request.
std::error_code unsubscribe_request(std::span<const event_filter> events, request& out,
                                    std::size_t max_query_size = default_max_query_size);

request subscribed_request();    // GET /events/subscribed
request open_stream_request();   // GET /events
request alarm_monitoring_request(bool on);  // POST /events/alarmMonitoring/on|off

// POST /events/closeconnection/{connectionId}: the id must be a GUID.
std::error_code close_connection_request(std::string_view connection_id, request& out);

// POST /events/RaiseEvent/{eventType}/{entityId}: entity is a GUID or LogicalID.
std::error_code raise_event_request(std::string_view event_type, const entity_ref& entity,
                                    request& out);

// POST /events/RaiseCustomEvent/{customEventId}/{entityId}/{message}: id in [0, 2^31-1], entity a
// GUID or LogicalID, message any text (percent-encoded in the target). Without a message (empty)
// the path ends with the '/' the server requires (else it answers 307).
std::error_code raise_custom_event_request(std::int64_t custom_event_id, const entity_ref& entity,
                                           std::string_view message, request& out);

std::ostream& operator<<(std::ostream& os, const event_filter& f);

}  // namespace eventwire::websdk
