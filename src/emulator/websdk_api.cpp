// The Web SDK emulator's API port: credentials, subscriptions, alarm monitoring, the 301 to the
// streaming port, closeconnection, RaiseEvent and the /alarm call language.

#include "websdk_state.hpp"
#include "websdk_wire.hpp"

#include <boost/beast/core/detail/base64.hpp>
#include <boost/beast/http/field.hpp>
#include <boost/url/parse.hpp>
#include <boost/url/url_view.hpp>

#include <algorithm>
#include <charconv>
#include <random>

namespace eventwire::emulator::detail {

namespace http = boost::beast::http;
namespace base64 = boost::beast::detail::base64;

namespace {

response answer(const request& req, http::status status, std::string body) {
  response res(status, req.version());
  res.set(http::field::content_type, "text/json; charset=utf-8");
  res.body() = std::move(body);
  return res;
}

std::string decode_basic(std::string_view header) {
  constexpr std::string_view prefix = "Basic ";
  if (header.size() <= prefix.size() || header.substr(0, prefix.size()) != prefix) return {};
  header.remove_prefix(prefix.size());
  std::string out(base64::decoded_size(header.size()), '\0');
  const auto [written, read] = base64::decode(out.data(), header.data(), header.size());
  out.resize(written);
  return out;
}

// The session key `user;appid` when the credentials are right; empty when not.
std::string authenticate(const websdk_state& st, const request& req) {
  if (st.faults.reject_credentials) return {};
  const auto it = req.find(http::field::authorization);
  if (it == req.end()) return {};
  const std::string decoded = decode_basic(it->value());
  const auto colon = decoded.find(':');
  if (colon == std::string::npos) return {};
  const std::string_view user(decoded.data(), colon);
  const std::string_view password = std::string_view(decoded).substr(colon + 1);
  const auto semi = user.find(';');
  const std::string_view name = user.substr(0, semi);
  const std::string_view app = semi == std::string_view::npos ? std::string_view() : user.substr(semi + 1);
  if (name != st.options.username || password != st.options.password) return {};
  if (!st.options.application_id.empty() && app != st.options.application_id) return {};
  return std::string(user);
}

std::string new_session_id() {
  static std::mt19937_64 random{std::random_device{}()};
  unsigned char raw[12];
  for (auto& b : raw) b = static_cast<unsigned char>(random());
  std::string out(base64::encoded_size(sizeof raw), '\0');
  out.resize(base64::encode(out.data(), raw, sizeof raw));
  for (char& c : out) {
    if (c == '+') c = '-';
    if (c == '/') c = '_';
  }
  return out;
}

bool parse_u32(std::string_view text, std::uint32_t& out) {
  const auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && p == text.data() + text.size();
}

bool parse_i64(std::string_view text, std::int64_t& out) {
  const auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && p == text.data() + text.size();
}

// LogicalID(Type,N)
bool parse_logical_id(std::string_view text, std::string& type, std::uint32_t& id) {
  std::vector<websdk_call> calls;
  if (!parse_calls(text, calls) || calls.size() != 1 || calls[0].name != "LogicalID" ||
      calls[0].args.size() != 2)
    return false;
  type = calls[0].args[0];
  return parse_u32(calls[0].args[1], id);
}

bool parse_subscriptions(std::string_view q, std::vector<websdk_subscription>& out) {
  std::vector<websdk_call> calls;
  if (!parse_calls(q, calls)) return false;
  for (auto& c : calls) {
    if (c.name != "event" || c.args.size() != 2 || c.args[1].empty()) return false;
    websdk_subscription s;
    s.event_type = c.args[1];
    s.text = "event(" + c.args[0] + "," + c.args[1] + ")";
    if (unbrace_guid(c.args[0], s.source)) {
      s.which = websdk_subscription::kind::guid;
    } else if (parse_logical_id(c.args[0], s.source, s.logical_id)) {
      s.which = websdk_subscription::kind::logical_id;
    } else if (!c.args[0].empty() && std::all_of(c.args[0].begin(), c.args[0].end(), [](char ch) {
                 return std::isalnum(static_cast<unsigned char>(ch)) || ch == '_';
               })) {
      s.which = websdk_subscription::kind::entity_type;
      s.source = c.args[0];
    } else {
      return false;
    }
    out.push_back(std::move(s));
  }
  return true;
}

// GUID or LogicalID(Type,N) naming an entity.
std::string resolve_entity(const websdk_state& st, std::string_view text) {
  std::string guid;
  if (unbrace_guid(text, guid)) return guid;
  std::string type;
  std::uint32_t id = 0;
  if (parse_logical_id(text, type, id))
    if (const websdk_entity* e = st.entity_by_logical_id(type, id)) return e->guid;
  return {};
}

std::string subscribed_json(const websdk_state& st, const websdk_session& s) {
  std::vector<std::pair<std::string, std::vector<std::string>>> groups;
  for (const auto& sub : s.subscriptions) {
    auto g = std::find_if(groups.begin(), groups.end(), [&](const auto& x) { return x.first == sub.event_type; });
    if (g == groups.end()) g = groups.insert(groups.end(), {sub.event_type, {}});
    auto add = [&](const std::string& guid) {
      if (std::find(g->second.begin(), g->second.end(), guid) == g->second.end()) g->second.push_back(guid);
    };
    if (sub.which == websdk_subscription::kind::guid) add(sub.source);
    for (const auto& e : st.entities)
      if (sub.which != websdk_subscription::kind::guid && st.matches(sub, &e, e.guid, sub.event_type)) add(e.guid);
  }
  std::string out = "[";
  for (const auto& [type, guids] : groups) {
    if (out.size() > 1) out += ',';
    out += R"({"EventType":)";
    append_json_string(out, type);
    out += R"(,"Entities":[)";
    for (std::size_t i = 0; i < guids.size(); ++i) {
      if (i) out += ',';
      append_json_string(out, guids[i]);
    }
    out += "]}";
  }
  return out + "]";
}

// DynamicAlarmContent(text){Priority=N,...}: the context and the priority.
void parse_content(std::string_view arg, std::string& context, std::int64_t& priority) {
  constexpr std::string_view head = "DynamicAlarmContent(";
  if (arg.substr(0, head.size()) != head) return;
  const auto close = arg.find(')', head.size());
  if (close == std::string_view::npos) return;
  context.assign(arg.substr(head.size(), close - head.size()));
  const auto p = arg.find("Priority=", close);
  if (p != std::string_view::npos) {
    std::string_view rest = arg.substr(p + 9);
    rest = rest.substr(0, rest.find_first_of(",}"));
    std::int64_t v = 0;
    if (parse_i64(rest, v)) priority = v;
  }
}

// Instance ids of `42`, `{42,43}` or `{{42,guid},{43,guid}}`.
std::vector<std::int64_t> instance_ids(std::string_view arg) {
  std::vector<std::int64_t> out;
  std::int64_t v = 0;
  if (parse_i64(arg, v)) return {v};
  // Numbers that start a list element: after '{' or ',' at any depth, not inside a GUID.
  std::size_t i = 0;
  while (i < arg.size()) {
    if ((arg[i] == '{' || arg[i] == ',') && i + 1 < arg.size() && std::isdigit(static_cast<unsigned char>(arg[i + 1]))) {
      std::size_t j = i + 1;
      while (j < arg.size() && std::isdigit(static_cast<unsigned char>(arg[j]))) ++j;
      if (j < arg.size() && (arg[j] == ',' || arg[j] == '}') && parse_i64(arg.substr(i + 1, j - i - 1), v))
        out.push_back(v);
      i = j;
    } else {
      ++i;
    }
  }
  return out;
}

// Runs one /alarm call; the Result JSON, or an error text.
bool run_alarm_call(websdk_state& st, const websdk_call& c, std::string& result, std::string& error) {
  auto find_instance = [&](std::int64_t id) -> websdk_alarm_instance* {
    auto it = st.alarms.find(id);
    return it == st.alarms.end() ? nullptr : &it->second;
  };
  auto acknowledge = [&](websdk_alarm_instance& a) {
    if (a.state == 2) return;
    a.state = 2;
    st.deliver_alarm_part(alarm_acknowledged_json(a));
  };
  const auto& a = c.args;
  if (c.name == "TriggerAlarm") {
    if (a.empty()) return error = "TriggerAlarm needs an alarm", false;
    const std::string alarm = resolve_entity(st, a[0]);
    if (alarm.empty()) return error = "unknown alarm " + a[0], false;
    std::string source = a.size() > 1 ? resolve_entity(st, a[1]) : std::string();
    std::string context;
    std::int64_t priority = 1;
    if (a.size() > 2) parse_content(a[2], context, priority);
    const auto id = st.trigger(alarm, source, context, priority);
    result = R"({"alarminstanceid":)" + std::to_string(id) + "}";
    return true;
  }
  if (c.name == "AcknowledgeAlarm" || c.name == "ForceAcknowledgeAlarm") {
    if (a.empty()) return error = c.name + " needs an instance", false;
    const auto ids = instance_ids(a[0]);
    if (ids.empty()) return error = "invalid instance id " + a[0], false;
    for (auto id : ids) {
      auto* inst = find_instance(id);
      if (!inst) return error = "unknown alarm instance " + std::to_string(id), false;
      acknowledge(*inst);
    }
    result = c.name == "AcknowledgeAlarm" ? R"({"Acknowledged":true})" : "{}";
    return true;
  }
  if (c.name == "InvestigateAlarm" || c.name == "ForwardAlarm" || c.name == "EditAlarmContext") {
    if (a.empty()) return error = c.name + " needs an instance", false;
    const auto ids = instance_ids(a[0]);
    if (ids.empty()) return error = "invalid instance id " + a[0], false;
    for (auto id : ids) {
      auto* inst = find_instance(id);
      if (!inst) return error = "unknown alarm instance " + std::to_string(id), false;
      if (c.name == "InvestigateAlarm") inst->investigated = true;
      if (c.name == "ForwardAlarm" && a.size() > 1) inst->forwarded_to.push_back(a[1]);
      if (c.name == "EditAlarmContext" && a.size() > 2) inst->context = a[2];
    }
    result = "{}";
    return true;
  }
  if (c.name == "ForceAcknowledgeAllAlarms") {
    for (auto& [id, inst] : st.alarms) acknowledge(inst);
    result = "{}";
    return true;
  }
  if (c.name == "IsActive") {
    std::string guid;
    if (a.size() != 1 || !unbrace_guid(a[0], guid)) return error = "IsActive needs an alarm GUID", false;
    bool active = false;
    for (const auto& [id, inst] : st.alarms)
      if (inst.state == 1 && inst.alarm_guid == guid) active = true;
    result = active ? R"({"IsActive":true})" : R"({"IsActive":false})";
    return true;
  }
  if (c.name == "ClearSourceCondition") {
    result = "{}";
    return true;
  }
  if (c.name == "GetActiveAlarms") {
    result = "[";
    for (const auto& [id, inst] : st.alarms) {
      if (inst.state != 1) continue;
      if (result.size() > 1) result += ',';
      result += active_alarm_json(inst, true);
    }
    result += ']';
    return true;
  }
  return error = "unknown alarm method " + c.name, false;
}

}  // namespace

boost::asio::awaitable<std::optional<response>> websdk_api_request(std::shared_ptr<websdk_state> st,
                                                                   request& req, connection&) {
  auto parsed = boost::urls::parse_origin_form(req.target());
  if (!parsed) co_return answer(req, http::status::bad_request, rsp_fail("invalid request target"));
  const boost::urls::url_view u = *parsed;
  std::vector<std::string> segs;
  for (auto s : u.segments()) segs.push_back(s);
  // Strip the base path.
  std::vector<std::string> base;
  {
    auto b = boost::urls::parse_origin_form(st->options.base_path.empty() ? "/" : st->options.base_path);
    if (b)
      for (auto s : b->segments())
        if (!s.empty()) base.push_back(s);
  }
  if (segs.size() < base.size() || !std::equal(base.begin(), base.end(), segs.begin()))
    co_return answer(req, http::status::not_found, rsp_fail("not found"));
  segs.erase(segs.begin(), segs.begin() + static_cast<std::ptrdiff_t>(base.size()));
  if (!segs.empty() && segs.back().empty()) segs.pop_back();
  std::string q;
  if (auto it = u.params().find("q"); it != u.params().end()) q = (*it).value;

  const std::string key = authenticate(*st, req);
  if (key.empty()) {
    ++st->unauthorized_requests;
    st->log("websdk emulator: 401 for " + std::string(req.target()));
    st->notify();
    response res = answer(req, http::status::unauthorized, rsp_fail("Unauthorized: wrong user name, application id or password"));
    res.set(http::field::www_authenticate, "Basic realm=\"WebSdk\"");
    co_return res;
  }
  websdk_session& session = st->sessions[key];
  if (session.key.empty()) {
    session.key = key;
    session.session_id = new_session_id();
  }
  const bool get = req.method() == http::verb::get;
  const bool post = req.method() == http::verb::post;
  auto ok = [&](std::string json) { return answer(req, http::status::ok, std::move(json)); };
  auto fail = [&](std::string text) { return answer(req, http::status::ok, rsp_fail(text)); };

  if (!segs.empty() && segs[0] == "events") {
    if (segs.size() == 1 && get) {
      response res(http::status::moved_permanently, req.version());
      res.set(http::field::location, st->streaming->url(st->options.base_path + "/streaming/events/sessionid=" +
                                                        session.session_id)
                                         .to_string());
      co_return res;
    }
    const std::string& what = segs[1];
    if (segs.size() == 2 && (what == "subscribe" || what == "unsubscribe") && (get || post)) {
      std::vector<websdk_subscription> subs;
      if (!parse_subscriptions(q, subs)) co_return fail("invalid event subscription: " + q);
      if (what == "subscribe") {
        ++st->subscribe_requests;
        for (auto& s : subs)
          if (std::none_of(session.subscriptions.begin(), session.subscriptions.end(),
                           [&](const auto& x) { return x.text == s.text; }))
            session.subscriptions.push_back(std::move(s));
      } else {
        for (const auto& s : subs)
          std::erase_if(session.subscriptions, [&](const auto& x) { return x.text == s.text; });
      }
      st->notify();
      co_return ok(rsp_ok_empty());
    }
    if (segs.size() == 2 && what == "subscribed" && get) co_return ok(rsp_ok(subscribed_json(*st, session)));
    if (segs.size() == 3 && what == "alarmMonitoring" && post && (segs[2] == "on" || segs[2] == "off")) {
      session.alarm_monitoring = segs[2] == "on";
      st->notify();
      co_return ok(rsp_ok_empty());
    }
    if (segs.size() == 3 && what == "closeconnection" && post) {
      for (auto& [id, s] : st->streams) {
        if (s->connection_id == segs[2] && s->session_key == key) {
          ++st->connections_closed;
          st->close_stream(*s);
          co_return ok(rsp_ok_empty());
        }
      }
      co_return fail("unknown connection " + segs[2]);
    }
    if (segs.size() == 4 && what == "RaiseEvent" && post) {
      const std::string guid = resolve_entity(*st, segs[3]);
      if (guid.empty()) co_return fail("unknown entity " + segs[3]);
      st->deliver_event(segs[2], guid);
      st->notify();
      co_return ok(rsp_ok_empty());
    }
  }
  if (segs.size() == 1 && segs[0] == "alarm" && get) {
    std::vector<websdk_call> calls;
    if (!parse_calls(q, calls)) co_return fail("invalid alarm call: " + q);
    std::string result, error;
    for (const auto& c : calls)
      if (!run_alarm_call(*st, c, result, error)) co_return fail(error);
    st->notify();
    co_return ok(rsp_ok(result));
  }
  if (segs.size() == 1 && segs[0] == "activealarms" && get) {
    std::string result = "[";
    for (const auto& [id, inst] : st->alarms) {
      if (inst.state != 1) continue;
      if (result.size() > 1) result += ',';
      result += active_alarm_json(inst, false);
    }
    co_return ok(rsp_ok(result + "]"));
  }
  co_return answer(req, http::status::not_found, rsp_fail("not found"));
}

}  // namespace eventwire::emulator::detail
