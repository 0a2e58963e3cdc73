#include "missioncontrol_render.hpp"

#include <eventwire/json/writer.hpp>
#include <eventwire/time/timestamp.hpp>

#include <algorithm>

namespace eventwire::emulator::detail {
namespace {

using missioncontrol::event_type;

// The members a type adds, after a comma; `n` varies the values.
std::string type_members(event_type type, std::uint64_t n) {
  const std::string id = std::to_string(n);
  switch (type) {
    case event_type::additional_field_changed: return R"("FieldName":"BadgeNumber","Value":")" + id + '"';
    case event_type::comment_added:
    case event_type::comment_changed: return R"("CommentId":"c-)" + id + R"(","Comment":"Guard dispatched to \"Gate 3\"")";
    case event_type::comment_deleted: return R"("CommentId":"c-)" + id + '"';
    case event_type::created:
      return R"("IncidentType":"Intrusion","Priority":"High","State":"New","Description":"Forced door at Gate 3")";
    case event_type::description_changed: return R"("Description":"Door held open )" + id + R"( s")";
    case event_type::disabled_states_changed: return R"("DisabledStates":["Closed","Escalated"])";
    case event_type::document_attached:
    case event_type::document_detached: return R"("DocumentId":"d-)" + id + R"(","DocumentName":"floor-plan.pdf")";
    case event_type::entities_attached:
    case event_type::entities_detached:
      return R"("EntityIds":["4f3b2a10-0000-4000-8000-)" + std::string(12 - std::min<std::size_t>(12, id.size()), '0') +
             id + R"("])";
    case event_type::external_event_aggregated: return R"("ExternalEventId":"ext-)" + id + '"';
    case event_type::external_id_changed: return R"("ExternalId":"TICKET-)" + id + '"';
    case event_type::incident_type_changed: return R"("IncidentType":"Tailgating")";
    case event_type::linked:
    case event_type::unlinked: return R"("LinkedIncidentId":"inc-)" + std::to_string(n + 1000) + '"';
    case event_type::location_changed: return R"("Location":{"Latitude":45.5017,"Longitude":-73.5673})";
    case event_type::location_cleared: return R"("Location":null)";
    case event_type::note_added: return R"("Note":"Camera 12 shows two persons")";
    case event_type::ownership_changed: return R"("OwnerId":"user-)" + std::to_string(n % 7) + '"';
    case event_type::priority_changed: return R"("Priority":"Critical","PreviousPriority":"High")";
    case event_type::procedure_step_answered: return R"("StepId":"step-2","Answer":"Yes")";
    case event_type::recipients_altered: return R"("Recipients":["Dispatch","Security Team B"])";
    case event_type::state_changed: return R"("State":"Acknowledged","PreviousState":"New")";
    case event_type::unknown: break;
  }
  return R"("Detail":null)";
}

}  // namespace

void render_incident_notification(std::string& out, missioncontrol::event_type type, std::string_view incident_id,
                                  std::uint64_t sequence, std::chrono::system_clock::time_point now) {
  out += "[{\"Type\":";
  json::append_string(out, missioncontrol::event_type_name(type));
  out += ",\"IncidentId\":";
  json::append_string(out, incident_id);
  out += ",\"Timestamp\":\"";
  time::append_rfc3339(out, std::chrono::time_point_cast<time::ticks>(now));
  out += "\",\"Sequence\":";
  json::append_uint(out, sequence);
  out += ",\"UserId\":\"operator\",";
  out += type_members(type, sequence);
  out += "}]";
}

}  // namespace eventwire::emulator::detail
