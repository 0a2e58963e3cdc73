#pragma once

#include <eventwire/source/source.hpp>

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

namespace eventwire::cli {

// The intervals each source spent disconnected after its first connection: for a push source,
// the time in which what its server sent was not received. Seen from the sources' `connected`
// flags at each observe() (the bridge calls it every tick), so both ends are known to a tick.
// The end of each interval is logged with its length and its wall-clock bounds; a connection lost
// and restored between two observations (the source's reconnect count grew) is logged as such.
class disconnections {
 public:
  using clock = std::chrono::steady_clock;

  explicit disconnections(std::vector<const source::source*> sources);

  void observe(clock::time_point now);

  // Seconds source i spent disconnected, the current interval included.
  double total_seconds(std::size_t i, clock::time_point now) const;
  // The length of source i's last ended interval (0 before the first).
  double last_seconds(std::size_t i) const { return tracks_[i].last; }
  // Ended intervals of source i (those shorter than a tick included).
  std::uint64_t intervals(std::size_t i) const { return tracks_[i].intervals; }
  // Whether source i is in an interval now.
  bool disconnected(std::size_t i) const { return tracks_[i].down; }

 private:
  struct track {
    bool ever_connected = false;
    bool down = false;
    clock::time_point since{};                       // start of the current interval
    std::chrono::system_clock::time_point since_utc{};
    double total = 0;  // ended intervals
    double last = 0;
    std::uint64_t intervals = 0;
    std::uint64_t reconnects = 0;  // the source's count at the last observation
  };
  std::vector<const source::source*> sources_;
  std::vector<track> tracks_;
};

}  // namespace eventwire::cli
