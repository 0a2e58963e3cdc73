// The SignalR systems (Portos, Mission Control, Clay, any hub): push sources. Event n carries the
// marker "fwseq-n" in its payload (a resource id, an incident id, a message id, an argument).

#include "delivery_log.hpp"
#include "targets.hpp"

#include <eventwire/emulator/clay_emulator.hpp>
#include <eventwire/emulator/missioncontrol_emulator.hpp>
#include <eventwire/emulator/portos_emulator.hpp>
#include <eventwire/emulator/signalr_hub.hpp>

#include <algorithm>

namespace eventwire::faults {

namespace json = boost::json;
using namespace std::chrono_literals;
using clock_type = std::chrono::steady_clock;

namespace {

constexpr std::string_view suite_token = "fault-suite-token";

// What every hub target shares: readiness from the hub's connections, and the hub's faults.
class hub_target : public target {
 public:
  bool pull() const noexcept override { return false; }
  std::optional<std::uint64_t> identify(std::string_view line) const override { return marked_sequence(line); }

  std::uint64_t connection_mark() const override {
    std::uint64_t mark = 0;
    for (const auto& c : hub().connection_history()) mark = std::max(mark, c.id);
    for (const auto& c : hub().connections()) mark = std::max(mark, c.id);
    return mark;
  }
  bool ready_since(std::uint64_t mark) const override {
    const auto all = hub().connections();
    return std::any_of(all.begin(), all.end(),
                       [&](const emulator::signalr_connection_info& c) { return c.id > mark && c.handshaken && subscribed(c); });
  }

  bool supports(scenario_kind k) const override {
    if (k == scenario_kind::expiry) return false;  // a static token cannot be renewed
    return true;
  }
  void inject(scenario_kind k) override {
    auto& h = hub();
    switch (k) {
      case scenario_kind::silence: h.set_faults({.silent = true}); break;
      case scenario_kind::unauthorized:
        *refuse_tokens_ = true;
        h.drop_all();
        break;
      case scenario_kind::throttled:
        h.set_faults({.refuse_status = 429});
        h.drop_all();
        break;
      case scenario_kind::server_error:
        h.set_faults({.refuse_status = 503});
        h.drop_all();
        break;
      default: break;
    }
  }
  void clear(scenario_kind) override {
    *refuse_tokens_ = false;
    hub().set_faults({});
  }

 protected:
  virtual emulator::signalr_hub& hub() const = 0;
  virtual bool subscribed(const emulator::signalr_connection_info&) const { return true; }

  // The one token accepted, refused while the 401 fault lasts.
  emulator::signalr_token_check token_check() const {
    return [refuse = refuse_tokens_](std::string_view token) -> std::optional<clock_type::time_point> {
      if (*refuse || token != suite_token) return std::nullopt;
      return clock_type::now() + 24h;
    };
  }
  static void add_hub_settings(json::object& s, bool http = false) { add_suite_timeouts(s, true, http); }
  static emulator::signalr_hub_options hub_options(const target_options& o, emulator::signalr_hub_options h = {}) {
    h.tls = o.tls;
    h.keep_alive_interval = 1s;  // pings keep a quiet connection inside the client's server_timeout
    return h;
  }

  std::shared_ptr<bool> refuse_tokens_ = std::make_shared<bool>(false);
};

class portos_target final : public hub_target {
 public:
  portos_target(boost::asio::any_io_executor ex, const target_options& o)
      : emulator_(ex, options(o)), proxy_(ex, emulator_.hub().port()) {}

  std::string_view type() const noexcept override { return "portos"; }
  json::object source_entry() const override {
    json::object s{{"name", "portos"}, {"type", "portos"}, {"url", proxied_url(emulator_.url(), proxy_)},
                   {"token", suite_token},
                   {"subscriptions", json::array{json::object{{"e", "portos.resources.changed"}, {"r", json::array{}}}}}};
    add_hub_settings(s);
    return s;
  }
  std::vector<fault_proxy*> proxies() override { return {&proxy_}; }
  fault_proxy& stream_proxy() override { return proxy_; }
  const net::self_signed_certificate* certificate() const noexcept override {
    return const_cast<emulator::portos_emulator&>(emulator_).hub().certificate();
  }
  bool emit(std::uint64_t n) override {
    emulator::portos_change change;
    change.kind = "door";
    change.resource_id = sequence_marker(n);
    return emulator_.notify(change) > 0;
  }

 private:
  emulator::portos_emulator_options options(const target_options& o) {
    emulator::portos_emulator_options p;
    p.hub = hub_options(o, p.hub);
    p.hub.token_check = token_check();
    return p;
  }
  emulator::signalr_hub& hub() const override { return const_cast<emulator::portos_emulator&>(emulator_).hub(); }
  bool subscribed(const emulator::signalr_connection_info& c) const override {
    return !emulator_.subscriptions(c.id).empty();
  }
  emulator::portos_emulator emulator_;
  fault_proxy proxy_;
};

class missioncontrol_target final : public hub_target {
 public:
  missioncontrol_target(boost::asio::any_io_executor ex, const target_options& o)
      : emulator_(ex, options(o)),
        token_proxy_(ex, port_of(emulator_.base_url())),
        hub_proxy_(ex, emulator_.hub().port()) {}

  std::string_view type() const noexcept override { return "genetec-missioncontrol"; }
  json::object source_entry() const override {
    json::object s{{"name", "missioncontrol"}, {"type", "genetec-missioncontrol"},
                   {"url", proxied_url(emulator_.base_url(), token_proxy_)},
                   {"notifications_url", proxied_url(emulator_.notifications_url(), hub_proxy_)},
                   {"username", "operator"}, {"password", "mc-password"}};
    add_hub_settings(s, true);  // and the token request's timeouts
    return s;
  }
  std::vector<fault_proxy*> proxies() override { return {&hub_proxy_, &token_proxy_}; }
  fault_proxy& stream_proxy() override { return hub_proxy_; }
  const net::self_signed_certificate* certificate() const noexcept override {
    return const_cast<emulator::missioncontrol_emulator&>(emulator_).hub().certificate();
  }
  // Notifications for a known ClientId without a connection are held: never handed to nobody.
  bool emit(std::uint64_t n) override {
    emulator_.notify(missioncontrol::event_type::comment_added, sequence_marker(n));
    return true;
  }
  // The emulator sends held notifications at the next notify() or flush(): a ClientId that is
  // back gets them within a tick, as the real server's "the connection can be kept" promises.
  void tick() override { emulator_.flush(); }
  // The token endpoint has no 401 knob: Mission Control's 401 is its token expiry.
  bool supports(scenario_kind k) const override { return k != scenario_kind::unauthorized; }
  void inject(scenario_kind k) override {
    if (k != scenario_kind::expiry) hub_target::inject(k);
  }

 private:
  static std::uint16_t port_of(std::string_view url) {
    net::url u;
    if (net::parse_url(url, u)) return 0;
    return u.port;
  }
  emulator::missioncontrol_emulator_options options(const target_options& o) {
    emulator::missioncontrol_emulator_options m;
    m.hub = hub_options(o);
    // Tokens that expire during the run: the hub closes the connection at expiry.
    if (o.short_tokens) m.token_lifetime = 4s;
    return m;
  }
  emulator::signalr_hub& hub() const override { return const_cast<emulator::missioncontrol_emulator&>(emulator_).hub(); }
  emulator::missioncontrol_emulator emulator_;
  fault_proxy token_proxy_;
  fault_proxy hub_proxy_;
};

class clay_target final : public hub_target {
 public:
  clay_target(boost::asio::any_io_executor ex, const target_options& o)
      : emulator_(ex, options(o)), proxy_(ex, emulator_.hub(clay::hub::incident).port()) {}

  std::string_view type() const noexcept override { return "clay"; }
  json::object source_entry() const override {
    json::object s{{"name", "clay"}, {"type", "clay"}, {"url", proxied_url(emulator_.url(clay::hub::incident), proxy_)},
                   {"token", suite_token}};
    add_hub_settings(s);
    return s;
  }
  std::vector<fault_proxy*> proxies() override { return {&proxy_}; }
  fault_proxy& stream_proxy() override { return proxy_; }
  const net::self_signed_certificate* certificate() const noexcept override { return hub().certificate(); }
  bool emit(std::uint64_t n) override {
    emulator::clay_message message;
    message.id = sequence_marker(n);
    return emulator_.send(clay::hub::incident, message) > 0;
  }

 private:
  emulator::clay_emulator_options options(const target_options& o) {
    emulator::clay_emulator_options c;
    c.hub = hub_options(o);
    c.hub.token_check = token_check();
    return c;
  }
  emulator::signalr_hub& hub() const override {
    return const_cast<emulator::clay_emulator&>(emulator_).hub(clay::hub::incident);
  }
  emulator::clay_emulator emulator_;
  fault_proxy proxy_;
};

class signalr_target final : public hub_target {
 public:
  signalr_target(boost::asio::any_io_executor ex, const target_options& o)
      : hub_(ex, options(o)), proxy_(ex, hub_.port()) {}

  std::string_view type() const noexcept override { return "signalr"; }
  json::object source_entry() const override {
    json::object s{{"name", "signalr"}, {"type", "signalr"}, {"url", proxied_url(hub_.url(), proxy_)},
                   {"methods", json::array{"ReceiveMessage"}}, {"token", suite_token}};
    add_hub_settings(s);
    return s;
  }
  std::vector<fault_proxy*> proxies() override { return {&proxy_}; }
  fault_proxy& stream_proxy() override { return proxy_; }
  const net::self_signed_certificate* certificate() const noexcept override { return hub_.certificate(); }
  bool emit(std::uint64_t n) override {
    return hub_.broadcast("ReceiveMessage", "[{\"sequence\":\"" + sequence_marker(n) + "\"}]") > 0;
  }

 private:
  emulator::signalr_hub_options options(const target_options& o) {
    auto h = hub_options(o);
    h.token_check = token_check();
    return h;
  }
  emulator::signalr_hub& hub() const override { return const_cast<emulator::signalr_hub&>(hub_); }
  emulator::signalr_hub hub_;
  fault_proxy proxy_;
};

}  // namespace

std::unique_ptr<target> make_portos_target(boost::asio::any_io_executor ex, const target_options& o) {
  return std::make_unique<portos_target>(std::move(ex), o);
}
std::unique_ptr<target> make_missioncontrol_target(boost::asio::any_io_executor ex, const target_options& o) {
  return std::make_unique<missioncontrol_target>(std::move(ex), o);
}
std::unique_ptr<target> make_clay_target(boost::asio::any_io_executor ex, const target_options& o) {
  return std::make_unique<clay_target>(std::move(ex), o);
}
std::unique_ptr<target> make_signalr_target(boost::asio::any_io_executor ex, const target_options& o) {
  return std::make_unique<signalr_target>(std::move(ex), o);
}

}  // namespace eventwire::faults
