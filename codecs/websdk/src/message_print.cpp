#include "print_helpers.hpp"

#include <eventwire/websdk/stream_message.hpp>

#include <ostream>
#include <string>

namespace eventwire::websdk {

using print::or_null;
using print::quoted;
using print::strings;
using json::raw_string;

std::ostream& operator<<(std::ostream& os, const sent_time& t) {
  std::string utc;
  time::append_rfc3339(utc, t.value.utc);
  return os << quoted{t.text} << " (" << utc << ')';
}

std::ostream& operator<<(std::ostream& os, const failure& f) {
  return os << "failure{status=" << quoted{f.status} << ", message=" << or_null<raw_string>{f.message}
            << ", code=" << or_null<raw_string>{f.code} << ", result=" << f.result_json << '}';
}

std::ostream& operator<<(std::ostream& os, const event_details& d) {
  return os << "{type=" << or_null<raw_string>{d.type}
            << ", source_entity=" << or_null<raw_string>{d.source_entity}
            << ", source_entity_types=" << strings{d.source_entity_types}
            << ", related_entities=" << strings{d.related_entities}
            << ", timestamp=" << or_null<sent_time>{d.timestamp}
            << ", event_name=" << or_null<std::int64_t>{d.event_name}
            << ", group_id=" << or_null<raw_string>{d.group_id}
            << ", condition=" << or_null<raw_string>{d.condition}
            << ", offline_period=" << or_null<raw_string>{d.offline_period}
            << ", custom_event_id=" << or_null<std::int64_t>{d.custom_event_id}
            << ", message=" << or_null<raw_string>{d.message}
            << ", payload=" << or_null<raw_string>{d.payload} << '}';
}

std::ostream& operator<<(std::ostream& os, const event_notification& e) {
  return os << "event{event_type=" << quoted{e.event_type}
            << ", source_guid=" << quoted{e.source_guid} << ", timestamp=" << e.timestamp
            << ", group_id=" << or_null<raw_string>{e.group_id}
            << ", details=" << or_null<event_details>{e.details} << '}';
}

std::ostream& operator<<(std::ostream& os, const alarm_content& c) {
  return os << "{attached_entities=" << strings{c.attached_entities}
            << ", context=" << or_null<raw_string>{c.context}
            << ", forwarded_recipients=" << strings{c.forwarded_recipients}
            << ", priority=" << or_null<std::int64_t>{c.priority} << ", urls=" << strings{c.urls}
            << '}';
}

std::ostream& operator<<(std::ostream& os, const alarm_triggered& a) {
  return os << "alarm_triggered{alarm_guid=" << quoted{a.alarm_guid}
            << ", instance_id=" << a.instance_id
            << ", creation_timestamp=" << or_null<sent_time>{a.creation_timestamp}
            << ", trigger_timestamp=" << or_null<sent_time>{a.trigger_timestamp}
            << ", source_guid=" << or_null<raw_string>{a.source_guid}
            << ", source_name=" << or_null<raw_string>{a.source_name}
            << ", trigger_event=" << or_null<raw_string>{a.trigger_event}
            << ", offline_period=" << or_null<raw_string>{a.offline_period}
            << ", propagation_level=" << or_null<std::int64_t>{a.propagation_level}
            << ", has_source_condition=" << or_null<bool>{a.has_source_condition}
            << ", content=" << or_null<alarm_content>{a.content} << '}';
}

std::ostream& operator<<(std::ostream& os, const alarm_acknowledged& a) {
  return os << "alarm_acknowledged{alarm_guid=" << or_null<raw_string>{a.alarm_guid}
            << ", instance_id=" << or_null<std::int64_t>{a.instance_id}
            << ", json=" << a.acknowledge_json << '}';
}

std::ostream& operator<<(std::ostream& os, const unknown_result& u) {
  return os << "unknown{result=" << u.result_json << '}';
}

std::ostream& operator<<(std::ostream& os, const stream_message& m) {
  std::visit([&](const auto& alternative) { os << alternative; }, m);
  return os;
}

}  // namespace eventwire::websdk
