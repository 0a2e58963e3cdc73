#pragma once

#include <eventwire/emulator/signalr_hub.hpp>
#include <eventwire/portos/resource_action.hpp>
#include <eventwire/portos/subscription.hpp>

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace eventwire::emulator {

namespace detail {
struct portos_state;
}

struct portos_emulator_options {
  // The hub (path, port, TLS, token); Portos' own path by default.
  signalr_hub_options hub = default_hub();
  // The client method the notifications invoke.
  std::string method = "OnEvent";
  // The resource kinds (`p.n`) the generator cycles through.
  std::vector<std::string> resource_kinds = {"door", "camera", "user", "zone"};
  // Every this many generated notifications one is portos.licence.activated (0: never).
  std::uint64_t licence_every = 10;

  static signalr_hub_options default_hub() {
    signalr_hub_options o;
    o.path = "/signalr/v1/mainHub";
    return o;
  }
};

// One resource change to notify, as the generator or a test makes it.
struct portos_change {
  std::string kind;  // p.n, e.g. "door"
  portos::resource_action action = portos::resource_action::created;
  std::string resource_id;  // p.i.i and p.r[0].i
  std::string resource_name;  // empty: "<kind> <id>"
  std::int64_t version = 1;
};

// The Portos notification server on the SignalR hub emulator:
// - hub methods `Subscribe` and `Unsubscribe` take the seed's payload
//   ({"e":"portos.resources.changed","r":[{"n":"door","a":["created"]}]}) and are honoured per
//   connection: Subscribe adds the subscription (an equal one is not added twice), Unsubscribe
//   with the same payload removes it; a payload that does not decode is answered with an error.
// - notifications (short keys, as the seed) are sent with the method `OnEvent` only to the
//   connections with a matching subscription: same event, and for portos.resources.changed no
//   resources (all) or one named like `p.n` whose actions are empty (all) or include `p.a`.
// Call from the executor's thread, as the hub.
class portos_emulator {
 public:
  explicit portos_emulator(boost::asio::any_io_executor ex, portos_emulator_options options = {});
  ~portos_emulator();
  portos_emulator(const portos_emulator&) = delete;
  portos_emulator& operator=(const portos_emulator&) = delete;

  signalr_hub& hub() noexcept { return *hub_; }
  std::string url() const { return hub_->url(); }

  // Sends one notification to every subscribed connection; returns how many got it. With
  // `echo`, each recipient's own connection id is the sender (`s.c`), as when it made the change.
  std::size_t notify(const portos_change& change, bool echo = false);
  std::size_t notify_licence_activated(std::string_view licence_id = "LIC-0001");

  // The generator: `count` notifications (resource changes cycling through kinds, actions and
  // ids, every licence_every-th a licence activation) at `rate_per_second` (0: full speed).
  // Returns how many were delivered, summed over recipients.
  boost::asio::awaitable<std::uint64_t> generate(std::uint64_t count, double rate_per_second = 0);
  // The generator's notification number `i` (0, 1, ...): resource `KIND-(i % 1000)` at version
  // i / 1000 + 1, or licence `LIC-(i + 1)`, so `i` can be told from what is delivered.
  std::size_t notify_generated(std::uint64_t i);

  // The subscriptions a connection (the hub's handle) holds now.
  std::vector<portos::subscription> subscriptions(std::uint64_t connection) const;
  // Subscriptions summed over open connections.
  std::size_t subscription_count() const;
  std::uint64_t subscribes() const noexcept;    // Subscribe calls honoured
  std::uint64_t unsubscribes() const noexcept;  // Unsubscribe calls that removed one
  std::uint64_t notifications_sent() const noexcept;  // summed over recipients

  // Completes when `condition` holds (re-checked at every change of the hub) or at the timeout.
  boost::asio::awaitable<bool> wait_until(std::function<bool()> condition,
                                          std::chrono::steady_clock::duration timeout = std::chrono::seconds(10));

 private:
  std::shared_ptr<detail::portos_state> state_;
  std::unique_ptr<signalr_hub> hub_;
  portos_emulator_options options_;
  std::uint64_t references_ = 0;
};

}  // namespace eventwire::emulator
