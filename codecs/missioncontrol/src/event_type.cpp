#include <eventwire/missioncontrol/detail/ascii.hpp>
#include <eventwire/missioncontrol/event_type.hpp>

#include <array>
#include <ostream>

namespace eventwire::missioncontrol {
namespace {

// Indexed by the enum value; 0 is unknown.
constexpr std::array<std::string_view, event_type_count + 1> names{
    "unknown",          "AdditionalFieldChanged", "CommentAdded",
    "CommentChanged",   "CommentDeleted",         "Created",
    "DescriptionChanged", "DisabledStatesChanged", "DocumentAttached",
    "DocumentDetached", "EntitiesAttached",       "EntitiesDetached",
    "ExternalEventAggregated", "ExternalIdChanged", "IncidentTypeChanged",
    "Linked",           "LocationChanged",        "LocationCleared",
    "NoteAdded",        "OwnershipChanged",       "PriorityChanged",
    "ProcedureStepAnswered", "RecipientsAltered", "StateChanged",
    "Unlinked"};

constexpr std::array<event_type, event_type_count> known = [] {
  std::array<event_type, event_type_count> all{};
  for (std::size_t i = 0; i < all.size(); ++i) all[i] = static_cast<event_type>(i + 1);
  return all;
}();

}  // namespace

std::string_view event_type_name(event_type t) noexcept {
  const auto i = static_cast<std::size_t>(t);
  return i < names.size() ? names[i] : names[0];
}

std::span<const event_type> known_event_types() noexcept { return known; }

event_type parse_event_type(std::string_view name) noexcept {
  for (std::size_t i = 1; i < names.size(); ++i)
    if (detail::iequals(names[i], name)) return static_cast<event_type>(i);
  return event_type::unknown;
}

std::ostream& operator<<(std::ostream& os, event_type t) {
  if (static_cast<std::size_t>(t) >= names.size())
    return os << "event_type(" << static_cast<int>(t) << ')';
  return os << event_type_name(t);
}

}  // namespace eventwire::missioncontrol
