#include <eventwire/websdk/alarm_calls.hpp>
#include <eventwire/websdk/detail/call_text.hpp>
#include <eventwire/websdk/guid.hpp>

#include <charconv>
#include <cmath>
#include <ostream>

namespace eventwire::websdk {
namespace {

using detail::append_guid;
using detail::append_id;

std::string_view ack_name(ack_type t) noexcept { return t == ack_type::nack ? "Nack" : "Ack"; }

bool is_url_text(std::string_view url) noexcept {
  if (url.empty()) return false;
  for (const char c : url) {
    const auto b = static_cast<unsigned char>(c);
    if (b <= 0x20 || b == 0x7F || c == ',' || c == '{' || c == '}' || c == '@') return false;
  }
  return true;
}

// "@{g1}@{g2}" for each GUID.
std::error_code append_guid_chain(std::string& out, std::span<const std::string_view> guids) {
  for (std::string_view g : guids) {
    out += '@';
    if (const std::error_code ec = append_guid(out, g, true)) return ec;
  }
  return {};
}

std::error_code append_content(std::string& out, const alarm_content_args& c) {
  if (!detail::is_call_text(c.context, true)) return error::invalid_text;
  out += "DynamicAlarmContent(";
  out += c.context;
  out += ')';
  const std::size_t block = out.size();
  auto next_attribute = [&] { out += out.size() == block ? '{' : ','; };
  if (c.priority) {
    if (*c.priority < 1 || *c.priority > 255) return error::invalid_priority;
    next_attribute();
    out += "Priority=";
    detail::append_uint(out, static_cast<std::uint64_t>(*c.priority));
  }
  if (!c.attached_entities.empty()) {
    next_attribute();
    out += "AttachedEntities";
    if (const std::error_code ec = append_guid_chain(out, c.attached_entities)) return ec;
  }
  if (!c.forwarded_recipients.empty()) {
    next_attribute();
    out += "ForwardedRecipients";
    if (const std::error_code ec = append_guid_chain(out, c.forwarded_recipients)) return ec;
  }
  if (!c.urls.empty()) {
    next_attribute();
    out += "Urls";
    for (std::string_view url : c.urls) {
      if (!is_url_text(url)) return error::invalid_text;
      out += '@';
      out += url;
    }
  }
  if (out.size() != block) out += '}';
  return {};
}

std::error_code append_coordinate(std::string& out, double value, double bound, int digits) {
  if (!std::isfinite(value) || value < -bound || value > bound) return error::out_of_range;
  char buffer[64];
  const auto r = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed,
                               digits);
  if (r.ec != std::errc()) return error::out_of_range;
  out.append(buffer, r.ptr);
  return {};
}

std::error_code append_location(std::string& out, const geo_coordinate& g) {
  if (g.fraction_digits < 0 || g.fraction_digits > 12) return error::out_of_range;
  out += "GeoCoordinate(";
  if (const std::error_code ec = append_coordinate(out, g.latitude, 90, g.fraction_digits))
    return ec;
  out += ',';
  if (const std::error_code ec = append_coordinate(out, g.longitude, 180, g.fraction_digits))
    return ec;
  out += ')';
  return {};
}

std::error_code append_trigger(std::string& out, const trigger_alarm_args& a) {
  if (a.content && a.acknowledgement) return error::unsupported_combination;
  if (a.location && !a.content) return error::unsupported_combination;
  out += "TriggerAlarm(";
  if (const std::error_code ec = detail::append_entity(out, a.alarm, true, false)) return ec;
  const bool more = a.content || a.acknowledgement;
  if (a.source || more) {
    out += ',';
    const entity_ref source = a.source.value_or(entity_ref::guid(nil_guid));
    if (const std::error_code ec = detail::append_entity(out, source, true, false)) return ec;
  }
  if (a.content) {
    out += ',';
    if (const std::error_code ec = append_content(out, *a.content)) return ec;
  }
  if (a.acknowledgement) {
    out += ',';
    if (const std::error_code ec = append_id(out, a.acknowledgement->condition_id)) return ec;
    out += a.acknowledgement->user_ack_required ? ",true" : ",false";
  }
  if (a.location) {
    out += ',';
    if (const std::error_code ec = append_location(out, *a.location)) return ec;
  }
  out += ')';
  return {};
}

// {{i1,g1},{i2,g2}}
std::error_code append_instances(std::string& out, std::span<const alarm_instance> instances) {
  if (instances.empty()) return error::empty_list;
  out += '{';
  for (std::size_t i = 0; i < instances.size(); ++i) {
    out += i == 0 ? "{" : ",{";
    if (const std::error_code ec = append_id(out, instances[i].instance_id)) return ec;
    out += ',';
    if (const std::error_code ec = append_guid(out, instances[i].alarm_guid, false)) return ec;
    out += '}';
  }
  out += '}';
  return {};
}

// Method(instance,{guid}
std::error_code instance_and_guid(std::string& out, std::string_view method,
                                  std::int64_t instance_id, std::string_view guid) {
  out += method;
  out += '(';
  if (const std::error_code ec = append_id(out, instance_id)) return ec;
  out += ',';
  return append_guid(out, guid, true);
}

}  // namespace

std::error_code alarm_calls::commit(std::error_code ec, const std::string& call) {
  if (ec) return ec;
  if (query_.size() + (query_.empty() ? 0 : 1) + call.size() > max_query_size_)
    return error::query_too_long;
  if (!query_.empty()) query_ += ',';
  query_ += call;
  return {};
}

std::error_code alarm_calls::trigger_alarm(const trigger_alarm_args& args) {
  std::string call;
  const std::error_code ec = append_trigger(call, args);
  return commit(ec, call);
}

std::error_code alarm_calls::acknowledge_alarm(std::int64_t instance_id, ack_type type) {
  std::string call = "AcknowledgeAlarm(";
  const std::error_code ec = append_id(call, instance_id);
  call += ',';
  call += ack_name(type);
  call += ')';
  return commit(ec, call);
}

std::error_code alarm_calls::acknowledge_alarm(std::int64_t instance_id,
                                               std::string_view alarm_guid, ack_type type) {
  std::string call;
  const std::error_code ec = instance_and_guid(call, "AcknowledgeAlarm", instance_id, alarm_guid);
  call += ',';
  call += ack_name(type);
  call += ')';
  return commit(ec, call);
}

std::error_code alarm_calls::acknowledge_alarms(std::span<const std::int64_t> instance_ids,
                                                ack_type type) {
  if (instance_ids.empty()) return error::empty_list;
  std::string call = "AcknowledgeAlarm({";
  std::error_code ec;
  for (std::size_t i = 0; i < instance_ids.size() && !ec; ++i) {
    if (i != 0) call += ',';
    ec = append_id(call, instance_ids[i]);
  }
  call += "},";
  call += ack_name(type);
  call += ')';
  return commit(ec, call);
}

std::error_code alarm_calls::acknowledge_alarms(std::span<const alarm_instance> instances,
                                                ack_type type) {
  std::string call = "AcknowledgeAlarm(";
  const std::error_code ec = append_instances(call, instances);
  call += ',';
  call += ack_name(type);
  call += ')';
  return commit(ec, call);
}

std::error_code alarm_calls::force_acknowledge_alarm(std::int64_t instance_id,
                                                     std::string_view alarm_guid) {
  std::string call;
  const std::error_code ec =
      instance_and_guid(call, "ForceAcknowledgeAlarm", instance_id, alarm_guid);
  call += ')';
  return commit(ec, call);
}

std::error_code alarm_calls::investigate_alarm(std::int64_t instance_id,
                                               std::string_view alarm_guid) {
  std::string call;
  const std::error_code ec = instance_and_guid(call, "InvestigateAlarm", instance_id, alarm_guid);
  call += ')';
  return commit(ec, call);
}

std::error_code alarm_calls::investigate_alarms(std::span<const alarm_instance> instances) {
  std::string call = "InvestigateAlarm(";
  const std::error_code ec = append_instances(call, instances);
  call += ')';
  return commit(ec, call);
}

std::error_code alarm_calls::forward_alarm(std::int64_t instance_id,
                                           std::string_view recipient_guid) {
  std::string call;
  const std::error_code ec = instance_and_guid(call, "ForwardAlarm", instance_id, recipient_guid);
  call += ')';
  return commit(ec, call);
}

std::error_code alarm_calls::forward_alarm(std::int64_t instance_id,
                                           std::span<const std::string_view> recipient_guids) {
  if (recipient_guids.empty()) return error::empty_list;
  std::string call = "ForwardAlarm(";
  std::error_code ec = append_id(call, instance_id);
  call += ",{";
  for (std::size_t i = 0; i < recipient_guids.size() && !ec; ++i) {
    if (i != 0) call += ',';
    ec = append_guid(call, recipient_guids[i], false);
  }
  call += "})";
  return commit(ec, call);
}

std::error_code alarm_calls::edit_alarm_context(std::int64_t instance_id,
                                                std::string_view alarm_guid,
                                                std::string_view context) {
  std::string call;
  std::error_code ec = instance_and_guid(call, "EditAlarmContext", instance_id, alarm_guid);
  if (!ec && !detail::is_call_text(context, true)) ec = error::invalid_text;
  call += ',';
  call += context;
  call += ')';
  return commit(ec, call);
}

std::error_code alarm_calls::force_acknowledge_all_alarms() {
  return commit({}, "ForceAcknowledgeAllAlarms()");
}

std::error_code alarm_calls::is_active(std::string_view alarm_guid) {
  std::string call = "IsActive(";
  const std::error_code ec = append_guid(call, alarm_guid, true);
  call += ')';
  return commit(ec, call);
}

std::error_code alarm_calls::clear_source_condition(std::string_view source_guid,
                                                    std::int64_t condition_id) {
  std::string call = "ClearSourceCondition(";
  std::error_code ec = append_guid(call, source_guid, true);
  call += ',';
  if (!ec) ec = append_id(call, condition_id);
  call += ')';
  return commit(ec, call);
}

std::error_code alarm_calls::get_active_alarms() { return commit({}, "GetActiveAlarms()"); }

request alarm_calls::to_request() const { return {http_method::get, {"alarm"}, false, query_}; }

std::ostream& operator<<(std::ostream& os, ack_type t) { return os << ack_name(t); }

}  // namespace eventwire::websdk
