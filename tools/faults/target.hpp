#pragma once

// One vendor system under test: its emulator in this process behind fault proxies, the config
// entry that consumes it through them, a generator of identifiable events and the faults that
// only the emulator can make (silence, 401, 429, 5xx, token expiry).

#include "fault_proxy.hpp"
#include "scenario_kind.hpp"

#include <eventwire/net/self_signed_certificate.hpp>

#include <boost/asio/any_io_executor.hpp>
#include <boost/json/object.hpp>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace eventwire::faults {

struct target_options {
  bool tls = false;  // serve https/wss with a fresh self-signed certificate
  // The token lifetime for the expiry scenario (Unity and Mission Control); shorter than the run.
  bool short_tokens = false;
};

class target {
 public:
  virtual ~target() = default;

  // The config's source type ("webroot-unity"); pull sources must lose nothing at all.
  virtual std::string_view type() const noexcept = 0;
  virtual bool pull() const noexcept = 0;
  // The "sources" entry reaching the emulator through the proxies (without `tls`).
  virtual boost::json::object source_entry() const = 0;
  // Every proxy (each endpoint of the server), and the one carrying the event stream.
  virtual std::vector<fault_proxy*> proxies() = 0;
  virtual fault_proxy& stream_proxy() = 0;
  // The emulator's certificate when serving TLS.
  virtual const net::self_signed_certificate* certificate() const noexcept = 0;

  // Emits event `n` (0, 1, ...), identifiable in what is delivered; returns false when the
  // emulator handed it to nobody (push sources: no consumer connected).
  virtual bool emit(std::uint64_t n) = 0;
  // The sequence number of a delivered CloudEvents line.
  virtual std::optional<std::uint64_t> identify(std::string_view line) const = 0;

  // Grows with every consumer connection (push sources); 0 for pull sources.
  virtual std::uint64_t connection_mark() const = 0;
  // A consumer connected after `mark` is ready to receive (handshaken, subscribed).
  virtual bool ready_since(std::uint64_t mark) const = 0;

  // Called at every poll of the suite (every 20 ms): work the emulator leaves to its caller.
  virtual void tick() {}

  // Whether the scenario applies, and the emulator's side of it (proxy faults are the suite's).
  virtual bool supports(scenario_kind k) const = 0;
  virtual void inject(scenario_kind k) = 0;
  virtual void clear(scenario_kind k) = 0;
};

// Source types the suite knows: genetec-websdk, genetec-missioncontrol, clay, webroot-unity,
// portos, signalr.
std::vector<std::string_view> target_types();
// Throws std::invalid_argument for an unknown type.
std::unique_ptr<target> make_target(std::string_view type, boost::asio::any_io_executor ex, const target_options& options);

// The settings every source entry gets: timeouts short enough for the faults to outlast them
// (`hub`: the SignalR ones; `http`: those of plain HTTP calls).
void add_suite_timeouts(boost::json::object& entry, bool hub, bool http);

}  // namespace eventwire::faults
