#include <eventwire/websdk/active_alarms_decoder.hpp>
#include <eventwire/websdk/detail/envelope.hpp>
#include <eventwire/websdk/dynamic_content.hpp>

#include <array>

namespace eventwire::websdk {
namespace {

using detail::key_path;
using detail::key_spec;

enum key : unsigned {
  instance_id,
  alarm_guid,
  trigger_time,
  trigger_entity,
  trigger_event,
  trigger_event_sub_type,
  creation_time,
  ack_time,
  ack_by,
  ack_by_name,
  ack_reason,
  external_instance_id,
  offline_period,
  state,
  investigated_by,
  investigated_time,
  has_source_condition,
  dynamic_content,
  dynamic_context,
  priority,
  latitude,
  longitude,
  dynamic_context_by,
  dynamic_context_by_name,
  source_dynamic_context_by,
  source_dynamic_context_by_name,
  source_ack_by,
  source_ack_by_name,
  forward_information,
};

constexpr std::array<key_spec, 32> names{{
    {"InstanceID", instance_id},
    {"Guid", alarm_guid},
    {"Alarm", alarm_guid},
    {"TriggerTime", trigger_time},
    {"TriggerEntity", trigger_entity},
    {"TriggerEvent", trigger_event},
    {"TriggerEventSubType", trigger_event_sub_type},
    {"CreationTime", creation_time},
    {"AckTime", ack_time},
    {"AckedTime", ack_time},
    {"AckBy", ack_by},
    {"AckedBy", ack_by},
    {"AckByString", ack_by_name},
    {"AckReason", ack_reason},
    {"ExternalInstanceID", external_instance_id},
    {"OfflinePeriod", offline_period},
    {"State", state},
    {"InvestigatedBy", investigated_by},
    {"InvestigatedTime", investigated_time},
    {"HasSourceCondition", has_source_condition},
    {"DynamicContent", dynamic_content},
    {"DynamicContext", dynamic_context},
    {"Priority", priority},
    {"Latitude", latitude},
    {"Longitude", longitude},
    {"DynamicContextBy", dynamic_context_by},
    {"DynamicContextByString", dynamic_context_by_name},
    {"SourceDynamicContextBy", source_dynamic_context_by},
    {"SourceDynamicContextByString", source_dynamic_context_by_name},
    {"SourceAckBy", source_ack_by},
    {"SourceAckByString", source_ack_by_name},
    {"ForwardInformation", forward_information},
}};

constexpr std::size_t npos = std::string::npos;

}  // namespace

std::error_code active_alarms_decoder::decode(std::string_view json, active_alarms_answer& out) {
  failure_.clear();
  out = active_alarms_answer{};
  alarms_.clear();
  context_at_.clear();
  text_.clear();

  // A context that needs decoding goes to text_ (its views are set once text_ stops growing).
  auto keep_context = [&](detail::decode_pass& pass, const key_path& path,
                          const json::raw_string& s, active_alarm& a, std::size_t& at) {
    if (!s.has_escapes) {
      a.context = s.escaped;
      return true;
    }
    const std::string_view decoded = s.decode(xml_scratch_);
    if (decoded.size() > limits_.max_text_bytes - text_.size())
      return pass.fail(error::text_limit_exceeded, path);
    const std::size_t start = text_.size();
    text_.append(decoded);
    at = start;
    a.context.emplace();
    return true;
  };
  auto read_content = [&](detail::decode_pass& pass, const key_path& path, active_alarm& a,
                          std::size_t& at) {
    const std::size_t start = pass.value_start();
    if (!pass.optional_string(path, a.dynamic_content)) return false;
    if (!a.dynamic_content) return true;
    const std::string_view xml = a.dynamic_content->decode(xml_scratch_);
    const std::size_t before = text_.size();
    bool found = false;
    if (const std::error_code ec =
            append_dynamic_context(xml, text_, found, limits_.max_text_bytes))
      return pass.fail(static_cast<error>(ec.value()), path, start);
    if (found) at = before, a.context.emplace();
    return true;
  };
  auto read_alarm = [&](detail::decode_pass& pass, const key_path& at) {
    active_alarm& a = alarms_.emplace_back();
    std::size_t& context_at = context_at_.emplace_back(npos);
    const std::uint32_t required = 1u << instance_id | 1u << alarm_guid;
    return pass.object(at, names, required, [&](unsigned id, const key_path& path) {
      switch (id) {
        case instance_id: return pass.int64(path, a.instance_id);
        case alarm_guid: return pass.string(path, a.alarm_guid);
        case trigger_time: return pass.optional_time(path, a.trigger_time);
        case trigger_entity: return pass.optional_string(path, a.trigger_entity);
        case trigger_event: return pass.optional_int64(path, a.trigger_event);
        case trigger_event_sub_type: return pass.optional_int64(path, a.trigger_event_sub_type);
        case creation_time: return pass.optional_time(path, a.creation_time);
        case ack_time: return pass.optional_time(path, a.ack_time);
        case ack_by: return pass.optional_string(path, a.ack_by);
        case ack_by_name: return pass.optional_string(path, a.ack_by_name);
        case ack_reason: return pass.optional_int64(path, a.ack_reason);
        case external_instance_id: return pass.optional_int64(path, a.external_instance_id);
        case offline_period: return pass.optional_int64(path, a.offline_period);
        case state: return pass.optional_int64(path, a.state);
        case investigated_by: return pass.optional_string(path, a.investigated_by);
        case investigated_time: return pass.optional_time(path, a.investigated_time);
        case has_source_condition: return pass.optional_bool(path, a.has_source_condition);
        case dynamic_content:
          // DynamicContent and the legacy DynamicContext both give the context: one of them.
          if (a.context) return pass.fail(error::duplicate_key, path);
          return read_content(pass, path, a, context_at);
        case dynamic_context: {
          if (a.context || a.dynamic_content) return pass.fail(error::duplicate_key, path);
          std::optional<json::raw_string> s;
          if (!pass.optional_string(path, s)) return false;
          return !s || keep_context(pass, path, *s, a, context_at);
        }
        case priority: return pass.optional_int64(path, a.priority);
        case latitude: return pass.optional_double(path, a.latitude);
        case longitude: return pass.optional_double(path, a.longitude);
        case dynamic_context_by: return pass.optional_string(path, a.dynamic_context_by);
        case dynamic_context_by_name: return pass.optional_string(path, a.dynamic_context_by_name);
        case source_dynamic_context_by:
          return pass.optional_string(path, a.source_dynamic_context_by);
        case source_dynamic_context_by_name:
          return pass.optional_string(path, a.source_dynamic_context_by_name);
        case source_ack_by: return pass.optional_string(path, a.source_ack_by);
        case source_ack_by_name: return pass.optional_string(path, a.source_ack_by_name);
        default: return pass.optional_string(path, a.forward_information);
      }
    });
  };
  auto read_result = [&](detail::decode_pass& pass, const key_path& at) {
    if (pass.reader().try_null()) return true;
    return pass.array(at, limits_.max_elements,
                      [&](std::size_t, const key_path& path) { return read_alarm(pass, path); });
  };
  detail::envelope env;
  if (!detail::walk_envelope(json, limits_.max_depth, failure_, key_scratch_, value_scratch_, env,
                             read_result))
    return failure_.code();
  out.failed = std::move(env.failed);
  if (out.failed) return {};
  // Contexts in text_ end where the next one begins.
  std::size_t end = text_.size();
  for (std::size_t i = alarms_.size(); i-- > 0;) {
    if (context_at_[i] == npos) continue;
    alarms_[i].context = std::string_view(text_).substr(context_at_[i], end - context_at_[i]);
    end = context_at_[i];
  }
  out.alarms = alarms_;
  return {};
}

}  // namespace eventwire::websdk
