// The Web SDK emulator's API port: credentials, subscriptions, alarm monitoring, the 301 to the
// streaming port, closeconnection, RaiseEvent, RaiseCustomEvent, and the /alarm and /entity call
// languages (run elsewhere).

#include "websdk_state.hpp"
#include "websdk_wire.hpp"

#include <boost/beast/core/detail/base64.hpp>
#include <boost/beast/http/field.hpp>
#include <boost/url/parse.hpp>
#include <boost/url/url_view.hpp>

#include <algorithm>
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

// The refuse_status fault: the status, with Retry-After for 429 and 503.
response refused_by_fault(websdk_state& st, const request& req) {
  const auto status = static_cast<http::status>(st.faults.refuse_status);
  st.log("websdk emulator: " + std::to_string(st.faults.refuse_status) + " (fault) for " + std::string(req.target()));
  response res = answer(req, status, rsp_fail("refused by the refuse_status fault"));
  if (status == http::status::too_many_requests || status == http::status::service_unavailable)
    res.set(http::field::retry_after, "1");
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

}  // namespace

boost::asio::awaitable<std::optional<response>> websdk_api_request(std::shared_ptr<websdk_state> st,
                                                                   request& req, connection&) {
  auto parsed = boost::urls::parse_origin_form(req.target());
  if (!parsed) co_return answer(req, http::status::bad_request, rsp_fail("invalid request target"));
  if (st->faults.refuse_status != 0) co_return refused_by_fault(*st, req);
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
  const bool trailing_slash = !segs.empty() && segs.back().empty();
  if (trailing_slash) segs.pop_back();
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
      net::url where = st->streaming->url(st->options.base_path + "/streaming/events/sessionid=" + session.session_id);
      if (st->options.advertised_streaming_port != 0) where.port = st->options.advertised_streaming_port;
      res.set(http::field::location, where.to_string());
      co_return res;
    }
    const std::string what = segs.size() > 1 ? segs[1] : std::string();
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
    if ((segs.size() == 4 || segs.size() == 5) && what == "RaiseCustomEvent" && post) {
      if (segs.size() == 4 && !trailing_slash) {
        // The seed: without the trailing slash the server answers 307 instead of raising.
        response res(http::status::temporary_redirect, req.version());
        res.set(http::field::location, std::string(u.encoded_path()) + "/");
        co_return res;
      }
      std::string error;
      const auto content_type = req[http::field::content_type];
      const std::string_view message = segs.size() == 5 ? std::string_view(segs[4]) : std::string_view();
      const bool raised = raise_custom_event(*st, segs[2], segs[3], message,
                                             std::string_view(content_type.data(), content_type.size()), req.body(),
                                             error);
      st->notify();
      co_return raised ? ok(rsp_ok_empty()) : fail(error);
    }
    if (segs.size() == 4 && what == "RaiseEvent" && post) {
      const std::string guid = st->resolve_entity(segs[3]);
      if (guid.empty()) co_return fail("unknown entity " + segs[3]);
      st->deliver_event(segs[2], guid);
      st->notify();
      co_return ok(rsp_ok_empty());
    }
  }
  if (segs.size() == 1 && segs[0] == "alarm" && get) {
    std::string result, error;
    const bool done = run_alarm_calls(*st, q, result, error);
    st->notify();
    co_return done ? ok(rsp_ok(result)) : fail(error);
  }
  if (segs.size() == 1 && segs[0] == "entity" && (get || post)) {
    std::string result, error;
    const bool done = run_entity_query(*st, q, post, result, error);
    st->notify();
    co_return done ? ok(rsp_ok(result)) : fail(error);
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
