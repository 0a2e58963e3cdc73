// Decodes the input with every Web SDK answer decoder and checks each against Boost.JSON: a
// decoder that succeeds was given valid JSON, a decoder that reports invalid JSON (other than
// nesting past its depth limit) was not, and the fields it decoded equal Boost.JSON's values.
// Every view lies inside the input.

#include <check.hpp>
#include <same_json.hpp>

#include <eventwire/json/error.hpp>
#include <eventwire/websdk/active_alarms_decoder.hpp>
#include <eventwire/websdk/call_answer_decoder.hpp>
#include <eventwire/websdk/custom_events_decoder.hpp>
#include <eventwire/websdk/stream_decoder.hpp>
#include <eventwire/websdk/subscriptions_decoder.hpp>

#include <boost/json.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace {

namespace json = eventwire::json;
namespace websdk = eventwire::websdk;

using value = boost::json::value;

std::optional<value> parse_reference(std::string_view input) {
  boost::json::parse_options options;
  options.max_depth = 1000;
  boost::system::error_code ec;
  value v = boost::json::parse(input, ec, {}, options);
  if (ec) return std::nullopt;
  return v;
}

std::string text(const json::raw_string& s) {
  std::string out;
  s.append_to(out);
  return out;
}

bool inside(std::string_view view, std::string_view input) {
  return view.empty() ||
         (view.data() >= input.data() && view.data() + view.size() <= input.data() + input.size());
}

// Checks what the JSON reference says about a decoder's outcome; true on success.
template <class Decoder>
bool agrees(const Decoder& decoder, std::error_code ec, std::string_view input,
            const std::optional<value>& ref) {
  if (!ec) {
    EVENTWIRE_FUZZ_CHECK(ref.has_value());
    EVENTWIRE_FUZZ_CHECK(decoder.error_path().empty());
    return true;
  }
  EVENTWIRE_FUZZ_CHECK(&ec.category() == &websdk::error_category());
  EVENTWIRE_FUZZ_CHECK(decoder.error_offset() <= input.size());
  if (ec == websdk::error::invalid_json && decoder.json_error() != json::error::depth_exceeded)
    EVENTWIRE_FUZZ_CHECK(!ref.has_value());
  return false;
}

const value* member(const value* v, std::string_view key) {
  if (!v || !v->is_object()) return nullptr;
  return v->as_object().if_contains(key);
}

const value* element(const value* v, std::size_t i) {
  if (!v || !v->is_array() || i >= v->as_array().size()) return nullptr;
  return &v->as_array()[i];
}

// The Result of a successful answer: absent or Boost.JSON's value.
const value* result_of(const value& doc) { return member(member(&doc, "Rsp"), "Result"); }

void same_string(const json::raw_string& s, const value* v, std::string_view input) {
  EVENTWIRE_FUZZ_CHECK(inside(s.escaped, input));
  EVENTWIRE_FUZZ_CHECK(v && v->is_string());
  EVENTWIRE_FUZZ_CHECK(text(s) == std::string_view(v->as_string()));
}

void same_optional_string(const std::optional<json::raw_string>& s, const value* v,
                          std::string_view input) {
  if (!s) {
    EVENTWIRE_FUZZ_CHECK(!v || v->is_null());
    return;
  }
  same_string(*s, v, input);
}

void same_int(std::int64_t n, const value* v) {
  EVENTWIRE_FUZZ_CHECK(v && (v->is_int64() || v->is_uint64()));
  EVENTWIRE_FUZZ_CHECK(v->is_int64() ? v->as_int64() == n
                                     : n >= 0 && v->as_uint64() == static_cast<std::uint64_t>(n));
}

void same_optional_int(const std::optional<std::int64_t>& n, const value* v) {
  if (!n) {
    EVENTWIRE_FUZZ_CHECK(!v || v->is_null());
    return;
  }
  same_int(*n, v);
}

void same_strings(std::span<const json::raw_string> list, const value* v, std::string_view input) {
  if (list.empty()) {
    EVENTWIRE_FUZZ_CHECK(!v || v->is_null() || (v->is_array() && v->as_array().empty()));
    return;
  }
  EVENTWIRE_FUZZ_CHECK(v && v->is_array() && v->as_array().size() == list.size());
  for (std::size_t i = 0; i < list.size(); ++i) same_string(list[i], element(v, i), input);
}

// The JSON text a view holds parses to the value Boost.JSON found there.
void same_json(std::string_view raw, const value* v, std::string_view input) {
  EVENTWIRE_FUZZ_CHECK(inside(raw, input));
  if (raw.empty()) {
    EVENTWIRE_FUZZ_CHECK(!v);
    return;
  }
  EVENTWIRE_FUZZ_CHECK(v && eventwire::fuzzing::same_json(raw, *v));
}

void check_stream(std::string_view input, const std::optional<value>& ref) {
  websdk::stream_decoder decoder;
  websdk::stream_message m;
  if (!agrees(decoder, decoder.decode(input, m), input, ref)) return;
  const value* result = result_of(*ref);
  if (const auto* e = std::get_if<websdk::event_notification>(&m)) {
    same_json(e->result_json, result, input);
    same_string(e->event_type, member(result, "EventType"), input);
    same_string(e->source_guid, member(result, "SourceGuid"), input);
    same_string(e->timestamp.text, member(result, "Timestamp"), input);
    same_optional_string(e->group_id, member(result, "GroupId"), input);
    const value* event = member(result, "Event");
    EVENTWIRE_FUZZ_CHECK(e->details.has_value() == (event && !event->is_null()));
    if (e->details) {
      same_json(e->details_json, event, input);
      same_optional_string(e->details->type, member(event, "Type"), input);
      same_strings(e->details->related_entities, member(event, "RelatedEntities"), input);
      same_strings(e->details->source_entity_types, member(event, "SourceEntityTypes"), input);
      same_optional_int(e->details->event_name, member(event, "EventName"));
    }
  } else if (const auto* a = std::get_if<websdk::alarm_triggered>(&m)) {
    const value* alarm = member(result, "AlarmTriggered");
    same_json(a->alarm_json, alarm, input);
    same_string(a->alarm_guid, member(alarm, "AlarmGuid"), input);
    same_int(a->instance_id, member(alarm, "InstanceId"));
    same_optional_string(a->source_name, member(alarm, "SourceName"), input);
    same_optional_int(a->propagation_level, member(alarm, "PropagationLevel"));
    if (a->content) {
      const value* content = member(alarm, "DynamicAlarmContent");
      same_optional_string(a->content->context, member(content, "Context"), input);
      same_optional_int(a->content->priority, member(content, "Priority"));
      same_strings(a->content->attached_entities, member(content, "AttachedEntities"), input);
      same_strings(a->content->urls, member(content, "Urls"), input);
    }
  } else if (const auto* k = std::get_if<websdk::alarm_acknowledged>(&m)) {
    same_json(k->acknowledge_json, member(result, "AlarmAcknowledge"), input);
  } else if (const auto* f = std::get_if<websdk::failure>(&m)) {
    same_string(f->status, member(member(&*ref, "Rsp"), "Status"), input);
    same_json(f->result_json, result, input);
  } else {
    same_json(std::get<websdk::unknown_result>(m).result_json, result, input);
  }
}

void check_subscriptions(std::string_view input, const std::optional<value>& ref) {
  websdk::subscriptions_decoder decoder;
  websdk::subscriptions_answer a;
  if (!agrees(decoder, decoder.decode(input, a), input, ref) || a.failed) return;
  const value* result = result_of(*ref);
  for (std::size_t i = 0; i < a.subscriptions.size(); ++i) {
    same_string(a.subscriptions[i].event_type, member(element(result, i), "EventType"), input);
    same_strings(a.subscriptions[i].entities, member(element(result, i), "Entities"), input);
  }
}

void check_call_answer(std::string_view input, const std::optional<value>& ref) {
  websdk::call_answer_decoder decoder;
  websdk::call_answer a;
  if (!agrees(decoder, decoder.decode(input, a), input, ref)) return;
  const value* result = result_of(*ref);
  same_json(a.result_json, result, input);
  if (!a.failed) same_optional_int(a.alarm_instance_id, member(result, "alarminstanceid"));
}

void check_custom_events(std::string_view input, const std::optional<value>& ref) {
  websdk::custom_events_decoder decoder;
  websdk::custom_events_answer a;
  if (!agrees(decoder, decoder.decode(input, a), input, ref) || a.failed) return;
  const value* result = result_of(*ref);
  same_strings(a.supported_events, member(result, "SupportedEvents"), input);
  const value* list = member(result, "CustomEvents");
  if (!list) list = member(result, "SupportedCustomEvents");
  for (std::size_t i = 0; i < a.custom_events.size(); ++i) {
    same_int(a.custom_events[i].id, member(element(list, i), "Id"));
    same_string(a.custom_events[i].name, member(element(list, i), "Name"), input);
  }
}

void check_active_alarms(std::string_view input, const std::optional<value>& ref) {
  websdk::active_alarms_decoder decoder;
  websdk::active_alarms_answer a;
  if (!agrees(decoder, decoder.decode(input, a), input, ref) || a.failed) return;
  const value* result = result_of(*ref);
  for (std::size_t i = 0; i < a.alarms.size(); ++i) {
    const value* alarm = element(result, i);
    same_int(a.alarms[i].instance_id, member(alarm, "InstanceID"));
    const value* guid = member(alarm, "Guid");
    same_string(a.alarms[i].alarm_guid, guid ? guid : member(alarm, "Alarm"), input);
    const value* legacy = member(alarm, "DynamicContext");
    if (legacy && legacy->is_string() && a.alarms[i].context)
      EVENTWIRE_FUZZ_CHECK(*a.alarms[i].context == std::string_view(legacy->as_string()));
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const std::optional<value> ref = parse_reference(input);
  check_stream(input, ref);
  check_subscriptions(input, ref);
  check_call_answer(input, ref);
  check_custom_events(input, ref);
  check_active_alarms(input, ref);
  return 0;
}
