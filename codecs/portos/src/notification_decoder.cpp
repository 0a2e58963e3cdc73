#include <eventwire/portos/detail/decode_pass.hpp>
#include <eventwire/portos/notification_decoder.hpp>

#include <array>

namespace eventwire::portos {
namespace {

using detail::key_path;
using json::raw_string;
using keys = std::string_view;

// One decode's walk over the notification's objects; reads through `pass`.
class notification_walk {
 public:
  notification_walk(detail::decode_pass& pass, std::string& value_scratch,
                    std::vector<resource_info>& affected, std::size_t max_affected) noexcept
      : pass_(pass),
        r_(pass.reader()),
        value_scratch_(value_scratch),
        affected_(affected),
        max_affected_(max_affected) {}

  // Reads the notification; a `p` that comes before `e` is only kept as text, and
  // payload_pending() then says it must still be decoded with read_resources_changed().
  bool read_notification(const key_path& at, std::string_view input, notification& out) {
    static constexpr std::array<keys, 6> names{"e", "s", "r", "ca", "ea", "p"};
    enum : unsigned { e, s, r, ca, ea, p };
    bool event_seen = false;
    bool changed = false;  // e is portos.resources.changed
    bool payload_seen_first = false;
    auto read_member = [&](std::size_t key, const key_path& path) {
      switch (key) {
        case e:
          if (!pass_.string(path, out.event)) return false;
          event_seen = true;
          changed = text_of(out.event) == resources_changed_event;
          return true;
        case s: return read_sender(path, out.sender);
        case r: return pass_.optional_string(path, out.reference);
        case ca: return read_time(path, out.created_at);
        case ea:
          if (r_.try_null()) return true;
          return read_time(path, out.expires_at.emplace());
        default: {  // p
          if (!event_seen || !changed) {
            payload_seen_first = !event_seen;
            return r_.skip(&out.payload_json) || pass_.fail_json(path);
          }
          if (r_.peek() == json::value_kind::none) return pass_.fail_json(path);
          const std::size_t start = r_.offset();
          if (!read_resources_changed(path, out.change.emplace())) return false;
          out.payload_json = input.substr(start, r_.offset() - start);
          return true;
        }
      }
    };
    const bool ok = pass_.object(at, names, 1u << e | 1u << s | 1u << ca | 1u << p, read_member);
    payload_pending_ = payload_seen_first && changed;
    return ok && pass_.finish(at);
  }

  bool payload_pending() const noexcept { return payload_pending_; }

  bool read_resources_changed(const key_path& at, resources_changed& out) {
    static constexpr std::array<keys, 5> names{"u", "n", "a", "i", "r"};
    return pass_.object(at, names, 0b11111u, [&](std::size_t key, const key_path& path) {
      switch (key) {
        case 0: return read_user_identity(path, out.user);
        case 1: return pass_.string(path, out.resource_name);
        case 2: return read_action(path, out.action);
        case 3: return read_resource_info(path, out.resource);
        default: return read_affected(path, out.affected);
      }
    });
  }

 private:
  std::string_view text_of(const raw_string& s) {
    return s.has_escapes ? s.decode(value_scratch_) : s.escaped;
  }

  bool read_time(const key_path& at, sent_time& out) {
    if (!pass_.string(at, out.text)) return false;
    return time::parse_iso8601(text_of(out.text), out.value) ||
           pass_.fail(error::invalid_timestamp, at);
  }

  bool read_sender(const key_path& at, notification_sender& out) {
    static constexpr std::array<keys, 2> names{"c", "u"};
    return pass_.object(at, names, 0b11u, [&](std::size_t key, const key_path& path) {
      return key == 0 ? pass_.string(path, out.connection_id)
                      : read_sender_identity(path, out.user);
    });
  }

  bool read_sender_identity(const key_path& at, sender_identity& out) {
    static constexpr std::array<keys, 3> names{"u", "d", "f"};
    return pass_.object(at, names, 0b011u, [&](std::size_t key, const key_path& path) {
      switch (key) {
        case 0: return pass_.string(path, out.user_name);
        case 1: return pass_.string(path, out.device);
        default: return pass_.optional_string(path, out.feature);
      }
    });
  }

  bool read_user_identity(const key_path& at, user_identity& out) {
    static constexpr std::array<keys, 3> names{"u", "d", "f"};
    return pass_.object(at, names, 0b011u, [&](std::size_t key, const key_path& path) {
      switch (key) {
        case 0: return pass_.string(path, out.user_id);
        case 1: return pass_.string(path, out.display_name);
        default: return pass_.optional_string(path, out.feature);
      }
    });
  }

  bool read_resource_info(const key_path& at, resource_info& out) {
    static constexpr std::array<keys, 3> names{"i", "n", "v"};
    return pass_.object(at, names, 0b011u, [&](std::size_t key, const key_path& path) {
      switch (key) {
        case 0: return pass_.string(path, out.id);
        case 1: return pass_.string(path, out.name);
        default:
          if (r_.try_null()) return true;
          const std::size_t start = pass_.offset();
          return r_.read_int64(out.version.emplace()) || pass_.fail_json(path, start);
      }
    });
  }

  bool read_action(const key_path& at, resource_action& out) {
    std::string_view number;
    if (!r_.read_number(number)) return pass_.fail_json(at);
    return parse_action_number(number, out) ||
           pass_.fail(error::unknown_action, at, pass_.offset() - number.size());
  }

  bool read_affected(const key_path& at, std::span<const resource_info>& out) {
    affected_.clear();
    const bool ok = pass_.array(at, max_affected_, [&](std::size_t, const key_path& path) {
      return read_resource_info(path, affected_.emplace_back());
    });
    out = affected_;
    return ok;
  }

  detail::decode_pass& pass_;
  json::reader& r_;
  std::string& value_scratch_;
  std::vector<resource_info>& affected_;
  std::size_t max_affected_;
  bool payload_pending_ = false;
};

}  // namespace

std::error_code notification_decoder::decode(std::string_view json, notification& out) {
  out = notification{};
  failure_.clear();
  const key_path document;
  detail::decode_pass pass(json, 0, limits_.max_depth, failure_, key_scratch_);
  notification_walk walk(pass, value_scratch_, affected_, limits_.max_affected_resources);
  if (!walk.read_notification(document, json, out)) return failure_.code();
  if (walk.payload_pending()) {
    // The first pass validated this text; this one reads its fields.
    const auto base = static_cast<std::size_t>(out.payload_json.data() - json.data());
    detail::decode_pass payload_pass(out.payload_json, base, limits_.max_depth, failure_,
                                     key_scratch_);
    notification_walk payload_walk(payload_pass, value_scratch_, affected_,
                                   limits_.max_affected_resources);
    if (!payload_walk.read_resources_changed(document.member("p"), out.change.emplace()))
      return failure_.code();
  }
  return {};
}

}  // namespace eventwire::portos
