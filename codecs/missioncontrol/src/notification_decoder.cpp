#include <eventwire/missioncontrol/detail/object_walk.hpp>
#include <eventwire/missioncontrol/notification_decoder.hpp>

#include <array>

namespace eventwire::missioncontrol {

std::error_code notification_decoder::decode(std::string_view json, incident_notification& out) {
  out = incident_notification{};
  failure_.clear();
  detail::object_walk walk(json, options_.max_depth, failure_, key_scratch_);
  json::reader& r = walk.reader();
  const field_names& k = options_.keys;
  const std::array<std::string_view, 3> names{k.type, k.incident_id, k.timestamp};
  enum : unsigned { type, incident_id, timestamp };

  auto read_member = [&](std::size_t key) -> std::error_code {
    switch (key) {
      case type: {
        // Null or "" count as missing: a notification must say what happened.
        if (r.try_null()) return walk.fail(error::missing_key, names[type]);
        const std::size_t at = walk.offset();
        if (const std::error_code ec = walk.expect_kind(json::value_kind::string, names[type]))
          return ec;
        if (!r.read_string(out.type_name)) return walk.fail_json(names[type]);
        if (out.type_name.escaped.empty()) return walk.fail(error::missing_key, names[type], at);
        out.type = parse_event_type(walk.decoded(out.type_name, value_scratch_));
        return {};
      }
      case incident_id: {
        json::raw_string id;
        bool present = false;
        if (const std::error_code ec = walk.optional_string(names[incident_id], id, present))
          return ec;
        if (present) out.incident_id = id;
        return {};
      }
      default: {  // timestamp
        json::raw_string text;
        bool present = false;
        r.peek();  // past whitespace, so that `at` is where the value starts
        const std::size_t at = walk.offset();
        if (const std::error_code ec = walk.optional_string(names[timestamp], text, present))
          return ec;
        if (!present) return {};
        sent_time& t = out.timestamp.emplace();
        t.text = text;
        if (!time::parse_iso8601(walk.decoded(text, value_scratch_), t.value))
          return walk.fail(error::invalid_timestamp, names[timestamp], at);
        return {};
      }
    }
  };
  return walk.document(names, 1u << type, out.payload_json, read_member);
}

}  // namespace eventwire::missioncontrol
