#include "print_helpers.hpp"

#include <eventwire/websdk/active_alarm.hpp>
#include <eventwire/websdk/call_answer.hpp>
#include <eventwire/websdk/custom_events.hpp>
#include <eventwire/websdk/subscriptions.hpp>

#include <ostream>

namespace eventwire::websdk {

using json::raw_string;
using print::list;
using print::or_null;
using print::quoted;
using print::strings;

std::ostream& operator<<(std::ostream& os, const event_subscription& s) {
  return os << "{event_type=" << quoted{s.event_type} << ", entities=" << strings{s.entities}
            << '}';
}

std::ostream& operator<<(std::ostream& os, const subscriptions_answer& a) {
  if (a.failed) return os << *a.failed;
  return os << "subscriptions" << list<event_subscription>{a.subscriptions};
}

std::ostream& operator<<(std::ostream& os, const call_answer& a) {
  if (a.failed) return os << *a.failed;
  return os << "ok{alarm_instance_id=" << or_null<std::int64_t>{a.alarm_instance_id}
            << ", acknowledged=" << or_null<bool>{a.acknowledged}
            << ", is_active=" << or_null<bool>{a.is_active}
            << ", recipient=" << or_null<bool>{a.recipient} << ", result=" << a.result_json << '}';
}

std::ostream& operator<<(std::ostream& os, const custom_event& e) {
  return os << "{id=" << e.id << ", name=" << quoted{e.name} << ", local=" << or_null<bool>{e.local}
            << ", source_entity_type=" << or_null<raw_string>{e.source_entity_type}
            << ", owner=" << or_null<raw_string>{e.owner} << '}';
}

std::ostream& operator<<(std::ostream& os, const custom_events_answer& a) {
  if (a.failed) return os << *a.failed;
  return os << "custom_events" << list<custom_event>{a.custom_events}
            << " supported_events" << strings{a.supported_events};
}

std::ostream& operator<<(std::ostream& os, const active_alarm& a) {
  return os << "{instance_id=" << a.instance_id << ", alarm_guid=" << quoted{a.alarm_guid}
            << ", trigger_time=" << or_null<sent_time>{a.trigger_time}
            << ", trigger_entity=" << or_null<raw_string>{a.trigger_entity}
            << ", trigger_event=" << or_null<std::int64_t>{a.trigger_event}
            << ", trigger_event_sub_type=" << or_null<std::int64_t>{a.trigger_event_sub_type}
            << ", creation_time=" << or_null<sent_time>{a.creation_time}
            << ", ack_time=" << or_null<sent_time>{a.ack_time}
            << ", ack_by=" << or_null<raw_string>{a.ack_by}
            << ", ack_by_name=" << or_null<raw_string>{a.ack_by_name}
            << ", ack_reason=" << or_null<std::int64_t>{a.ack_reason}
            << ", external_instance_id=" << or_null<std::int64_t>{a.external_instance_id}
            << ", offline_period=" << or_null<std::int64_t>{a.offline_period}
            << ", state=" << or_null<std::int64_t>{a.state}
            << ", investigated_by=" << or_null<raw_string>{a.investigated_by}
            << ", investigated_time=" << or_null<sent_time>{a.investigated_time}
            << ", has_source_condition=" << or_null<bool>{a.has_source_condition}
            << ", context=" << or_null<std::string_view>{a.context}
            << ", priority=" << or_null<std::int64_t>{a.priority}
            << ", latitude=" << or_null<double>{a.latitude}
            << ", longitude=" << or_null<double>{a.longitude}
            << ", dynamic_context_by=" << or_null<raw_string>{a.dynamic_context_by}
            << ", dynamic_context_by_name=" << or_null<raw_string>{a.dynamic_context_by_name}
            << ", source_dynamic_context_by=" << or_null<raw_string>{a.source_dynamic_context_by}
            << ", source_dynamic_context_by_name="
            << or_null<raw_string>{a.source_dynamic_context_by_name}
            << ", source_ack_by=" << or_null<raw_string>{a.source_ack_by}
            << ", source_ack_by_name=" << or_null<raw_string>{a.source_ack_by_name}
            << ", forward_information=" << or_null<raw_string>{a.forward_information} << '}';
}

std::ostream& operator<<(std::ostream& os, const active_alarms_answer& a) {
  if (a.failed) return os << *a.failed;
  return os << "active_alarms" << list<active_alarm>{a.alarms};
}

}  // namespace eventwire::websdk
