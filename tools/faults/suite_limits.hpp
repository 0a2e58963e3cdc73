#pragma once

// The bounds every row shares (docs/RELIABILITY.md, "What one row does").

#include <chrono>

namespace eventwire::faults::limits {

using namespace std::chrono_literals;

inline constexpr auto start = 30s;         // until traffic flows end to end
inline constexpr auto settle_quiet = 3s;   // no new delivery for this long (3 pull intervals)
inline constexpr auto settle = 30s;        // until everything sent is delivered, at most
// An event emitted this shortly before the fault may still sit in the server's send queue: it
// counts as emitted inside the disconnected interval.
inline constexpr auto in_flight = 100ms;

}  // namespace eventwire::faults::limits
