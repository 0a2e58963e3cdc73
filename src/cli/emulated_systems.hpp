#pragma once

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/cancellation_signal.hpp>
#include <boost/json/array.hpp>

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace eventwire::cli {

// The traffic an emulated system generates: `rate` events a second, `count` in all (0: no end).
// Every event carries a sequence number, `first`, `first + 1`, ... (Unity: its notification
// number less one, always from 0), where a consumer can read it (see emulate's --help).
struct traffic {
  double rate = 10;
  std::uint64_t count = 0;
  std::uint64_t first = 0;
  // Called with each event's sequence number once sent (pushed to the listeners, or made
  // available to fetch).
  std::function<void(std::uint64_t)> sent{};
};

// How an emulated system serves.
struct system_settings {
  std::uint16_t port = 0;  // 0: a free one; systems with two endpoints use port and port + 1
  // How often the server pings an idle connection (SignalR hubs) or sends a KeepAlive (Web SDK);
  // none: the emulator's default (15 s).
  std::optional<std::chrono::milliseconds> keep_alive;
};

// One vendor system served by its in-process emulator on 127.0.0.1, with generated traffic and
// the config entries of the sources that consume it (`eventwire run` accepts them as they are).
class emulated_system {
 public:
  virtual ~emulated_system() = default;
  // The config's "sources" entries that reach this system (Clay: one per hub).
  virtual boost::json::array sources() const = 0;
  // Starts the traffic: it begins once a client listens (events sent to nobody would be lost);
  // pull systems (Unity) make it available to fetch at the rate. `on_generated` is called once
  // a counted traffic has been sent (pushed) or made available (pulled) in full.
  void start(boost::asio::any_io_executor ex, traffic t, std::function<void()> on_generated = {});
  // Ends the traffic and closes every connection politely.
  boost::asio::awaitable<void> stop();
  // False when the sequence numbers cannot start elsewhere than 0 (Unity: they are positions).
  virtual bool numbers_from_any() const noexcept { return true; }

 protected:
  // Generates traffic() (kept in a member: g++ 12 misplaces a virtual coroutine's parameters).
  virtual boost::asio::awaitable<void> generate() = 0;
  virtual boost::asio::awaitable<void> close() = 0;
  const traffic& planned() const noexcept { return traffic_; }
  const boost::asio::any_io_executor& executor() const noexcept { return executor_; }

 private:
  boost::asio::awaitable<void> generate_then_report();

  traffic traffic_;
  std::function<void()> on_generated_;
  boost::asio::any_io_executor executor_;
  boost::asio::cancellation_signal cancel_;
};

// The systems `eventwire emulate` serves; `vendors_only`: the five the demo runs on (not the
// generic SignalR hub).
std::vector<std::string_view> emulated_system_names(bool vendors_only = false);

// The emulator of `system` (one of emulated_system_names()); null for an unknown name. Throws
// boost::system::system_error when a port cannot be bound.
std::unique_ptr<emulated_system> make_emulated_system(std::string_view system, boost::asio::any_io_executor ex,
                                                      const system_settings& settings = {});

}  // namespace eventwire::cli
