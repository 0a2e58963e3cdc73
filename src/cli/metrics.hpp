#pragma once

#include "disconnections.hpp"

#include <eventwire/sink/pipeline.hpp>
#include <eventwire/source/source.hpp>

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

namespace eventwire::cli {

// The program's counters in the Prometheus text exposition format (version 0.0.4).
class metrics {
 public:
  metrics(std::vector<const source::source*> sources, const sink::pipeline& pipeline);

  // Notes which sources published since the last call (for last-event ages) and which lost or
  // regained their connection (logged); call it often (the bridge does, every tick).
  void observe(std::chrono::steady_clock::time_point now);

  std::string render(std::chrono::steady_clock::time_point now) const;

 private:
  std::vector<const source::source*> sources_;
  const sink::pipeline& pipeline_;
  std::vector<std::uint64_t> seen_events_;
  std::vector<std::chrono::steady_clock::time_point> last_event_;  // epoch: none yet
  disconnections disconnections_;
};

}  // namespace eventwire::cli
