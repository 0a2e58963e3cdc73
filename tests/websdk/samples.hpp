#pragma once

// Web SDK answers and stream parts exactly as the seed shows them, and helpers that decode them
// for the tests.

#include <boost/json.hpp>

#include <cstring>
#include <memory>
#include <ostream>
#include <sstream>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

namespace websdk_samples {

// The camera motion event of the seed's "Event Format" section.
inline constexpr std::string_view camera_motion =
    R"({"Rsp":{"Status":"Ok","Result":{"Event":{"Condition":"","VideoEncoderDevice":"00000000-0000-0000-0000-000000000000","SourceTimeZone":{"Id":"Singapore Standard Time","DisplayName":"(UTC+08:00) Kuala Lumpur, Singapore","StandardName":"Malay Peninsula Standard Time","DaylightName":"Malay Peninsula Daylight Time","BaseUtcOffset":"08:00:00","AdjustmentRules":null,"SupportsDaylightSavingTime":false},"EventName":2535,"Coordinates":null,"SourceEntity":"00000001-0000-babe-0000-2bddb61cced4","GroupId":"00000000-0000-0000-0000-000000000000","SourceEntityTypes":["Camera"],"Timestamp":"2026-03-15T11:05:44Z","OfflinePeriod":"None","Type":"CameraMotion","RelatedEntities":["00000001-0000-babe-0000-2bddb61cced4"]},"EventType":"CameraMotion","SourceGuid":"00000001-0000-babe-0000-2bddb61cced4","Timestamp":"2026-03-15T11:05:44.3322672Z","GroupId":"00000000-0000-0000-0000-000000000000"}}})";

// The alarm notification of the seed (alarm monitoring on).
inline constexpr std::string_view alarm_triggered =
    R"({"Rsp":{"Status":"Ok","Result":{"AlarmTriggered":{"AlarmGuid":"8f1f727f-38d9-41e9-ac4d-fe1d41a4a6da","CreationTimestamp":"2026-03-15T11:17:23.7152364Z","InstanceId":18,"OfflinePeriod":"None","PropagationLevel":0,"HasSourceCondition":false,"SourceGuid":"00000001-0000-babe-0000-2bddb61cced4","SourceName":"GUSTAV Unit 10Mbps - Camera - 01","TriggerEvent":"ManualAction","TriggerTimestamp":"2026-03-15T11:17:23.7381299Z","DynamicAlarmContent":{"AttachedEntities":[],"Context":"Alarm with recipient","ForwardedRecipients":[],"Priority":0,"Urls":[]}}}}})";

// GET /events/subscribed.
inline constexpr std::string_view subscribed = R"({
"Rsp": {
"Status": "Ok",
"Result": [
{
"EventType": "AccessGranted",
"Entities": [
"78c5aaf7-3b1f-4cca-bbbf-73e3695c55ad",
"aa25fab7-7f4e-4ae5-9c3c-4ddae5388e86"
]
},
{
"EventType": "CameraMotion",
"Entities": [
"00000001-0000-babe-0000-2bddb61cced4",
"00000001-0000-babe-0000-df7434997b3b"
]
}
]
}
})";

// TriggerAlarm's answer.
inline constexpr std::string_view trigger_answer = R"({
"Rsp": {
"Status": "Ok",
"Result": {
"alarminstanceid": 20
}
}
})";

// AcknowledgeAlarm's answer.
inline constexpr std::string_view acknowledge_answer = R"({
"Rsp": {
"Status": "Ok",
"Result": {
"Acknowledged": true
}
}
})";

// ForceAcknowledgeAlarm, InvestigateAlarm, ForwardAlarm, EditAlarmContext,
// ForceAcknowledgeAllAlarms and ClearSourceCondition answer this.
inline constexpr std::string_view empty_result_answer = R"({
"Rsp": {
"Status": "Ok",
"Result": {}
}
})";

// IsActive's answer.
inline constexpr std::string_view is_active_answer = R"({
"Rsp": {
"Status": "Ok",
"Result": {
"IsActive": true
}
}
})";

// RaiseEvent's and RaiseCustomEvent's answer: no Result.
inline constexpr std::string_view raise_answer = R"({
"Rsp": {
"Status": "Ok"
}
})";

// GET /activealarms.
inline constexpr std::string_view active_alarms = R"({
"Rsp": {
"Status": "Ok",
"Result": [
{
"InstanceID": 42,
"Guid": "c319de11-3fb9-4c42-b4ee-1745c7287799",
"TriggerTime": "2025-11-15T11:04:36.000Z",
"TriggerEntity": "00000000-0000-0000-0000-000000000003",
"TriggerEvent": 1,
"TriggerEventSubType": 0,
"CreationTime": "2025-11-15T11:04:35.000Z",
"AckTime": null,
"AckBy": "00000000-0000-0000-0000-000000000000",
"AckByString": null,
"AckReason": 28673,
"ExternalInstanceID": -1,
"OfflinePeriod": 0,
"State": 1,
"InvestigatedBy": "00000000-0000-0000-0000-000000000000",
"InvestigatedTime": null,
"HasSourceCondition": false,
"DynamicContent": "<DynamicContent xmlns:i=\"http://www.w3.org/2001/XMLSchema-instance\"><AttachedEntities xmlns:a=\"http://schemas.microsoft.com/2003/10/Serialization/Arrays\" /><Context>Server breach</Context><ForwardedRecipients xmlns:a=\"http://schemas.microsoft.com/2003/10/Serialization/Arrays\" /><Priority>0</Priority><Urls xmlns:a=\"http://schemas.microsoft.com/2003/10/Serialization/Arrays\" /></DynamicContent>",
"Priority": 1,
"Latitude": null,
"Longitude": null,
"DynamicContextBy": "00000000-0000-0000-0000-000000000000",
"DynamicContextByString": null,
"SourceDynamicContextBy": "00000000-0000-0000-0000-000000000000",
"SourceDynamicContextByString": null,
"SourceAckBy": "00000000-0000-0000-0000-000000000000",
"SourceAckByString": null,
"ForwardInformation": null
}
]
}
})";

// GET /alarm?q=GetActiveAlarms() (legacy).
inline constexpr std::string_view get_active_alarms = R"({
"Rsp": {
"Status": "Ok",
"Result": [
{
"InstanceID": 42,
"Alarm": "c319de11-3fb9-4c42-b4ee-1745c7287799",
"TriggerEntity": "00000000-0000-0000-0000-000000000003",
"TriggerEvent": 1,
"TriggerTime": "2025-11-15T11:04:36.000Z",
"AckedTime": "0001-01-01T00:00:00Z",
"AckedBy": "00000000-0000-0000-0000-000000000000",
"CreationTime": "2025-11-15T11:04:35.000Z",
"OfflinePeriod": 0,
"AckReason": 28673,
"ExternalInstanceID": -1,
"InvestigatedBy": "00000000-0000-0000-0000-000000000000",
"InvestigatedTime": "0001-01-01T00:00:00Z",
"State": 1,
"HasSourceCondition": false,
"Priority": 1,
"DynamicContext": "Server breach"
}
]
}
})";

// entity=...,SupportedEvents.
inline constexpr std::string_view supported_events = R"({
"Rsp": {
"Status": "Ok",
"Result": {
"SupportedEvents": [
"CardholderAccessGranted",
"CardholderAccessRefused",
"CardholderInactive",
"CardholderCredentialExpired",
"CardholderDuressPinEntered",
"CardholderDoubleBadgeOn",
"CardholderDoubleBadgeOff"
]
}
}
})";

// entity=00000000-0000-0000-0000-000000000007,CustomEvents.
inline constexpr std::string_view custom_events = R"({
"Rsp": {
"Status": "Ok",
"Result": {
"CustomEvents": [
{
"Id": 12345,
"LocalCustomEvent": true,
"Name": "Temperature Alert",
"SourceEntityType": "Camera",
"Owner": "4e8bb3f7-0d41-4f4c-a430-0b6ee7478cbe"
}
]
}
}
})";

// entity={entityId},SupportedCustomEvents.
inline constexpr std::string_view supported_custom_events = R"({
"Rsp": {
"Status": "Ok",
"Result": {
"SupportedCustomEvents": [
{
"Id": 12345,
"LocalCustomEvent": true,
"Name": "Temperature Alert",
"SourceEntityType": "Camera",
"Owner": "00000000-0000-0000-0000-000000000000"
}
]
}
}
})";

// A failure (the seed shows none; the shape is inferred).
inline constexpr std::string_view failed =
    R"({"Rsp":{"Status":"Fail","Result":{"SdkErrorCode":"InvalidOperation","Message":"Alarm not found"}}})";

// What a decode gave: the error (none on success) and the key path.
struct outcome {
  std::error_code code;
  std::string path;
  friend bool operator==(const outcome&, const outcome&) = default;
  friend std::ostream& operator<<(std::ostream& os, const outcome& o) {
    return os << (o.code ? o.code.message() : "success") << " at '" << o.path << '\'';
  }
};

// Decodes a heap copy of exactly `json`'s size with a fresh Decoder into Answer, prints the
// result (or the error and path) while the copy lives, then frees the copy: ASan sees any read
// past the end and any view that outlives the input.
template <class Decoder, class Answer>
std::string decode_printed(std::string_view json, const typename Decoder::limits& limits = {}) {
  const auto copy = std::make_unique<char[]>(json.size() + 1);
  std::memcpy(copy.get(), json.data(), json.size());
  Decoder decoder(limits);
  Answer answer;
  std::ostringstream os;
  if (const std::error_code code = decoder.decode(std::string_view(copy.get(), json.size()), answer))
    os << "error: " << code.message() << " at '" << decoder.error_path() << '\'';
  else
    os << answer;
  return os.str();
}

template <class Decoder, class Answer>
outcome decode_outcome(std::string_view json, const typename Decoder::limits& limits = {}) {
  const auto copy = std::make_unique<char[]>(json.size() + 1);
  std::memcpy(copy.get(), json.data(), json.size());
  Decoder decoder(limits);
  Answer answer;
  const std::error_code code = decoder.decode(std::string_view(copy.get(), json.size()), answer);
  return {code, std::string(decoder.error_path())};
}

// The value at a key path such as `Rsp.Result[1].Guid` (the decoders' path syntax).
struct location {
  boost::json::value* parent;
  std::string key;
  std::size_t index;
};

inline location locate(boost::json::value& root, std::string_view path) {
  std::vector<location> steps;
  std::size_t i = 0;
  while (i < path.size()) {
    if (path[i] == '.') ++i;
    if (path[i] == '[') {
      const std::size_t close = path.find(']', i);
      steps.push_back({nullptr, {}, std::stoul(std::string(path.substr(i + 1, close - i - 1)))});
      i = close + 1;
    } else {
      const std::size_t end = std::min(path.find_first_of(".[", i), path.size());
      steps.push_back({nullptr, std::string(path.substr(i, end - i)), 0});
      i = end;
    }
  }
  boost::json::value* at = &root;
  for (std::size_t k = 0; k + 1 < steps.size(); ++k)
    at = steps[k].key.empty() ? &at->as_array().at(steps[k].index)
                              : &at->as_object().at(steps[k].key);
  return {at, steps.back().key, steps.back().index};
}

// `json` with the key at `path` removed.
inline std::string without(std::string_view json, std::string_view path) {
  boost::json::value root = boost::json::parse(json);
  const location loc = locate(root, path);
  loc.parent->as_object().erase(loc.key);
  return boost::json::serialize(root);
}

// `json` with the value at `path` replaced by (or, for a new key, set to) `value_json`.
inline std::string with(std::string_view json, std::string_view path, std::string_view value_json) {
  boost::json::value root = boost::json::parse(json);
  const location loc = locate(root, path);
  boost::json::value v = boost::json::parse(value_json);
  if (loc.key.empty())
    loc.parent->as_array().at(loc.index) = std::move(v);
  else
    loc.parent->as_object()[loc.key] = std::move(v);
  return boost::json::serialize(root);
}

inline std::string normalized(std::string_view json) {
  return boost::json::serialize(boost::json::parse(json));
}

}  // namespace websdk_samples
