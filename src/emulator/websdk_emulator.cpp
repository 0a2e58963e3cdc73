#include "websdk_state.hpp"
#include "websdk_wire.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <algorithm>
#include <cstdio>

namespace eventwire::emulator {
namespace detail {

namespace asio = boost::asio;

namespace {

std::string entity_guid(unsigned kind, std::size_t n) {
  char text[40];
  std::snprintf(text, sizeof text, "00000001-0000-babe-%04x-%012zx", kind, n);
  return text;
}

}  // namespace

websdk_state::websdk_state(asio::any_io_executor ex, websdk_emulator_options opts)
    : executor(ex), options(std::move(opts)), changed(ex, std::chrono::steady_clock::time_point::max()) {
  const struct {
    const char* type;
    std::size_t count;
  } catalogue[] = {{"Camera", options.cameras}, {"Door", options.doors}, {"Cardholder", options.cardholders}};
  unsigned kind = 0;
  for (const auto& c : catalogue) {
    ++kind;
    for (std::size_t i = 1; i <= c.count; ++i)
      entities.push_back({entity_guid(kind, i), c.type, static_cast<std::uint32_t>(i),
                          std::string(c.type) + " " + std::to_string(i)});
  }
}

void websdk_state::notify() { changed.cancel(); }

void websdk_state::log(std::string_view line) const {
  if (options.log) options.log(line);
}

const websdk_entity* websdk_state::entity_by_guid(std::string_view guid) const noexcept {
  for (const auto& e : entities)
    if (iequal(e.guid, guid)) return &e;
  return nullptr;
}

const websdk_entity* websdk_state::entity_by_logical_id(std::string_view type, std::uint32_t id) const noexcept {
  for (const auto& e : entities)
    if (e.logical_id == id && iequal(e.type, type)) return &e;
  return nullptr;
}

std::string websdk_state::resolve_entity(std::string_view text) const {
  std::string guid;
  if (unbrace_guid(text, guid)) return guid;
  std::string type;
  std::uint32_t id = 0;
  if (parse_logical_id(text, type, id))
    if (const websdk_entity* e = entity_by_logical_id(type, id)) return e->guid;
  return {};
}

websdk_session* websdk_state::session_by_id(std::string_view session_id) {
  for (auto& [key, s] : sessions)
    if (s.session_id == session_id) return &s;
  return nullptr;
}

bool websdk_state::matches(const websdk_subscription& s, const websdk_entity* entity,
                           std::string_view guid, std::string_view event_type) const {
  if (!iequal(s.event_type, event_type)) return false;
  switch (s.which) {
    case websdk_subscription::kind::guid:
      return iequal(s.source, guid);
    case websdk_subscription::kind::logical_id:
      return entity && entity->logical_id == s.logical_id && iequal(entity->type, s.source);
    case websdk_subscription::kind::entity_type:
      return entity && iequal(entity->type, s.source);
  }
  return false;
}

void websdk_state::queue_raw(websdk_stream& s, std::string bytes) {
  if (s.closed) return;
  s.queued_bytes += bytes.size();
  s.queue.push_back(std::move(bytes));
  if (s.backlog() > options.max_queued_bytes) {
    log("websdk emulator: stream " + s.connection_id + " dropped: too slow");
    close_stream(s);
    return;
  }
  s.wake.cancel();
}

void websdk_state::queue_part(websdk_stream& s, std::string_view json) {
  if (s.closed) return;
  ++parts_sent;
  queue_raw(s, part_bytes(json));
}

void websdk_state::close_stream(websdk_stream& s) {
  if (s.closed) return;
  s.closed = true;
  s.queue.clear();
  s.queued_bytes = 0;
  if (s.conn) s.conn->stream().close();
  s.wake.cancel();
  streams.erase(s.id);
  notify();
}

std::size_t websdk_state::deliver_event(std::string_view event_type, std::string_view source_guid,
                                        std::string_view event_members) {
  const websdk_entity* entity = entity_by_guid(source_guid);
  std::optional<std::string> json;
  std::size_t delivered = 0;
  std::vector<std::shared_ptr<websdk_stream>> targets;
  for (auto& [id, s] : streams) targets.push_back(s);
  for (auto& s : targets) {
    auto it = sessions.find(s->session_key);
    if (it == sessions.end()) continue;
    bool wanted = false;
    for (const auto& sub : it->second.subscriptions)
      if (matches(sub, entity, source_guid, event_type)) wanted = true;
    if (!wanted) continue;
    if (!json) json = event_part_json(event_type, entity, source_guid, event_members);
    queue_part(*s, *json);
    ++delivered;
  }
  return delivered;
}

std::size_t websdk_state::deliver_alarm_part(const std::string& json, const websdk_alarm_instance& a) {
  if (!user_receives(a)) return 0;
  std::size_t delivered = 0;
  std::vector<std::shared_ptr<websdk_stream>> targets;
  for (auto& [id, s] : streams) targets.push_back(s);
  for (auto& s : targets) {
    auto it = sessions.find(s->session_key);
    if (it == sessions.end() || !it->second.alarm_monitoring) continue;
    queue_part(*s, json);
    ++delivered;
  }
  return delivered;
}

std::int64_t websdk_state::trigger(websdk_alarm_instance a) {
  a.instance_id = next_instance++;
  const websdk_entity* source = entity_by_guid(a.source_guid);
  deliver_alarm_part(alarm_triggered_json(a, source ? std::string_view(source->name) : std::string_view()), a);
  alarms.emplace(a.instance_id, a);
  notify();
  return a.instance_id;
}

std::size_t websdk_state::generate(std::uint64_t count, std::string_view event_members) {
  static constexpr std::string_view camera_events[] = {"CameraMotion", "CameraMotionOff"};
  static constexpr std::string_view door_events[] = {"AccessGranted", "DoorOpened", "DoorClosed"};
  static constexpr std::string_view cardholder_events[] = {"CardholderAccessGranted", "CardholderAccessRefused"};
  std::size_t delivered = 0;
  for (std::uint64_t i = 0; i < count && !entities.empty(); ++i) {
    const std::uint64_t n = generated++;
    const websdk_entity& e = entities[n % entities.size()];
    std::string_view type;
    if (e.type == "Camera") type = camera_events[(n / entities.size()) % 2];
    else if (e.type == "Door") type = door_events[(n / entities.size()) % 3];
    else type = cardholder_events[(n / entities.size()) % 2];
    delivered += deliver_event(type, e.guid, event_members);
  }
  notify();
  return delivered;
}

asio::awaitable<void> websdk_generate_loop(std::shared_ptr<websdk_state> st) {
  std::uint64_t sent = 0;
  while (!st->stopped && (st->options.generate_count == 0 || sent < st->options.generate_count)) {
    st->generator->expires_after(st->options.generate_interval);
    auto [ec] = co_await st->generator->async_wait(asio::as_tuple(asio::use_awaitable));
    if (ec || st->stopped) co_return;
    if (st->streams.empty()) continue;  // nobody listens: the count is of events sent
    st->generate(1);
    ++sent;
  }
}

}  // namespace detail

websdk_emulator::websdk_emulator(boost::asio::any_io_executor ex, websdk_emulator_options options)
    : state_(std::make_shared<detail::websdk_state>(ex, std::move(options))) {
  std::weak_ptr<detail::websdk_state> weak = state_;
  auto& o = state_->options;
  if (o.tls && !o.certificate) o.certificate = net::make_self_signed_certificate();
  server_options api;
  api.tls = o.tls;
  api.certificate = o.certificate;
  api.port = o.api_port;
  state_->api.emplace(
      ex,
      [weak](request& req, connection& c) -> boost::asio::awaitable<std::optional<response>> {
        auto st = weak.lock();
        if (!st) co_return std::nullopt;
        co_return co_await detail::websdk_api_request(st, req, c);
      },
      api);
  server_options streaming;
  streaming.tls = o.tls;
  streaming.certificate = o.certificate;
  streaming.port = o.streaming_port;
  streaming.keep_alive_timeout = {};
  state_->streaming.emplace(
      ex,
      [weak](request& req, connection& c) -> boost::asio::awaitable<std::optional<response>> {
        auto st = weak.lock();
        if (!st) co_return std::nullopt;
        co_return co_await detail::websdk_stream_request(st, req, c);
      },
      streaming);
  if (state_->options.generate_interval.count() > 0) {
    state_->generator.emplace(ex);
    boost::asio::co_spawn(ex, detail::websdk_generate_loop(state_), boost::asio::detached);
  }
}

websdk_emulator::~websdk_emulator() { stop(); }

std::uint16_t websdk_emulator::api_port() const noexcept { return state_->api->port(); }
std::uint16_t websdk_emulator::streaming_port() const noexcept { return state_->streaming->port(); }
net::url websdk_emulator::base_url() const { return state_->api->url(state_->options.base_path); }
const net::self_signed_certificate* websdk_emulator::certificate() const noexcept { return state_->api->certificate(); }

const std::vector<websdk_entity>& websdk_emulator::entities() const noexcept { return state_->entities; }
const websdk_entity* websdk_emulator::find(std::string_view type, std::uint32_t logical_id) const noexcept {
  return state_->entity_by_logical_id(type, logical_id);
}

std::size_t websdk_emulator::raise_event(std::string_view event_type, std::string_view source_guid,
                                         std::string_view event_members) {
  const std::size_t n = state_->deliver_event(event_type, source_guid, event_members);
  state_->notify();
  return n;
}

std::size_t websdk_emulator::generate(std::uint64_t count, std::string_view event_members) {
  return state_->generate(count, event_members);
}

std::int64_t websdk_emulator::trigger_alarm(std::string_view alarm_guid, std::string_view source_guid,
                                            std::string_view context) {
  websdk_alarm_instance a;
  a.alarm_guid.assign(alarm_guid);
  a.source_guid.assign(source_guid);
  a.context.assign(context);
  return state_->trigger(std::move(a));
}

std::vector<websdk_alarm_instance> websdk_emulator::active_alarms() const {
  std::vector<websdk_alarm_instance> out;
  for (const auto& [id, a] : state_->alarms)
    if (a.state == 1) out.push_back(a);
  return out;
}

std::optional<std::vector<websdk_recipient>> websdk_emulator::recipients(std::string_view alarm_guid) const {
  const auto it = state_->recipients.find(detail::lower(alarm_guid));
  if (it == state_->recipients.end()) return std::nullopt;
  return it->second;
}

std::vector<websdk_custom_event> websdk_emulator::custom_events() const {
  std::vector<websdk_custom_event> out;
  for (const auto& [id, e] : state_->custom_events) out.push_back(e);
  return out;
}

std::vector<websdk_raised_custom_event> websdk_emulator::raised_custom_events() const {
  return {state_->raised_custom_events.begin(), state_->raised_custom_events.end()};
}

void websdk_emulator::set_faults(const websdk_faults& faults) {
  state_->faults = faults;
  for (auto& [id, s] : state_->streams) s->wake.cancel();
  state_->notify();
}
const websdk_faults& websdk_emulator::faults() const noexcept { return state_->faults; }

std::size_t websdk_emulator::drop_streams(bool expire_sessions) {
  std::vector<std::shared_ptr<detail::websdk_stream>> all;
  for (auto& [id, s] : state_->streams) all.push_back(s);
  for (auto& s : all) state_->close_stream(*s);
  if (expire_sessions) {
    for (auto& [key, s] : state_->sessions) {
      s.subscriptions.clear();
      s.alarm_monitoring = false;
    }
  }
  state_->notify();
  return all.size();
}

std::size_t websdk_emulator::trickle_streams(std::chrono::steady_clock::duration interval) {
  for (auto& [id, s] : state_->streams) {
    s->trickle = interval;
    s->wake.cancel();
  }
  state_->notify();
  return state_->streams.size();
}

std::size_t websdk_emulator::stall_streams() {
  for (auto& [id, s] : state_->streams) s->stalled = true;
  state_->notify();
  return state_->streams.size();
}

std::size_t websdk_emulator::send_malformed_part() {
  std::size_t n = 0;
  for (auto& [id, s] : state_->streams) {
    state_->queue_part(*s, R"({"Rsp":{"Status":"Ok","Result":{"Event":{"Type":)");
    ++n;
  }
  return n;
}

std::size_t websdk_emulator::send_oversized_part(std::size_t bytes) {
  std::string json = R"({"Rsp":{"Status":"Ok","Result":{"Padding":")";
  const std::size_t tail = 4;  // "}}} after the padding
  if (bytes > json.size() + tail) json.append(bytes - json.size() - tail, 'x');
  json += "\"}}}";
  std::size_t n = 0;
  for (auto& [id, s] : state_->streams) {
    state_->queue_part(*s, json);
    ++n;
  }
  return n;
}

std::size_t websdk_emulator::open_streams() const noexcept { return state_->streams.size(); }
std::uint64_t websdk_emulator::streams_opened() const noexcept { return state_->streams_opened; }
std::uint64_t websdk_emulator::connections_closed() const noexcept { return state_->connections_closed; }
std::uint64_t websdk_emulator::subscribe_requests() const noexcept { return state_->subscribe_requests; }
std::uint64_t websdk_emulator::unauthorized_requests() const noexcept { return state_->unauthorized_requests; }
std::uint64_t websdk_emulator::parts_sent() const noexcept { return state_->parts_sent; }
std::size_t websdk_emulator::largest_stream_backlog() const noexcept {
  std::size_t most = 0;
  for (const auto& [id, s] : state_->streams) most = std::max(most, s->backlog());
  return most;
}

std::vector<std::string> websdk_emulator::subscriptions() const {
  std::vector<std::string> out;
  for (const auto& [key, s] : state_->sessions)
    for (const auto& sub : s.subscriptions) out.push_back(sub.text);
  return out;
}

bool websdk_emulator::alarm_monitoring() const noexcept {
  for (const auto& [key, s] : state_->sessions)
    if (s.alarm_monitoring) return true;
  return false;
}

boost::asio::awaitable<bool> websdk_emulator::wait_until(std::function<bool()> predicate,
                                                         std::chrono::steady_clock::duration limit) {
  auto st = state_;
  const auto deadline = std::chrono::steady_clock::now() + limit;
  boost::asio::steady_timer guard(st->executor, deadline);
  guard.async_wait([st](boost::system::error_code ec) {
    if (!ec) st->changed.cancel();
  });
  while (!predicate() && std::chrono::steady_clock::now() < deadline)
    co_await st->changed.async_wait(boost::asio::as_tuple(boost::asio::use_awaitable));
  guard.cancel();
  co_return predicate();
}

void websdk_emulator::stop() noexcept {
  auto& st = *state_;
  if (st.stopped) return;
  st.stopped = true;
  if (st.generator) st.generator->cancel();
  std::vector<std::shared_ptr<detail::websdk_stream>> all;
  for (auto& [id, s] : st.streams) all.push_back(s);
  for (auto& s : all) st.close_stream(*s);
  if (st.api) st.api->stop();
  if (st.streaming) st.streaming->stop();
  st.changed.cancel();
}

}  // namespace eventwire::emulator
