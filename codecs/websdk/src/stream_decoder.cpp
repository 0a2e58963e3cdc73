#include <eventwire/websdk/detail/envelope.hpp>
#include <eventwire/websdk/detail/lists.hpp>
#include <eventwire/websdk/stream_decoder.hpp>

#include <array>

namespace eventwire::websdk {
namespace {

using detail::key_path;
using detail::key_spec;
using json::raw_string;

// One decode's walk over Rsp.Result; reads through `pass`.
class result_walk {
 public:
  result_walk(detail::decode_pass& pass, const decode_limits& limits,
              std::vector<raw_string>& source_types, std::vector<raw_string>& related,
              std::vector<raw_string>& attached, std::vector<raw_string>& recipients,
              std::vector<raw_string>& urls) noexcept
      : pass_(pass),
        r_(pass.reader()),
        max_elements_(limits.max_elements),
        source_types_(source_types),
        related_(related),
        attached_(attached),
        recipients_(recipients),
        urls_(urls) {}

  bool read_result(const key_path& at, stream_message& out) {
    if (r_.peek() != json::value_kind::object) {
      std::string_view raw;
      if (!pass_.raw(at, raw)) return false;
      out = unknown_result{raw};
      return true;
    }
    enum : unsigned { event_type, source_guid, timestamp, group_id, event, triggered, acknowledge };
    static constexpr std::array<key_spec, 7> names{{{"EventType", event_type},
                                                    {"SourceGuid", source_guid},
                                                    {"Timestamp", timestamp},
                                                    {"GroupId", group_id},
                                                    {"Event", event},
                                                    {"AlarmTriggered", triggered},
                                                    {"AlarmAcknowledge", acknowledge}}};
    const std::size_t start = r_.offset();
    event_notification e;
    std::optional<alarm_triggered> alarm;
    std::optional<alarm_acknowledged> ack;
    unsigned seen = 0;
    auto read_member = [&](unsigned id, const key_path& path) {
      seen |= 1u << id;
      switch (id) {
        case event_type: return pass_.string(path, e.event_type);
        case source_guid: return pass_.string(path, e.source_guid);
        case timestamp: return pass_.time(path, e.timestamp);
        case group_id: return pass_.optional_string(path, e.group_id);
        case event: {
          if (r_.try_null()) return true;
          const std::size_t from = value_start();
          if (!read_details(path, e.details.emplace())) return false;
          e.details_json = pass_.text().substr(from, r_.offset() - from);
          return true;
        }
        case triggered: return read_alarm(path, alarm.emplace());
        default: return read_acknowledge(path, ack.emplace());
      }
    };
    if (!pass_.object(at, names, 0, read_member)) return false;
    const std::string_view raw = pass_.text().substr(start, r_.offset() - start);
    if (alarm) {
      out = std::move(*alarm);
    } else if (ack) {
      out = std::move(*ack);
    } else if (seen & (1u << event_type | 1u << event)) {
      for (unsigned required : {event_type, source_guid, timestamp})
        if (!(seen & 1u << required))
          return pass_.fail(error::missing_key, at.member(names[required].name));
      e.result_json = raw;
      out = e;
    } else {
      out = unknown_result{raw};
    }
    return true;
  }

 private:
  std::size_t value_start() {
    (void)r_.peek();
    return r_.offset();
  }

  bool read_details(const key_path& at, event_details& out) {
    static constexpr std::array<key_spec, 12> names{{{"Type", 0},
                                                     {"SourceEntity", 1},
                                                     {"SourceEntityTypes", 2},
                                                     {"RelatedEntities", 3},
                                                     {"Timestamp", 4},
                                                     {"EventName", 5},
                                                     {"GroupId", 6},
                                                     {"Condition", 7},
                                                     {"OfflinePeriod", 8},
                                                     {"CustomEventId", 9},
                                                     {"Message", 10},
                                                     {"Payload", 11}}};
    source_types_.clear();
    related_.clear();
    return pass_.object(at, names, 0, [&](unsigned id, const key_path& path) {
      switch (id) {
        case 0: return pass_.optional_string(path, out.type);
        case 1: return pass_.optional_string(path, out.source_entity);
        case 2:
          return detail::string_list(pass_, path, max_elements_, source_types_,
                                     out.source_entity_types);
        case 3:
          return detail::string_list(pass_, path, max_elements_, related_, out.related_entities);
        case 4: return pass_.optional_time(path, out.timestamp);
        case 5: return pass_.optional_int64(path, out.event_name);
        case 6: return pass_.optional_string(path, out.group_id);
        case 7: return pass_.optional_string(path, out.condition);
        case 8: return pass_.optional_string(path, out.offline_period);
        case 9: return pass_.optional_int64(path, out.custom_event_id);
        case 10: return pass_.optional_string(path, out.message);
        default: return pass_.optional_string(path, out.payload);
      }
    });
  }

  bool read_alarm(const key_path& at, alarm_triggered& out) {
    static constexpr std::array<key_spec, 11> names{{{"AlarmGuid", 0},
                                                     {"InstanceId", 1},
                                                     {"CreationTimestamp", 2},
                                                     {"TriggerTimestamp", 3},
                                                     {"SourceGuid", 4},
                                                     {"SourceName", 5},
                                                     {"TriggerEvent", 6},
                                                     {"OfflinePeriod", 7},
                                                     {"PropagationLevel", 8},
                                                     {"HasSourceCondition", 9},
                                                     {"DynamicAlarmContent", 10}}};
    const std::size_t start = value_start();
    const bool ok = pass_.object(at, names, 0b11u, [&](unsigned id, const key_path& path) {
      switch (id) {
        case 0: return pass_.string(path, out.alarm_guid);
        case 1: return pass_.int64(path, out.instance_id);
        case 2: return pass_.optional_time(path, out.creation_timestamp);
        case 3: return pass_.optional_time(path, out.trigger_timestamp);
        case 4: return pass_.optional_string(path, out.source_guid);
        case 5: return pass_.optional_string(path, out.source_name);
        case 6: return pass_.optional_string(path, out.trigger_event);
        case 7: return pass_.optional_string(path, out.offline_period);
        case 8: return pass_.optional_int64(path, out.propagation_level);
        case 9: return pass_.optional_bool(path, out.has_source_condition);
        default:
          if (r_.try_null()) return true;
          return read_content(path, out.content.emplace());
      }
    });
    out.alarm_json = pass_.text().substr(start, r_.offset() - start);
    return ok;
  }

  bool read_content(const key_path& at, alarm_content& out) {
    static constexpr std::array<key_spec, 5> names{{{"AttachedEntities", 0},
                                                    {"Context", 1},
                                                    {"ForwardedRecipients", 2},
                                                    {"Priority", 3},
                                                    {"Urls", 4}}};
    return pass_.object(at, names, 0, [&](unsigned id, const key_path& path) {
      switch (id) {
        case 0:
          return detail::string_list(pass_, path, max_elements_, attached_, out.attached_entities);
        case 1: return pass_.optional_string(path, out.context);
        case 2:
          return detail::string_list(pass_, path, max_elements_, recipients_,
                                     out.forwarded_recipients);
        case 3: return pass_.optional_int64(path, out.priority);
        default: return detail::string_list(pass_, path, max_elements_, urls_, out.urls);
      }
    });
  }

  bool read_acknowledge(const key_path& at, alarm_acknowledged& out) {
    const std::size_t start = value_start();
    if (r_.peek() != json::value_kind::object) return pass_.raw(at, out.acknowledge_json);
    static constexpr std::array<key_spec, 2> names{{{"AlarmGuid", 0}, {"InstanceId", 1}}};
    const bool ok = pass_.object(at, names, 0, [&](unsigned id, const key_path& path) {
      if (id == 0) return pass_.optional_string(path, out.alarm_guid);
      return pass_.optional_int64(path, out.instance_id);
    });
    out.acknowledge_json = pass_.text().substr(start, r_.offset() - start);
    return ok;
  }

  detail::decode_pass& pass_;
  json::reader& r_;
  std::size_t max_elements_;
  std::vector<raw_string>& source_types_;
  std::vector<raw_string>& related_;
  std::vector<raw_string>& attached_;
  std::vector<raw_string>& recipients_;
  std::vector<raw_string>& urls_;
};

}  // namespace

std::error_code stream_decoder::decode(std::string_view json, stream_message& out) {
  failure_.clear();
  out = unknown_result{};
  detail::envelope env;
  auto read_result = [&](detail::decode_pass& pass, const detail::key_path& at) {
    result_walk walk(pass, limits_, source_types_, related_, attached_, recipients_, urls_);
    return walk.read_result(at, out);
  };
  if (!detail::walk_envelope(json, limits_.max_depth, failure_, key_scratch_, value_scratch_, env,
                             read_result))
    return failure_.code();
  if (env.failed) out = std::move(*env.failed);
  return {};
}

}  // namespace eventwire::websdk
