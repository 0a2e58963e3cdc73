#include <eventwire/emulator/missioncontrol_emulator.hpp>

#include <eventwire/emulator/server.hpp>

#include "missioncontrol_render.hpp"

#include <eventwire/json/writer.hpp>
#include <eventwire/time/timestamp.hpp>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/detail/base64.hpp>
#include <boost/beast/http/field.hpp>
#include <boost/beast/http/status.hpp>

#include <deque>
#include <random>
#include <set>

namespace eventwire::emulator {

namespace http = boost::beast::http;
namespace base64 = boost::beast::detail::base64;
using clock_type = std::chrono::steady_clock;

namespace detail {

struct missioncontrol_state {
  struct issued {
    std::string client_id;
    clock_type::time_point expiry;
  };
  missioncontrol_emulator_options options;
  std::map<std::string, issued, std::less<>> tokens;
  std::deque<missioncontrol_token_request> requests;  // the last 256
  std::set<std::string, std::less<>> clients;         // ClientIds that obtained a token
  std::map<std::string, std::deque<std::string>, std::less<>> held;
  std::uint64_t issued_count = 0;
  std::uint64_t emitted = 0;
  std::uint64_t dropped = 0;
  std::mt19937_64 random{std::random_device{}()};

  void record(std::string client_id, unsigned status) {
    requests.push_back({std::move(client_id), status});
    if (requests.size() > 256) requests.pop_front();
  }
  void log(std::string_view line) const {
    if (options.hub.log) options.hub.log(line);
  }
};

}  // namespace detail

namespace {

response answer(const request& req, http::status status, std::string body) {
  response res{status, req.version()};
  res.set(http::field::content_type, "application/json; charset=utf-8");
  res.body() = std::move(body);
  res.prepare_payload();
  return res;
}

bool basic_matches(const request& req, const missioncontrol_emulator_options& o) {
  const auto it = req.find(http::field::authorization);
  if (it == req.end()) return false;
  const std::string_view value = it->value();
  if (value.size() < 6 || value.substr(0, 6) != "Basic ") return false;
  const std::string_view encoded = value.substr(6);
  std::string decoded(base64::decoded_size(encoded.size()), '\0');
  const auto written = base64::decode(decoded.data(), encoded.data(), encoded.size()).first;
  decoded.resize(written);
  return decoded == o.username + ":" + o.password;
}

// GET /v4/WebToken.
response web_token(detail::missioncontrol_state& s, const request& req) {
  const auto client = req.find("ClientId");
  std::string client_id = client == req.end() ? std::string() : std::string(client->value());
  const std::string_view target = req.target();
  if (target.substr(0, target.find('?')) != "/v4/WebToken") {
    s.record(client_id, 404);
    return answer(req, http::status::not_found, R"({"Message":"No such resource."})");
  }
  if (req.method() != http::verb::get) {
    s.record(client_id, 405);
    return answer(req, http::status::method_not_allowed, R"({"Message":"GET only."})");
  }
  if (!basic_matches(req, s.options)) {
    s.record(client_id, 401);
    s.log("missioncontrol emulator: WebToken refused: wrong or missing Basic credentials");
    auto res = answer(req, http::status::unauthorized, R"({"Message":"Authorization has been denied for this request."})");
    res.set(http::field::www_authenticate, "Basic realm=\"MissionControl\"");
    return res;
  }
  if (client_id.empty()) {
    s.record(client_id, 400);
    return answer(req, http::status::bad_request, R"({"Message":"The ClientId header is required."})");
  }
  static constexpr char hex[] = "0123456789abcdef";
  std::string token = "mc." + std::to_string(++s.issued_count) + ".";
  for (int i = 0; i < 24; ++i) token += hex[s.random() % 16];
  const auto lifetime = s.options.token_lifetime;
  s.tokens[token] = {client_id, clock_type::now() + lifetime};
  s.clients.insert(client_id);
  s.record(client_id, 200);
  std::string body = "{\"Token\":";
  json::append_string(body, token);
  body += ",\"ValidUntil\":\"";
  time::append_rfc3339(body, std::chrono::time_point_cast<time::ticks>(std::chrono::system_clock::now() + lifetime));
  body += "\",\"MillisecondsValid\":";
  json::append_int(body, lifetime.count());
  body += '}';
  return answer(req, http::status::ok, std::move(body));
}

signalr_hub_options hub_options(const std::shared_ptr<detail::missioncontrol_state>& state) {
  signalr_hub_options o = state->options.hub;
  o.path = "/v4/Notifications";
  o.access_token.reset();
  std::weak_ptr<detail::missioncontrol_state> weak = state;
  o.token_check = [weak](std::string_view token) -> std::optional<clock_type::time_point> {
    auto s = weak.lock();
    if (!s) return std::nullopt;
    auto found = s->tokens.find(token);
    if (found == s->tokens.end()) return std::nullopt;
    return found->second.expiry;
  };
  return o;
}

}  // namespace

missioncontrol_emulator::missioncontrol_emulator(boost::asio::any_io_executor ex, missioncontrol_emulator_options options)
    : state_(std::make_shared<detail::missioncontrol_state>()) {
  state_->options = std::move(options);
  hub_ = std::make_unique<signalr_hub>(ex, hub_options(state_));
  server_options so;
  so.tls = state_->options.hub.tls;
  so.certificate = state_->options.hub.certificate;
  so.port = state_->options.token_port;
  std::weak_ptr<detail::missioncontrol_state> weak = state_;
  handler h = [weak](request& req, connection&) -> boost::asio::awaitable<std::optional<response>> {
    auto s = weak.lock();
    if (!s) co_return answer(req, http::status::service_unavailable, "{}");
    co_return web_token(*s, req);
  };
  token_server_ = std::make_unique<server>(std::move(ex), std::move(h), std::move(so));
}

missioncontrol_emulator::~missioncontrol_emulator() {
  token_server_->stop();
  hub_->stop_now();
}

boost::asio::awaitable<void> missioncontrol_emulator::stop(std::chrono::steady_clock::duration grace) {
  token_server_->stop();
  co_await hub_->stop(grace);
}

std::string missioncontrol_emulator::base_url() const { return token_server_->url("/v4").to_string(); }
std::string missioncontrol_emulator::notifications_url() const { return hub_->url(); }

std::string missioncontrol_emulator::client_id_header(const signalr_connection_info& connection) {
  const auto it = connection.headers.find("ClientId");
  return it == connection.headers.end() ? std::string() : std::string(it->value());
}

std::size_t missioncontrol_emulator::flush() {
  std::size_t sent = 0;
  if (state_->held.empty()) return 0;
  const auto connections = hub_->connections();
  for (auto it = state_->held.begin(); it != state_->held.end();) {
    auto& queue = it->second;
    for (const auto& c : connections) {
      if (client_id_header(c) != it->first) continue;
      while (!queue.empty() && hub_->send_to(c.id, "IncidentNotification", queue.front())) {
        queue.pop_front();
        ++sent;
      }
    }
    it = queue.empty() ? state_->held.erase(it) : std::next(it);
  }
  return sent;
}

std::size_t missioncontrol_emulator::notify(missioncontrol::event_type type, std::string_view incident_id) {
  flush();
  std::string arguments;
  detail::render_incident_notification(arguments, type, incident_id, ++state_->emitted,
                                       std::chrono::system_clock::now());
  std::set<std::string, std::less<>> reached;
  std::size_t sent = 0;
  for (const auto& c : hub_->connections()) {
    const std::string client = client_id_header(c);
    // A ClientId with notifications held gets them in order, after the held ones.
    if (!client.empty() && state_->held.contains(client)) continue;
    if (hub_->send_to(c.id, "IncidentNotification", arguments)) {
      ++sent;
      if (!client.empty()) reached.insert(client);
    }
  }
  for (const auto& client : state_->clients) {
    if (reached.contains(client)) continue;
    auto& queue = state_->held[client];
    queue.push_back(arguments);
    if (queue.size() > state_->options.max_held_per_client) {
      queue.pop_front();
      ++state_->dropped;
    }
  }
  return sent;
}

boost::asio::awaitable<std::uint64_t> missioncontrol_emulator::generate(std::uint64_t count, double rate_per_second) {
  boost::asio::steady_timer pace(co_await boost::asio::this_coro::executor);
  const auto start = clock_type::now();
  std::uint64_t emitted = 0;
  for (std::uint64_t i = 0; i < count; ++i) {
    if (rate_per_second > 0 && i > 0) {
      pace.expires_at(start + std::chrono::duration_cast<clock_type::duration>(
                                  std::chrono::duration<double>(static_cast<double>(i) / rate_per_second)));
      auto [ec] = co_await pace.async_wait(boost::asio::as_tuple(boost::asio::use_awaitable));
      if (ec) break;
    }
    notify_generated(generated_++);
    ++emitted;
  }
  co_return emitted;
}

std::size_t missioncontrol_emulator::notify_generated(std::uint64_t n) {
  const auto types = missioncontrol::known_event_types();
  // Each incident starts with Created, then goes through the other 23 types.
  const std::size_t k = n % types.size();
  auto type = types[k];
  if (k == 0) {
    type = missioncontrol::event_type::created;
  } else if (type == missioncontrol::event_type::created) {
    type = types[0];
  }
  return notify(type, "inc-" + std::to_string(n / types.size() + 1));
}

boost::asio::awaitable<bool> missioncontrol_emulator::wait_delivered(clock_type::duration timeout) {
  auto* self = this;
  std::function<bool()> done = [self] {
    self->flush();
    return self->state_->held.empty() || self->hub_->stopped();
  };
  co_return co_await hub_->wait_until(done, timeout);
}

std::vector<missioncontrol_token_request> missioncontrol_emulator::token_requests() const {
  return {state_->requests.begin(), state_->requests.end()};
}
std::uint64_t missioncontrol_emulator::tokens_issued() const noexcept { return state_->issued_count; }
std::uint64_t missioncontrol_emulator::notifications_emitted() const noexcept { return state_->emitted; }
std::uint64_t missioncontrol_emulator::notifications_dropped() const noexcept { return state_->dropped; }

std::string missioncontrol_emulator::client_id_of(std::string_view token) const {
  auto found = state_->tokens.find(token);
  return found == state_->tokens.end() ? std::string() : found->second.client_id;
}

}  // namespace eventwire::emulator
