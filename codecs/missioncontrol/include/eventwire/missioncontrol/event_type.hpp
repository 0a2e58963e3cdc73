#pragma once

#include <cstdint>
#include <iosfwd>
#include <span>
#include <string_view>

namespace eventwire::missioncontrol {

// The incident events that `GET /v4/Notifications` delivers to the hub method
// `IncidentNotification`: the 24 models the seed lists, in its (alphabetical) order, plus
// `unknown` for a name it does not list (the notification keeps the name's text).
enum class event_type : std::uint8_t {
  unknown = 0,
  additional_field_changed,
  comment_added,
  comment_changed,
  comment_deleted,
  created,
  description_changed,
  disabled_states_changed,
  document_attached,
  document_detached,
  entities_attached,
  entities_detached,
  external_event_aggregated,
  external_id_changed,
  incident_type_changed,
  linked,
  location_changed,
  location_cleared,
  note_added,
  ownership_changed,
  priority_changed,
  procedure_step_answered,
  recipients_altered,
  state_changed,
  unlinked,
};

inline constexpr std::size_t event_type_count = 24;  // without unknown

// The seed's name of `t` ("StateChanged"); "unknown" for event_type::unknown.
std::string_view event_type_name(event_type t) noexcept;

// Every known type, in enum order.
std::span<const event_type> known_event_types() noexcept;

// The type named `name`, compared ASCII case-insensitively (so "stateChanged", as a camel-case
// serializer writes it, is StateChanged too); unknown for any other name.
event_type parse_event_type(std::string_view name) noexcept;

std::ostream& operator<<(std::ostream& os, event_type t);

}  // namespace eventwire::missioncontrol
