#include "emulated_systems.hpp"

#include <eventwire/emulator/clay_emulator.hpp>
#include <eventwire/emulator/missioncontrol_emulator.hpp>
#include <eventwire/emulator/portos_emulator.hpp>
#include <eventwire/emulator/signalr_hub.hpp>
#include <eventwire/emulator/unity_emulator.hpp>
#include <eventwire/emulator/websdk_emulator.hpp>
#include <eventwire/time/timestamp.hpp>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/bind_cancellation_slot.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <algorithm>
#include <functional>
#include <limits>

namespace eventwire::cli {

namespace asio = boost::asio;
namespace json = boost::json;
using namespace std::chrono_literals;
using clock = std::chrono::steady_clock;

void emulated_system::start(asio::any_io_executor ex, traffic t, std::function<void()> on_generated) {
  traffic_ = t;
  executor_ = ex;
  on_generated_ = std::move(on_generated);
  asio::co_spawn(ex, generate_then_report(), asio::bind_cancellation_slot(cancel_.slot(), asio::detached));
}

asio::awaitable<void> emulated_system::generate_then_report() {
  co_await generate();
  const auto state = co_await asio::this_coro::cancellation_state;
  if (traffic_.count != 0 && state.cancelled() == asio::cancellation_type::none && on_generated_) on_generated_();
}

asio::awaitable<void> emulated_system::stop() {
  cancel_.emit(asio::cancellation_type::terminal);
  co_await close();
}

namespace {

constexpr auto use_tuple = asio::as_tuple(asio::use_awaitable);
constexpr auto listener_wait = std::chrono::hours(24);

std::uint64_t count_of(traffic t) { return t.count == 0 ? std::numeric_limits<std::uint64_t>::max() : t.count; }

// A sender's backpressure: each send first waits while a connection holds more than this, so a
// consumer that falls behind slows the traffic instead of filling the emulator's memory.
constexpr std::size_t send_buffer = 64 * 1024;  // ASP.NET Core's default transport buffer
using room_wait = std::function<asio::awaitable<void>()>;

room_wait room_in(emulator::signalr_hub& hub) {
  return [&hub] { return hub.wait_for_room(send_buffer); };
}

// Sends event t.first, t.first + 1, ... with `one`, t.count of them (0: until cancelled), t.rate a
// second, each once `room` has completed, and tells t.sent of each.
asio::awaitable<void> paced(traffic t, std::function<void(std::uint64_t)> one, room_wait room) {
  asio::steady_timer pace(co_await asio::this_coro::executor);
  const auto interval = std::chrono::duration_cast<clock::duration>(std::chrono::duration<double>(1.0 / t.rate));
  auto next = clock::now();
  for (std::uint64_t sent = 0; sent < count_of(t); ++sent) {
    co_await room();
    one(t.first + sent);
    if (t.sent) t.sent(t.first + sent);
    next += interval;
    pace.expires_at(next);
    auto [ec] = co_await pace.async_wait(use_tuple);
    if (ec) co_return;
  }
}

// The generators: each waits for a listener, then sends. Awaited results and predicates are named
// locals: g++ 12 destroys temporaries of a co_await inside a condition twice.
asio::awaitable<void> generate_websdk(emulator::websdk_emulator& e, traffic t) {
  std::function<bool()> streaming = [&e] { return e.open_streams() > 0; };
  const bool listening = co_await e.wait_until(streaming, listener_wait);
  if (!listening) co_return;
  std::function<void(std::uint64_t)> one = [&e](std::uint64_t n) { e.generate(1, "\"Sequence\":" + std::to_string(n)); };
  room_wait room = [&e]() -> asio::awaitable<void> {
    std::function<bool()> drained = [&e] { return e.largest_stream_backlog() <= send_buffer; };
    co_await e.wait_until(drained, listener_wait);
  };
  co_await paced(t, one, room);
}

asio::awaitable<void> generate_missioncontrol(emulator::missioncontrol_emulator& e, traffic t) {
  const bool listening = co_await e.hub().wait_for_connections(1, listener_wait);
  if (!listening) co_return;
  std::function<void(std::uint64_t)> one = [&e](std::uint64_t n) { e.notify_generated(n); };
  co_await paced(t, one, room_in(e.hub()));
}

asio::awaitable<void> generate_clay(emulator::clay_emulator& e, clay::hub h, traffic t) {
  const bool listening = co_await e.hub(h).wait_for_connections(1, listener_wait);
  if (!listening) co_return;
  std::function<void(std::uint64_t)> one = [&e, h](std::uint64_t n) { e.send_numbered(h, n); };
  co_await paced(t, one, room_in(e.hub(h)));
}

// Pull: each tick makes available every notification due by then (at most `chunk` at once, so
// fetches are answered in between), instead of one timer wait a notification: a high rate
// pre-generates a count in a fraction of a second.
asio::awaitable<void> generate_unity(emulator::unity_emulator& e, traffic t) {
  constexpr std::uint64_t chunk = 10'000;
  // Traffic without an end keeps the newest 20,000 (a demo's memory stays bounded for hours);
  // a counted one keeps all of it, made available before its consumer starts.
  constexpr std::uint64_t kept_when_endless = 20'000;
  e.set_max_notifications(static_cast<std::size_t>(t.count == 0 ? kept_when_endless : std::max(t.count, kept_when_endless)));
  asio::steady_timer tick(co_await asio::this_coro::executor);
  const auto started = clock::now();
  const auto due_at = [&](std::uint64_t n) {  // when notification n (0, 1, ...) is due
    return started + std::chrono::duration_cast<clock::duration>(std::chrono::duration<double>(n / t.rate));
  };
  const std::uint64_t total = count_of(t);
  for (std::uint64_t made = 0; made < total;) {
    const double elapsed = std::chrono::duration<double>(clock::now() - started).count();
    const auto due = std::min<std::uint64_t>(total, static_cast<std::uint64_t>(elapsed * t.rate) + 1);
    const std::uint64_t now_made = std::min(due - std::min(due, made), chunk);
    e.generate(now_made);
    if (t.sent)
      for (std::uint64_t n = made; n < made + now_made; ++n) t.sent(n);
    made += now_made;
    if (made >= total) break;
    tick.expires_at(made < due ? clock::now() : due_at(made));
    auto [ec] = co_await tick.async_wait(use_tuple);
    if (ec) co_return;
  }
}

asio::awaitable<void> generate_portos(emulator::portos_emulator& e, traffic t) {
  // Both subscriptions are in place before the first notification.
  std::function<bool()> subscribed = [&e] { return e.subscription_count() >= 2; };
  const bool listening = co_await e.wait_until(subscribed, listener_wait);
  if (!listening) co_return;
  std::function<void(std::uint64_t)> one = [&e](std::uint64_t n) { e.notify_generated(n); };
  co_await paced(t, one, room_in(e.hub()));
}

// A door-access event; each one differs, so each gets its own id.
std::string door_event(std::uint64_t sequence) {
  static constexpr const char* doors[] = {"Main entrance", "Loading dock", "Server room", "Lab 3"};
  static constexpr const char* kinds[] = {"AccessGranted", "AccessGranted", "AccessDenied", "DoorForced"};
  std::string time_text;
  time::append_rfc3339(time_text, std::chrono::time_point_cast<time::ticks>(std::chrono::system_clock::now()));
  return "[{\"sequence\":" + std::to_string(sequence) + ",\"event\":\"" + kinds[sequence % 4] + "\",\"door\":\"" +
         doors[(sequence / 4) % 4] + "\",\"cardholder\":\"CH-" + std::to_string(1000 + sequence % 37) +
         "\",\"time\":\"" + time_text + "\"}]";
}

asio::awaitable<void> generate_signalr(emulator::signalr_hub& hub, traffic t) {
  const bool listening = co_await hub.wait_for_connections(1, listener_wait);
  if (!listening) co_return;
  std::function<void(std::uint64_t)> one = [&hub](std::uint64_t n) { hub.broadcast("ReceiveMessage", door_event(n)); };
  co_await paced(t, one, room_in(hub));
}

// A hub's options with the settings' port and keep-alive.
emulator::signalr_hub_options hub_options(const system_settings& settings, emulator::signalr_hub_options o) {
  o.port = settings.port;
  if (settings.keep_alive) o.keep_alive_interval = *settings.keep_alive;
  return o;
}

json::object source_entry(std::string_view name, std::string_view type, std::string url) {
  return {{"name", name}, {"type", type}, {"url", std::move(url)}};
}

class websdk_system final : public emulated_system {
 public:
  websdk_system(asio::any_io_executor ex, const system_settings& settings) : emulator_(ex, options(settings)) {}

  json::array sources() const override {
    auto s = source_entry("genetec-websdk", "genetec-websdk", emulator_.base_url().to_string());
    s["username"] = "admin";
    s["application_id"] = "eventwire";
    s["password"] = "admin";
    s["subscriptions"] = json::array{"event(Camera,CameraMotion)",
                          "event(Camera,CameraMotionOff)",
                          "event(Door,AccessGranted)",
                          "event(Door,DoorOpened)",
                          "event(Door,DoorClosed)",
                          "event(Cardholder,CardholderAccessGranted)",
                          "event(Cardholder,CardholderAccessRefused)"};
    s["alarm_monitoring"] = true;
    return {s};
  }

 private:
  static emulator::websdk_emulator_options options(const system_settings& settings) {
    const auto port = settings.port;
    emulator::websdk_emulator_options o;
    if (settings.keep_alive) o.heartbeat_interval = *settings.keep_alive;
    o.api_port = port;
    o.streaming_port = port == 0 ? 0 : static_cast<std::uint16_t>(port + 1);
    return o;
  }
  asio::awaitable<void> generate() override { return generate_websdk(emulator_, planned()); }
  asio::awaitable<void> close() override {
    emulator_.stop();
    co_return;
  }
  emulator::websdk_emulator emulator_;
};

class missioncontrol_system final : public emulated_system {
 public:
  missioncontrol_system(asio::any_io_executor ex, const system_settings& settings) : emulator_(ex, options(settings)) {}

  json::array sources() const override {
    auto s = source_entry("genetec-missioncontrol", "genetec-missioncontrol", emulator_.base_url());
    s["notifications_url"] = emulator_.notifications_url();
    s["username"] = "operator";
    s["password"] = "mc-password";
    return {s};
  }

 private:
  static emulator::missioncontrol_emulator_options options(const system_settings& settings) {
    const auto port = settings.port;
    emulator::missioncontrol_emulator_options o;
    o.hub = hub_options(settings, o.hub);
    o.token_port = port == 0 ? 0 : static_cast<std::uint16_t>(port + 1);
    return o;
  }
  asio::awaitable<void> generate() override { return generate_missioncontrol(emulator_, planned()); }
  asio::awaitable<void> close() override { co_await emulator_.stop(1s); }
  emulator::missioncontrol_emulator emulator_;
};

class clay_system final : public emulated_system {
 public:
  clay_system(asio::any_io_executor ex, const system_settings& settings) : emulator_(ex, options(settings)) {}

  json::array sources() const override {
    json::array out;
    for (const auto h : {clay::hub::incident, clay::hub::entry}) {
      auto s = source_entry("clay-" + std::string(clay::hub_name(h)), "clay", emulator_.url(h));
      s["token"] = "clay-token";
      out.push_back(std::move(s));
    }
    return out;
  }

 private:
  static emulator::clay_emulator_options options(const system_settings& settings) {
    const auto port = settings.port;
    emulator::clay_emulator_options o;
    o.hub = hub_options(settings, o.hub);
    o.entry_port = port == 0 ? 0 : static_cast<std::uint16_t>(port + 1);
    return o;
  }
  // The entry hub's traffic runs beside the incident hub's, cancelled by close().
  asio::awaitable<void> generate() override {
    asio::co_spawn(executor(), generate_clay(emulator_, clay::hub::entry, planned()),
                   asio::bind_cancellation_slot(entry_cancel_.slot(), asio::detached));
    return generate_clay(emulator_, clay::hub::incident, planned());
  }
  asio::awaitable<void> close() override {
    entry_cancel_.emit(asio::cancellation_type::terminal);
    co_await emulator_.hub(clay::hub::incident).stop(1s);
    co_await emulator_.hub(clay::hub::entry).stop(1s);
  }
  emulator::clay_emulator emulator_;
  asio::cancellation_signal entry_cancel_;
};

class unity_system final : public emulated_system {
 public:
  unity_system(asio::any_io_executor ex, const system_settings& settings) : emulator_(ex, options(settings)) {}

  json::array sources() const override {
    auto s = source_entry("webroot-unity", "webroot-unity", emulator_.base_url().to_string());
    s["subscription_id"] = emulator::unity_emulator_options{}.subscriptions.front();
    s["oauth2"] = json::object{{"client_id", "eventwire"}, {"client_secret", "unity-emulator-secret"}};
    s["poll_interval"] = "1s";
    s["start"] = "oldest";
    return {s};
  }

 private:
  static emulator::unity_emulator_options options(const system_settings& settings) {
    emulator::unity_emulator_options o;
    o.port = settings.port;
    o.max_fetch_records = 256;  // nobody reads them here; a long demo keeps its memory flat
    return o;
  }
  bool numbers_from_any() const noexcept override { return false; }
  asio::awaitable<void> generate() override { return generate_unity(emulator_, planned()); }
  asio::awaitable<void> close() override {
    emulator_.stop();
    co_return;
  }
  emulator::unity_emulator emulator_;
};

class portos_system final : public emulated_system {
 public:
  portos_system(asio::any_io_executor ex, const system_settings& settings) : emulator_(ex, options(settings)) {}

  json::array sources() const override {
    auto s = source_entry("portos", "portos", emulator_.url());
    s["subscriptions"] = json::array{json::object{{"e", "portos.resources.changed"}, {"r", json::array{}}},
                                     json::object{{"e", "portos.licence.activated"}}};
    return {s};
  }

 private:
  static emulator::portos_emulator_options options(const system_settings& settings) {
    emulator::portos_emulator_options o;
    o.hub = hub_options(settings, o.hub);
    return o;
  }
  asio::awaitable<void> generate() override { return generate_portos(emulator_, planned()); }
  asio::awaitable<void> close() override { co_await emulator_.hub().stop(1s); }
  emulator::portos_emulator emulator_;
};

// Any ASP.NET Core hub: door-access events as `ReceiveMessage` invocations.
class signalr_system final : public emulated_system {
 public:
  signalr_system(asio::any_io_executor ex, const system_settings& settings) : hub_(ex, options(settings)) {}

  json::array sources() const override {
    auto s = source_entry("signalr", "signalr", hub_.url());
    s["methods"] = json::array{"ReceiveMessage"};
    return {s};
  }

 private:
  static emulator::signalr_hub_options options(const system_settings& settings) {
    return hub_options(settings, {});
  }
  asio::awaitable<void> generate() override { return generate_signalr(hub_, planned()); }
  asio::awaitable<void> close() override { co_await hub_.stop(1s); }
  emulator::signalr_hub hub_;
};

template <class System>
std::unique_ptr<emulated_system> make(asio::any_io_executor ex, const system_settings& settings) {
  return std::make_unique<System>(std::move(ex), settings);
}

struct system_entry {
  std::string_view name;
  std::unique_ptr<emulated_system> (*make)(asio::any_io_executor, const system_settings&);
  bool vendor;  // one of the five systems the demo runs on
};

constexpr system_entry systems[] = {
    {"websdk", make<websdk_system>, true}, {"missioncontrol", make<missioncontrol_system>, true},
    {"clay", make<clay_system>, true},     {"unity", make<unity_system>, true},
    {"portos", make<portos_system>, true}, {"signalr", make<signalr_system>, false},
};

}  // namespace

std::vector<std::string_view> emulated_system_names(bool vendors_only) {
  std::vector<std::string_view> out;
  for (const auto& s : systems)
    if (s.vendor || !vendors_only) out.push_back(s.name);
  return out;
}

std::unique_ptr<emulated_system> make_emulated_system(std::string_view system, asio::any_io_executor ex,
                                                      const system_settings& settings) {
  for (const auto& s : systems)
    if (s.name == system) return s.make(std::move(ex), settings);
  return nullptr;
}

}  // namespace eventwire::cli
