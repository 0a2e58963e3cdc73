// The Web SDK emulator's RaiseCustomEvent (with its hidden multipart/form-data payload) and the
// system events each entity type supports.

#include "websdk_state.hpp"
#include "websdk_wire.hpp"

#include <eventwire/websdk/custom_event_payload_reader.hpp>

namespace eventwire::emulator::detail {

namespace {

// Reads the payload part of a multipart/form-data body.
bool read_payload(std::string_view content_type, std::string_view body, std::optional<std::string>& payload,
                  std::string& error) {
  multipart::limits limits;
  limits.max_body = websdk_state::max_payload_bytes;
  websdk::custom_event_payload_reader reader(limits);
  std::error_code ec = reader.start(content_type);
  if (!ec) ec = reader.feed(body);
  if (!ec) ec = reader.finish();
  if (ec) {
    error = "invalid custom event payload: " + ec.message();
    return false;
  }
  payload = reader.payload();
  return true;
}

}  // namespace

std::vector<std::string_view> supported_events(std::string_view type) {
  if (iequal(type, "Camera")) return {"CameraMotion", "CameraMotionOff"};
  if (iequal(type, "Door"))
    return {"AccessGranted", "AccessRefused", "DoorOpened", "DoorClosed", "DoorOpenedForTooLong"};
  if (iequal(type, "Cardholder"))
    return {"CardholderAccessGranted",     "CardholderAccessRefused",    "CardholderInactive",
            "CardholderCredentialExpired", "CardholderDuressPinEntered", "CardholderDoubleBadgeOn",
            "CardholderDoubleBadgeOff"};
  return {};
}

bool raise_custom_event(websdk_state& st, std::string_view id_text, std::string_view entity,
                        std::string_view message, std::string_view content_type, std::string_view body,
                        std::string& error) {
  std::int64_t id = 0;
  if (!parse_i64(id_text, id)) return error = "invalid custom event id " + std::string(id_text), false;
  const auto found = st.custom_events.find(id);
  if (found == st.custom_events.end()) return error = "unknown custom event " + std::to_string(id), false;
  const std::string guid = st.resolve_entity(entity);
  const websdk_entity* source = st.entity_by_guid(guid);
  if (!source) return error = "unknown entity " + std::string(entity), false;
  if (!iequal(source->type, found->second.entity_type))
    return error = "custom event " + std::to_string(id) + " is raised by " + found->second.entity_type +
                   " entities, not by " + source->type,
           false;
  websdk_raised_custom_event raised{id, guid, std::string(message), std::nullopt};
  if (!content_type.empty() && iequal(content_type.substr(0, 10), "multipart/") &&
      !read_payload(content_type, body, raised.payload, error))
    return false;
  std::string members = R"("CustomEventId":)" + std::to_string(id) + R"(,"Message":)";
  append_json_string(members, message);
  if (raised.payload) {
    members += R"(,"Payload":)";
    append_json_string(members, *raised.payload);
  }
  st.deliver_event(custom_event_type, guid, members);
  if (st.raised_custom_events.size() == websdk_state::max_raised_kept) st.raised_custom_events.pop_front();
  st.raised_custom_events.push_back(std::move(raised));
  return true;
}

}  // namespace eventwire::emulator::detail
