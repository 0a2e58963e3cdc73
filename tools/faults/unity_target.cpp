// Webroot Unity: the pull source. Event n is notification n + 1, whose id is the emulator's
// UnityAPIEventId.

#include "targets.hpp"

#include <eventwire/emulator/unity_emulator.hpp>

#include <charconv>

namespace eventwire::faults {

namespace json = boost::json;
using namespace std::chrono_literals;

namespace {

class unity_target final : public target {
 public:
  unity_target(boost::asio::any_io_executor ex, const target_options& o)
      : emulator_(ex, emulator_options(o)), proxy_(ex, emulator_.port()) {}

  std::string_view type() const noexcept override { return "webroot-unity"; }
  bool pull() const noexcept override { return true; }
  json::object source_entry() const override {
    json::object s{{"name", "unity"}, {"type", "webroot-unity"}, {"url", proxied_url(emulator_.base_url(), proxy_)},
                   {"subscription_id", emulator::unity_emulator_options{}.subscriptions.front()},
                   {"oauth2", json::object{{"client_id", "eventwire"}, {"client_secret", "unity-emulator-secret"}}},
                   {"poll_interval", "1s"}, {"start", "oldest"}};
    add_suite_timeouts(s, false, true);
    return s;
  }
  std::vector<fault_proxy*> proxies() override { return {&proxy_}; }
  fault_proxy& stream_proxy() override { return proxy_; }
  const net::self_signed_certificate* certificate() const noexcept override { return emulator_.certificate(); }

  bool emit(std::uint64_t) override {
    emulator_.generate(1);
    return true;
  }
  std::optional<std::uint64_t> identify(std::string_view line) const override {
    // "id":"xxxxxxxx-xxxx-4xxx-8xxx-<12 hex digits of the sequence>"
    constexpr std::string_view key = R"("id":")";
    const auto at = line.find(key);
    if (at == std::string_view::npos || line.size() < at + key.size() + 36) return std::nullopt;
    const std::string_view id = line.substr(at + key.size(), 36);
    std::uint64_t sequence = 0;
    const auto [end, ec] = std::from_chars(id.data() + 24, id.data() + 36, sequence, 16);
    if (ec != std::errc{} || end != id.data() + 36 || sequence == 0) return std::nullopt;
    if (emulator::unity_emulator::event_id(sequence) != id) return std::nullopt;
    return sequence - 1;
  }

  std::uint64_t connection_mark() const override { return 0; }
  bool ready_since(std::uint64_t) const override { return true; }

  bool supports(scenario_kind) const override { return true; }
  void inject(scenario_kind k) override {
    auto f = emulator_.faults();
    switch (k) {
      case scenario_kind::silence: f.delay = 10s; break;  // longer than the request timeout
      case scenario_kind::unauthorized: emulator_.revoke_tokens(); return;
      case scenario_kind::expiry: emulator_.advance_time(emulator::unity_emulator_options{}.token_lifetime + 1min); return;
      case scenario_kind::throttled: f.too_many_requests = 1'000'000; f.retry_after = 1s; break;
      case scenario_kind::server_error: f.server_errors = 1'000'000; break;
      default: return;
    }
    emulator_.set_faults(f);
  }
  void clear(scenario_kind k) override {
    if (k == scenario_kind::silence || k == scenario_kind::throttled || k == scenario_kind::server_error)
      emulator_.set_faults({});
  }

 private:
  static emulator::unity_emulator_options emulator_options(const target_options& o) {
    emulator::unity_emulator_options e;
    e.tls = o.tls;
    return e;
  }
  emulator::unity_emulator emulator_;
  fault_proxy proxy_;
};

}  // namespace

std::unique_ptr<target> make_unity_target(boost::asio::any_io_executor ex, const target_options& o) {
  return std::make_unique<unity_target>(std::move(ex), o);
}

}  // namespace eventwire::faults
