#pragma once

#include <eventwire/event/delivery.hpp>

#include <boost/asio/awaitable.hpp>

#include <cstdint>
#include <string>
#include <system_error>

namespace eventwire::source {

// Counters every source keeps, for the status line and metrics.
struct source_statistics {
  std::uint64_t events = 0;      // normalized events published
  std::uint64_t connects = 0;    // successful connects (first included); polls for pull sources
  std::uint64_t reconnects = 0;  // connections lost and restored
  std::uint64_t errors = 0;      // failures seen (each logged)
  bool connected = false;
};

// One configured system: drives its session, turns what arrives into normalized events
// (event::event_fields) and publishes them in batches. Reconnecting is the session's business;
// run() returns only after stop() ({}), or with a failure the source cannot recover from.
class source {
 public:
  virtual ~source() = default;

  virtual const std::string& name() const noexcept = 0;
  virtual boost::asio::awaitable<std::error_code> run(event::delivery& out) = 0;
  // Ends run() politely (SignalR Close, Web SDK closeconnection); never hangs.
  virtual boost::asio::awaitable<void> stop() = 0;
  virtual const source_statistics& statistics() const noexcept = 0;
};

}  // namespace eventwire::source
