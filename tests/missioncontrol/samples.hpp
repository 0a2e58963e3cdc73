#pragma once

// Mission Control IncidentNotification arguments, one for each of the seed's 24 event types, and
// helpers for the tests. The seed names only the types: the envelope (Type, IncidentId,
// Timestamp) is the decoder's inferred default, and each type's other members are invented so
// that every sample carries something the decoder must keep in payload_json untouched.

#include <eventwire/missioncontrol/event_type.hpp>
#include <eventwire/missioncontrol/notification_decoder.hpp>

#include <boost/json.hpp>

#include <cstring>
#include <memory>
#include <ostream>
#include <sstream>
#include <string>
#include <string_view>
#include <system_error>

namespace missioncontrol_samples {

using eventwire::missioncontrol::event_type;

struct sample {
  event_type type;
  std::string_view json;
};

#define MC_ENVELOPE(type) R"({"Type":")" type R"(","IncidentId":"6c3f2a9e-8d1b-4f7a-9b2e-1f0d4c5a7e21","Timestamp":"2024-05-14T09:21:37.1234567Z")"

inline constexpr sample all[] = {
    {event_type::additional_field_changed,
     MC_ENVELOPE("AdditionalFieldChanged") R"(,"FieldName":"Badge","Value":"4711"})"},
    {event_type::comment_added,
     MC_ENVELOPE("CommentAdded") R"(,"CommentId":"c-1","Comment":"Guard sent to \"Gate 7\""})"},
    {event_type::comment_changed, MC_ENVELOPE("CommentChanged") R"(,"CommentId":"c-1","Comment":"Guard on site"})"},
    {event_type::comment_deleted, MC_ENVELOPE("CommentDeleted") R"(,"CommentId":"c-1"})"},
    {event_type::created,
     MC_ENVELOPE("Created") R"(,"IncidentTypeId":"0b8e6c1d-2f3a-4e5b-8c7d-9e0f1a2b3c4d","Priority":3,"Location":{"Latitude":45.5017,"Longitude":-73.5673}})"},
    {event_type::description_changed, MC_ENVELOPE("DescriptionChanged") R"(,"Description":"Door forced open\nthen closed"})"},
    {event_type::disabled_states_changed, MC_ENVELOPE("DisabledStatesChanged") R"(,"DisabledStates":["Escalated","OnHold"]})"},
    {event_type::document_attached, MC_ENVELOPE("DocumentAttached") R"(,"DocumentId":"d-9","Name":"report.pdf"})"},
    {event_type::document_detached, MC_ENVELOPE("DocumentDetached") R"(,"DocumentId":"d-9"})"},
    {event_type::entities_attached, MC_ENVELOPE("EntitiesAttached") R"(,"Entities":["a1","b2","c3"]})"},
    {event_type::entities_detached, MC_ENVELOPE("EntitiesDetached") R"(,"Entities":[]})"},
    {event_type::external_event_aggregated, MC_ENVELOPE("ExternalEventAggregated") R"(,"Event":{"Source":"camera-4","Kind":"Motion"}})"},
    {event_type::external_id_changed, MC_ENVELOPE("ExternalIdChanged") R"(,"ExternalId":"TICKET-1042"})"},
    {event_type::incident_type_changed, MC_ENVELOPE("IncidentTypeChanged") R"(,"IncidentTypeId":"11111111-2222-3333-4444-555555555555"})"},
    {event_type::linked, MC_ENVELOPE("Linked") R"(,"LinkedIncidentId":"7d4e3b0f-9e2c-4a8b-8c3f-2a1e5d6b8f32"})"},
    {event_type::location_changed, MC_ENVELOPE("LocationChanged") R"(,"Location":{"Latitude":1.5,"Longitude":2.25}})"},
    {event_type::location_cleared, MC_ENVELOPE("LocationCleared") R"(})"},
    {event_type::note_added, MC_ENVELOPE("NoteAdded") R"(,"NoteType":"ERP","DisplayText":"Ticket opened","Payload":"{\"id\":7}"})"},
    {event_type::ownership_changed, MC_ENVELOPE("OwnershipChanged") R"(,"OwnerId":"u-5","Owner":null})"},
    {event_type::priority_changed, MC_ENVELOPE("PriorityChanged") R"(,"Priority":1})"},
    {event_type::procedure_step_answered, MC_ENVELOPE("ProcedureStepAnswered") R"(,"StepId":"s-2","Answer":true})"},
    {event_type::recipients_altered, MC_ENVELOPE("RecipientsAltered") R"(,"Added":["u-1"],"Removed":["u-2"]})"},
    {event_type::state_changed, MC_ENVELOPE("StateChanged") R"(,"State":"InProgress","PreviousState":"New"})"},
    {event_type::unlinked, MC_ENVELOPE("Unlinked") R"(,"LinkedIncidentId":"7d4e3b0f-9e2c-4a8b-8c3f-2a1e5d6b8f32"})"},
};

#undef MC_ENVELOPE

inline constexpr std::string_view state_changed = all[22].json;

// A GET /v4/WebToken answer as the OpenAPI page describes it.
inline constexpr std::string_view web_token_answer =
    R"({"Token":"eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJvcGVyYXRvciJ9.c2lnbmF0dXJl",)"
    R"("ValidUntil":"2024-05-14T10:21:37.5Z","MillisecondsValid":3600000})";

// `json` copied into a heap block of exactly its size, freed when the owner goes: ASan reports a
// read past the end, and a view used after the owner is gone.
struct exact_copy {
  explicit exact_copy(std::string_view json)
      : bytes(std::make_unique<char[]>(json.empty() ? 1 : json.size())), size(json.size()) {
    std::memcpy(bytes.get(), json.data(), json.size());
  }
  std::string_view view() const { return {bytes.get(), size}; }
  std::unique_ptr<char[]> bytes;
  std::size_t size;
};

// What a decode gave: the error (none on success) and the key.
struct outcome {
  std::error_code code;
  std::string key;
  friend bool operator==(const outcome&, const outcome&) = default;
  friend std::ostream& operator<<(std::ostream& os, const outcome& o) {
    return os << (o.code ? o.code.message() : "success") << " at '" << o.key << '\'';
  }
};

inline outcome decode_outcome(std::string_view json,
                              const eventwire::missioncontrol::notification_decoder::options& o = {}) {
  const exact_copy copy(json);
  eventwire::missioncontrol::notification_decoder decoder(o);
  eventwire::missioncontrol::incident_notification n;
  const std::error_code code = decoder.decode(copy.view(), n);
  return {code, std::string(decoder.error_key())};
}

// The decoded notification printed (while its input still lives), or the error with its key.
inline std::string decode_printed(std::string_view json) {
  const exact_copy copy(json);
  eventwire::missioncontrol::notification_decoder decoder;
  eventwire::missioncontrol::incident_notification n;
  std::ostringstream os;
  if (const std::error_code code = decoder.decode(copy.view(), n))
    os << "error: " << code.message() << " at '" << decoder.error_key() << '\'';
  else
    os << n;
  return os.str();
}

// `json` with the top-level member `key` set to `value_json` (added if absent).
inline std::string with(std::string_view json, std::string_view key, std::string_view value_json) {
  boost::json::value root = boost::json::parse(json);
  root.as_object()[key] = boost::json::parse(value_json);
  return boost::json::serialize(root);
}

// `json` without the top-level member `key`.
inline std::string without(std::string_view json, std::string_view key) {
  boost::json::value root = boost::json::parse(json);
  root.as_object().erase(key);
  return boost::json::serialize(root);
}

}  // namespace missioncontrol_samples
