// The Web SDK emulator's /alarm call language: TriggerAlarm, the acknowledgements, investigation,
// forwarding, context edits and the queries, run in order (no rollback, as the seed says).

#include "websdk_state.hpp"
#include "websdk_wire.hpp"

#include <algorithm>

namespace eventwire::emulator::detail {

namespace {

// DynamicAlarmContent(text){Priority=N,ForwardedRecipients@{g1}@{g2},...}: the context, the
// priority and the forwarded recipients.
void parse_content(std::string_view arg, websdk_alarm_instance& a) {
  constexpr std::string_view head = "DynamicAlarmContent(";
  if (arg.substr(0, head.size()) != head) return;
  const auto close = arg.find(')', head.size());
  if (close == std::string_view::npos) return;
  a.context.assign(arg.substr(head.size(), close - head.size()));
  const std::string_view block = arg.substr(close + 1);
  if (const auto p = block.find("Priority="); p != std::string_view::npos) {
    std::string_view rest = block.substr(p + 9);
    rest = rest.substr(0, rest.find_first_of(",}"));
    std::int64_t v = 0;
    if (parse_i64(rest, v)) a.priority = v;
  }
  constexpr std::string_view forwarded = "ForwardedRecipients";
  if (const auto p = block.find(forwarded); p != std::string_view::npos) {
    std::string_view rest = block.substr(p + forwarded.size());
    std::string guid;
    while (rest.size() > 1 && rest[0] == '@') {
      const auto end = rest.find('}');
      if (end == std::string_view::npos || !unbrace_guid(rest.substr(1, end), guid)) break;
      a.forwarded_to.push_back(guid);
      rest.remove_prefix(end + 1);
    }
  }
}

// One instance an /alarm call names, with its alarm's GUID when the call gives it.
struct named_instance {
  std::int64_t id = 0;
  std::string alarm_guid;
};

// The inside of `{...}`; false when `text` is not braced.
bool unbrace(std::string_view text, std::string_view& inside) {
  if (text.size() < 2 || text.front() != '{' || text.back() != '}') return false;
  inside = text.substr(1, text.size() - 2);
  return true;
}

// `42`, `{42,43}` or `{{42,guid},{43,guid}}`; false when the text is none of these.
bool parse_instances(std::string_view arg, std::vector<named_instance>& out) {
  out.clear();
  std::int64_t v = 0;
  if (parse_i64(arg, v)) return out.push_back({v, {}}), true;
  std::string_view list;
  if (!unbrace(arg, list)) return false;
  for (const std::string_view item : split_top_level(list)) {
    if (parse_i64(item, v)) {
      out.push_back({v, {}});
      continue;
    }
    std::string_view pair;
    if (!unbrace(item, pair)) return false;
    const std::vector<std::string_view> parts = split_top_level(pair);
    named_instance n;
    if (parts.size() != 2 || !parse_i64(parts[0], n.id) || !unbrace_guid(parts[1], n.alarm_guid)) return false;
    out.push_back(std::move(n));
  }
  return !out.empty();
}

class alarm_call_runner {
 public:
  alarm_call_runner(websdk_state& st, std::string& result, std::string& error)
      : st_(st), result_(result), error_(error) {}

  bool run(const websdk_call& c) {
    const auto& a = c.args;
    if (c.name == "TriggerAlarm") return trigger(a);
    if (c.name == "AcknowledgeAlarm" || c.name == "ForceAcknowledgeAlarm") {
      // AcknowledgeAlarm(i,Ack), AcknowledgeAlarm(i,{g},Ack), ForceAcknowledgeAlarm(i,{g})
      const bool guid_given = c.name == "ForceAcknowledgeAlarm" || a.size() == 3;
      if (!for_each_instance(c, guid_given, [&](websdk_alarm_instance& inst) { acknowledge(inst); })) return false;
      result_ = c.name == "AcknowledgeAlarm" ? R"({"Acknowledged":true})" : "{}";
      return true;
    }
    if (c.name == "InvestigateAlarm") {
      if (!for_each_instance(c, a.size() == 2, [](websdk_alarm_instance& inst) { inst.investigated = true; }))
        return false;
      result_ = "{}";
      return true;
    }
    if (c.name == "EditAlarmContext") {
      if (a.size() != 3) return fail("EditAlarmContext needs an instance, an alarm and a context");
      if (!for_each_instance(c, true, [&](websdk_alarm_instance& inst) { inst.context = a[2]; })) return false;
      result_ = "{}";
      return true;
    }
    if (c.name == "ForwardAlarm") return forward(c);
    if (c.name == "ForceAcknowledgeAllAlarms") {
      for (auto& [id, inst] : st_.alarms) acknowledge(inst);
      result_ = "{}";
      return true;
    }
    if (c.name == "IsActive") return is_active(a);
    if (c.name == "ClearSourceCondition") {
      result_ = "{}";
      return true;
    }
    if (c.name == "GetActiveAlarms") {
      result_ = "[";
      for (const auto& [id, inst] : st_.alarms) {
        if (inst.state != 1) continue;
        if (result_.size() > 1) result_ += ',';
        result_ += active_alarm_json(inst, true);
      }
      result_ += ']';
      return true;
    }
    return fail("unknown alarm method " + c.name);
  }

 private:
  bool fail(std::string text) {
    error_ = std::move(text);
    return false;
  }

  bool trigger(const std::vector<std::string>& a) {
    if (a.empty()) return fail("TriggerAlarm needs an alarm");
    websdk_alarm_instance inst;
    inst.alarm_guid = st_.resolve_entity(a[0]);
    if (inst.alarm_guid.empty()) return fail("unknown alarm " + a[0]);
    if (a.size() > 1) inst.source_guid = st_.resolve_entity(a[1]);
    if (a.size() > 2) parse_content(a[2], inst);
    result_ = R"({"alarminstanceid":)" + std::to_string(st_.trigger(std::move(inst))) + "}";
    return true;
  }

  void acknowledge(websdk_alarm_instance& a) {
    if (a.state == 2) return;
    a.state = 2;
    st_.deliver_alarm_part(alarm_acknowledged_json(a), a);
  }

  // The instances of the call's first argument; with `guid_given` the second argument is the
  // alarm's GUID, which must be the instance's (as the GUIDs of the pair form must).
  template <class Apply>
  bool for_each_instance(const websdk_call& c, bool guid_given, Apply&& apply) {
    const auto& a = c.args;
    std::vector<named_instance> named;
    if (a.empty() || !parse_instances(a[0], named)) return fail(c.name + " needs an instance id");
    std::string guid;
    if (guid_given && (a.size() < 2 || !unbrace_guid(a[1], guid))) return fail(c.name + " needs an alarm GUID");
    for (auto& n : named)
      if (n.alarm_guid.empty()) n.alarm_guid = guid;
    for (const auto& n : named) {
      const auto it = st_.alarms.find(n.id);
      if (it == st_.alarms.end()) return fail("unknown alarm instance " + std::to_string(n.id));
      if (!n.alarm_guid.empty() && !iequal(n.alarm_guid, it->second.alarm_guid))
        return fail("alarm instance " + std::to_string(n.id) + " is not of alarm " + n.alarm_guid);
    }
    for (const auto& n : named) apply(st_.alarms.at(n.id));
    return true;
  }

  // ForwardAlarm(i,{g}) or ForwardAlarm(i,{g1,g2}): the instance reaches the recipients; the
  // user sees its AlarmTriggered when the forward is what makes it a recipient.
  bool forward(const websdk_call& c) {
    std::vector<std::string> to;
    if (c.args.size() != 2 || !parse_guid_list(c.args[1], to))
      return fail("ForwardAlarm needs an instance and recipient GUIDs");
    for (const auto& g : to)
      if (!st_.is_user_or_group(g)) return fail("unknown user or user group " + g);
    if (!for_each_instance(c, false, [&](websdk_alarm_instance& inst) {
          const bool received = st_.user_receives(inst);
          for (const auto& g : to)
            if (std::none_of(inst.forwarded_to.begin(), inst.forwarded_to.end(),
                             [&](const std::string& x) { return iequal(x, g); }))
              inst.forwarded_to.push_back(g);
          if (received || !st_.user_receives(inst) || inst.state != 1) return;
          const websdk_entity* source = st_.entity_by_guid(inst.source_guid);
          st_.deliver_alarm_part(alarm_triggered_json(inst, source ? std::string_view(source->name) : ""), inst);
        }))
      return false;
    result_ = "{}";
    return true;
  }

  bool is_active(const std::vector<std::string>& a) {
    std::string guid;
    if (a.size() != 1 || !unbrace_guid(a[0], guid)) return fail("IsActive needs an alarm GUID");
    bool active = false;
    for (const auto& [id, inst] : st_.alarms)
      if (inst.state == 1 && iequal(inst.alarm_guid, guid)) active = true;
    result_ = active ? R"({"IsActive":true})" : R"({"IsActive":false})";
    return true;
  }

  websdk_state& st_;
  std::string& result_;
  std::string& error_;
};

}  // namespace

bool run_alarm_calls(websdk_state& st, std::string_view q, std::string& result, std::string& error) {
  std::vector<websdk_call> calls;
  if (!parse_calls(q, calls)) {
    error = "invalid alarm call: " + std::string(q);
    return false;
  }
  alarm_call_runner runner(st, result, error);
  for (const auto& c : calls)
    if (!runner.run(c)) return false;
  return true;
}

}  // namespace eventwire::emulator::detail
