#pragma once

#include <eventwire/portos/subscription.hpp>
#include <eventwire/signalr/hub_options.hpp>
#include <eventwire/source/source.hpp>

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>

#include <cstdint>
#include <memory>
#include <string>
#include <system_error>
#include <vector>

namespace eventwire::source {

struct portos_options {
  std::string name;  // the source name ("eventwire/<name>")
  // The hub: url (e.g. https://portos.example/signalr/v1/mainHub), access_token, TLS, reconnect.
  signalr::hub_options hub;
  // The client method the notifications come in on.
  std::string method = "OnEvent";
  // Invoked with `Subscribe` after every connect, in this order.
  std::vector<portos::subscription> subscriptions;
};

// Counters beyond source_statistics.
struct portos_statistics {
  std::uint64_t echoes_dropped = 0;   // notifications our own connection sent
  std::uint64_t decode_errors = 0;    // notifications that did not decode (logged, skipped)
};

// The `portos` source: a SignalR hub_connection whose on_connected hook invokes `Subscribe` with
// each configured subscription (so they are renewed after every reconnect), `Unsubscribe` on
// stop() and for subscriptions dropped by set_subscriptions(). Each notification (decoded by
// portos::notification_decoder) becomes one event:
//   type    "portos.<event name>" (the event name already starts with "portos.": kept as it is)
//   subject the first affected resource id (p.r[0].i), else the changed resource (p.i.i)
//   time    `ca`;  data  `p` as it is;  id  the stable hash of the notification's JSON text
// Notifications whose sender connection id (`s.c`) is our own connection id are dropped.
class portos_source final : public source {
 public:
  portos_source(boost::asio::any_io_executor ex, portos_options options);
  ~portos_source() override;

  const std::string& name() const noexcept override;
  boost::asio::awaitable<std::error_code> run(event::delivery& out) override;
  boost::asio::awaitable<void> stop() override;
  const source_statistics& statistics() const noexcept override;
  const portos_statistics& portos_counters() const noexcept;

  // A configuration change: Unsubscribe from what `subscriptions` no longer holds, Subscribe to
  // what it adds (when connected; otherwise the next connect subscribes). Returns the first
  // failed invocation's error; the new list is kept either way.
  boost::asio::awaitable<std::error_code> set_subscriptions(std::vector<portos::subscription> subscriptions);

  struct impl;

 private:
  std::shared_ptr<impl> impl_;
};

}  // namespace eventwire::source
