#include <eventwire/unity/detail/decode_pass.hpp>
#include <eventwire/unity/fetch_page_decoder.hpp>

#include <array>

namespace eventwire::unity {
namespace {

using detail::key_path;
using json::raw_string;
using keys = std::string_view;

std::string_view text_of(const raw_string& s, std::string& scratch) {
  return s.has_escapes ? s.decode(scratch) : s.escaped;
}

// One decode's walk over the page; reads through `pass`.
class page_walk {
 public:
  page_walk(detail::decode_pass& pass, std::vector<notification>& storage,
            std::string& name_scratch, std::string& value_scratch, std::string& key_scratch,
            const fetch_page_decoder::limits& limits) noexcept
      : pass_(pass),
        r_(pass.reader()),
        storage_(storage),
        name_scratch_(name_scratch),
        value_scratch_(value_scratch),
        key_scratch_(key_scratch),
        limits_(limits) {}

  bool read_page(const key_path& at, fetch_page& out) {
    static constexpr std::array<keys, 5> names{"SubscriptionId", "Count", "NextPosition",
                                               "MoreAvailable", "Notifications"};
    enum : unsigned { subscription_id, count, next_position, more_available, notifications };
    std::size_t count_offset = 0;
    bool has_next_position = false;
    auto read_member = [&](std::size_t key, const key_path& path) {
      switch (key) {
        case subscription_id: return pass_.string(path, out.subscription_id);
        case count: {
          count_offset = pass_.offset();
          return r_.read_uint64(out.count) || pass_.fail_json(path, count_offset);
        }
        case next_position:
          if (r_.try_null()) return true;
          if (!pass_.string(path, out.next_position)) return false;
          if (out.next_position.escaped.empty())
            return pass_.fail(error::empty_position, path, pass_.offset() - 2);
          has_next_position = true;
          return true;
        case more_available: return r_.read_bool(out.more_available) || pass_.fail_json(path);
        default: return read_notifications(path, out);
      }
    };
    constexpr unsigned required =
        1u << subscription_id | 1u << count | 1u << more_available | 1u << notifications;
    if (!pass_.object(at, names, required, read_member) || !pass_.finish(at)) return false;
    if (!has_next_position)
      return pass_.fail(error::missing_next_position, at.member(names[next_position]), 0);
    if (out.count != out.notifications.size())
      return pass_.fail(error::count_mismatch, at.member(names[count]), count_offset);
    return true;
  }

 private:
  bool read_notifications(const key_path& at, fetch_page& out) {
    storage_.clear();
    const bool ok = pass_.array(at, limits_.max_notifications, error::too_many_notifications,
                                [&](std::size_t, const key_path& path) {
                                  return read_notification(path, storage_.emplace_back());
                                });
    out.notifications = storage_;
    return ok;
  }

  bool read_notification(const key_path& at, notification& out) {
    static constexpr std::array<keys, 3> names{"EventType", "EventObjectName", "UnityAPIEventId"};
    enum : unsigned { event_type, event_object_name, event_id };
    const std::optional<std::size_t> start = pass_.value_start(at);
    if (!start) return false;
    std::string_view name;        // EventObjectName, decoded
    bool name_known = false;      // EventObjectName has been read
    bool unknown_before = false;  // a member that may be the event came before EventObjectName
    bool event_found = false;
    auto read_member = [&](std::size_t key, const key_path& path) {
      switch (key) {
        case event_type: return pass_.string(path, out.event_type);
        case event_id: return pass_.string(path, out.event_id);
        default:
          if (!pass_.string(path, out.event_object_name)) return false;
          name = text_of(out.event_object_name, name_scratch_);
          name_known = true;
          return true;
      }
    };
    auto on_unknown = [&](std::string_view key, const key_path& path) {
      if (!name_known) {
        unknown_before = true;
        return pass_.skip(path);
      }
      if (!detail::keys_match(key, name)) return pass_.skip(path);
      const key_path event_path = at.member(name);  // `key` may not outlive the event's own keys
      if (event_found) return pass_.fail(error::duplicate_key, event_path);
      event_found = true;
      return read_event(pass_, event_path, out);
    };
    constexpr unsigned required = 1u << event_type | 1u << event_object_name | 1u << event_id;
    if (!pass_.object(at, names, required, read_member, on_unknown)) return false;
    out.notification_json = pass_.text().substr(*start, r_.offset() - *start);
    // The event came before its name: look for it again in the text this walk has validated.
    if (unknown_before && !rescan(at, names, name, out, event_found)) return false;
    if (!event_found)
      return pass_.fail(error::missing_event_object, at.member(name),
                        pass_.offset() - out.notification_json.size());
    return true;
  }

  // Walks the notification's text once more, reading the members named `name` that are not
  // among `names` (the known keys win over the event name, as in the first walk).
  bool rescan(const key_path& at, const std::array<keys, 3>& names, std::string_view name,
              notification& out, bool& event_found) {
    const std::size_t base =
        pass_.base_offset() +
        static_cast<std::size_t>(out.notification_json.data() - pass_.text().data());
    detail::decode_pass again(out.notification_json, base, limits_.max_depth, pass_.failure(),
                              key_scratch_);
    json::reader& r = again.reader();
    event_found = false;
    r.begin_object();
    for (raw_string key; r.next_member(key);) {
      const std::string_view k = text_of(key, key_scratch_);
      bool known = false;
      for (const keys n : names) known = known || detail::keys_match(n, k);
      if (known || !detail::keys_match(k, name)) {
        r.skip();
        continue;
      }
      const key_path path = at.member(name);
      if (event_found) return again.fail(error::duplicate_key, path);
      event_found = true;
      if (!read_event(again, path, out)) return false;
    }
    return true;
  }

  // The event object: its Timestamp is read, the rest kept as text.
  bool read_event(detail::decode_pass& pass, const key_path& at, notification& out) {
    static constexpr std::array<keys, 1> names{"Timestamp"};
    const std::optional<std::size_t> start = pass.value_start(at);
    if (!start) return false;
    const bool ok = pass.object(at, names, 1u, [&](std::size_t, const key_path& path) {
      if (!pass.string(path, out.time.text)) return false;
      return time::parse_iso8601(text_of(out.time.text, value_scratch_), out.time.value) ||
             pass.fail(error::invalid_timestamp, path,
                       pass.offset() - out.time.text.escaped.size() - 2);
    });
    if (!ok) return false;
    out.event_json = pass.text().substr(*start, pass.reader().offset() - *start);
    return true;
  }

  detail::decode_pass& pass_;
  json::reader& r_;
  std::vector<notification>& storage_;
  std::string& name_scratch_;
  std::string& value_scratch_;
  std::string& key_scratch_;
  const fetch_page_decoder::limits& limits_;
};

}  // namespace

std::error_code fetch_page_decoder::decode(std::string_view body, fetch_page& out) {
  out = fetch_page{};
  failure_.clear();
  detail::decode_pass pass(body, 0, limits_.max_depth, failure_, key_scratch_);
  page_walk walk(pass, notifications_, name_scratch_, value_scratch_, key_scratch_, limits_);
  if (!walk.read_page(detail::key_path(), out)) return failure_.code();
  return {};
}

}  // namespace eventwire::unity
