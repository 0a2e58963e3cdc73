// The Web SDK emulator's /entity call language on one entity: an alarm's recipients, what an
// entity can raise, and the custom events of the system configuration entity.
//
//   entity=<target>,<term>,<term>...   a term: Name(args), Name.Method(args), a property name,
//                                      or CustomEvents-<id>
//   entity=<a>,<term>...,entity=<b>,<term>...   the terms after each entity= are on that entity
// Every term that answers adds its member to one Result object (a member two entities answer is
// refused: one object cannot hold both); terms run in order and are not rolled back, as /alarm
// calls; changes need POST.

#include "websdk_state.hpp"
#include "websdk_wire.hpp"

#include <algorithm>
#include <chrono>
#include <string>
#include <vector>

namespace eventwire::emulator::detail {

namespace {

constexpr std::string_view system_configuration_guid = "00000000-0000-0000-0000-000000000007";

// A .NET TimeSpan [d.]hh:mm:ss in seconds; false when it is not one.
bool parse_timespan(std::string_view text, std::chrono::seconds& out) {
  std::int64_t days = 0;
  if (const auto dot = text.find('.'); dot != std::string_view::npos) {
    if (!parse_i64(text.substr(0, dot), days) || days < 0) return false;
    text.remove_prefix(dot + 1);
  }
  std::uint32_t h = 0, m = 0, s = 0;
  if (text.size() != 8 || text[2] != ':' || text[5] != ':' || !parse_u32(text.substr(0, 2), h) ||
      !parse_u32(text.substr(3, 2), m) || !parse_u32(text.substr(6, 2), s) || h > 23 || m > 59 || s > 59)
    return false;
  out = std::chrono::seconds(((days * 24 + h) * 60 + m) * 60 + s);
  return true;
}

std::string custom_event_json(const websdk_custom_event& e, std::string_view owner) {
  std::string out = R"({"Id":)" + std::to_string(e.id) + R"(,"LocalCustomEvent":true,"Name":)";
  append_json_string(out, e.name);
  out += R"(,"SourceEntityType":)";
  append_json_string(out, e.entity_type);
  out += R"(,"Owner":)";
  append_json_string(out, owner);
  return out + '}';
}

class entity_query_runner {
 public:
  entity_query_runner(websdk_state& st, bool post, std::string& error) : st_(st), post_(post), error_(error) {}

  // The target of `entity=<target>`: a catalogue entity, the system configuration or an alarm.
  bool target(std::string_view text) {
    guid_ = st_.resolve_entity(text);
    if (guid_.empty()) return fail("unknown entity " + std::string(text));
    entity_ = st_.entity_by_guid(guid_);
    system_ = iequal(guid_, system_configuration_guid);
    return true;
  }

  bool run(std::string_view term, std::string& result) {
    std::vector<websdk_call> calls;
    const bool is_call = term.find('(') != std::string_view::npos;
    if (is_call && (!parse_calls(term, calls) || calls.size() != 1)) return fail("invalid call " + std::string(term));
    const std::string name = is_call ? calls[0].name : std::string(term);
    const std::vector<std::string> args = is_call ? calls[0].args : std::vector<std::string>();
    if (name.starts_with("Recipients.") || name == "IsRecipient") return recipients(name, args, result);
    if (name == "SupportedEvents" || name == "SupportedCustomEvents") return supported(name, result);
    if (name.starts_with("CustomEvents")) return custom_events(name, args, result);
    return fail("unknown property or method " + name);
  }

 private:
  bool fail(std::string text) {
    error_ = std::move(text);
    return false;
  }
  bool change(std::string_view name) {
    return post_ || fail(std::string(name) + " changes the entity: use POST");
  }
  // Adds the member `name` to the Result object; a name answered before (by another entity's
  // term) is refused, since one object cannot hold both.
  bool answer(std::string& result, std::string_view name, std::string_view json) {
    if (std::find(answered_.begin(), answered_.end(), name) != answered_.end())
      return fail("two terms answer " + std::string(name) + ": ask them in separate requests");
    answered_.emplace_back(name);
    result += result.size() > 1 ? "," : "";
    append_json_string(result, name);
    result += ':';
    result += json;
    return true;
  }
  bool one_guid(std::string_view name, const std::vector<std::string>& args, std::string& guid) {
    return (args.size() == 1 && unbrace_guid(args[0], guid)) || fail(std::string(name) + " needs a GUID");
  }

  bool recipients(const std::string& name, const std::vector<std::string>& args, std::string& result) {
    if (entity_ || system_) return fail(name + " needs an alarm; " + guid_ + " is not one");
    std::string guid;
    if (name == "IsRecipient" || name == "Recipients.Contains") {
      if (!one_guid(name, args, guid)) return false;
      const bool yes = name == "IsRecipient" ? st_.is_recipient(guid_, guid) : st_.recipients_contain(guid_, guid);
      return answer(result, name == "IsRecipient" ? "IsRecipient" : "Contains", yes ? "true" : "false");
    }
    if (!change(name)) return false;
    if (!st_.recipients.contains(lower(guid_)) && st_.recipients.size() >= websdk_state::max_recipient_lists)
      return fail("too many alarms with recipients");
    if (name == "Recipients.Clear") {
      if (!args.empty()) return fail("Recipients.Clear takes no argument");
      st_.recipients_of(guid_).clear();
      return true;
    }
    if (name == "Recipients.Remove") {
      if (!one_guid(name, args, guid)) return false;
      std::erase_if(st_.recipients_of(guid_), [&](const websdk_recipient& r) { return iequal(r.guid, guid); });
      return true;
    }
    if (name != "Recipients.Add") return fail("unknown method " + name);
    std::chrono::seconds delay{};
    if (args.size() != 2 || !unbrace_guid(args[0], guid) || !parse_timespan(args[1], delay))
      return fail("Recipients.Add needs a user or group GUID and a TimeSpan");
    if (!st_.is_user_or_group(guid)) return fail("unknown user or user group " + guid);
    auto& list = st_.recipients_of(guid_);
    const auto it = std::find_if(list.begin(), list.end(), [&](const websdk_recipient& r) { return iequal(r.guid, guid); });
    if (it != list.end()) {
      it->forward_delay = delay;
    } else {
      if (list.size() >= websdk_state::max_recipients) return fail("too many recipients");
      list.push_back({guid, delay});
    }
    return true;
  }

  bool supported(const std::string& name, std::string& result) {
    if (!entity_) return fail(name + " needs an entity of the catalogue");
    std::string list = "[";
    if (name == "SupportedEvents") {
      for (const std::string_view event : supported_events(entity_->type)) {
        if (list.size() > 1) list += ',';
        append_json_string(list, event);
      }
    } else {
      for (const auto& [id, e] : st_.custom_events) {
        if (!iequal(e.entity_type, entity_->type)) continue;
        if (list.size() > 1) list += ',';
        list += custom_event_json(e, "00000000-0000-0000-0000-000000000000");
      }
    }
    return answer(result, name, list + "]");
  }

  bool custom_events(const std::string& name, const std::vector<std::string>& args, std::string& result) {
    if (!system_) return fail(name + " needs the system configuration entity " + std::string(system_configuration_guid));
    if (name == "CustomEvents") {
      std::string list = "[";
      for (const auto& [id, e] : st_.custom_events) {
        if (list.size() > 1) list += ',';
        list += custom_event_json(e, e.owner);
      }
      return answer(result, name, list + "]");
    }
    if (!change(name)) return false;
    std::int64_t id = 0;
    if (name.starts_with("CustomEvents-")) {
      if (!parse_i64(std::string_view(name).substr(13), id)) return fail("invalid custom event id in " + name);
      if (st_.custom_events.erase(id) == 0) return fail("unknown custom event " + std::to_string(id));
      return true;
    }
    if (name != "CustomEvents.Add") return fail("unknown method " + name);
    if (args.size() != 3 || !parse_i64(args[0], id) || id < 0 || args[1].empty() || args[2].empty())
      return fail("CustomEvents.Add needs an id, a name and an entity type");
    if (st_.custom_events.contains(id)) return fail("custom event " + std::to_string(id) + " already exists");
    if (st_.custom_events.size() >= websdk_state::max_custom_events) return fail("too many custom events");
    st_.custom_events[id] = {id, args[1], args[2], st_.options.user_guid};
    return true;
  }

  websdk_state& st_;
  bool post_;
  std::string& error_;
  std::string guid_;
  const websdk_entity* entity_ = nullptr;
  bool system_ = false;
  std::vector<std::string> answered_;  // the Result's member names so far
};

}  // namespace

bool run_entity_query(websdk_state& st, std::string_view q, bool post, std::string& result, std::string& error) {
  const std::vector<std::string_view> terms = split_top_level(q);
  constexpr std::string_view head = "entity=";
  if (terms.size() < 2 || !terms[0].starts_with(head)) {
    error = "invalid entity query: " + std::string(q);
    return false;
  }
  for (std::size_t i = 0; i < terms.size(); ++i) {
    if (terms[i].starts_with(head) && (i + 1 == terms.size() || terms[i + 1].starts_with(head))) {
      error = "invalid entity query: " + std::string(terms[i]) + " has no term";
      return false;
    }
  }
  entity_query_runner runner(st, post, error);
  result = "{";
  for (const std::string_view term : terms) {
    const bool ok = term.starts_with(head) ? runner.target(term.substr(head.size())) : runner.run(term, result);
    if (!ok) return false;
  }
  result += '}';
  return true;
}

}  // namespace eventwire::emulator::detail
