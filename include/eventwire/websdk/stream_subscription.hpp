#pragma once

// One subscription of an event_stream, owning its strings (the codec's event_filter views
// them): `event(source,type)` where source is an entity GUID, `LogicalID(Type,N)` or an entity
// type (every entity of that type).

#include <eventwire/websdk/entity_ref.hpp>
#include <eventwire/websdk/event_requests.hpp>

#include <cstdint>
#include <iosfwd>
#include <string>
#include <string_view>
#include <system_error>

namespace eventwire::websdk {

struct stream_subscription {
  entity_ref::kind source_kind = entity_ref::kind::entity_type;
  std::string source;  // the GUID, or the entity type of a logical id or type subscription
  std::uint32_t logical_id = 0;
  std::string event_type;

  // event({guid},type)
  static stream_subscription entity(std::string guid, std::string event_type);
  // event(LogicalID(entity_type,id),type)
  static stream_subscription logical(std::string entity_type, std::uint32_t id, std::string event_type);
  // event(entity_type,type): every entity of the type
  static stream_subscription every(std::string entity_type, std::string event_type);

  // The codec's view of it (valid while this object lives unchanged).
  event_filter filter() const noexcept;

  friend bool operator==(const stream_subscription&, const stream_subscription&) = default;
};

// Reads the call-language form a config file holds: `event(Camera,CameraMotion)`,
// `event(LogicalID(Door,1),AccessGranted)`, `event(00000001-...,CameraMotion)` (braces around
// the GUID allowed). Errors: websdk::error::invalid_name (not that shape, or a bad name),
// invalid_guid, out_of_range (logical id). `out` is untouched on error.
std::error_code parse_subscription(std::string_view text, stream_subscription& out);

// As the call language writes it: event(LogicalID(Door,1),AccessGranted).
std::ostream& operator<<(std::ostream& os, const stream_subscription& s);

}  // namespace eventwire::websdk
