#pragma once

#include <eventwire/sink/pipeline.hpp>
#include <eventwire/source/source.hpp>

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

namespace eventwire::cli {

// The live one-line status of `eventwire demo`: events per second per source, connections,
// reconnects; redrawn in place on a terminal.
class status_line {
 public:
  explicit status_line(std::vector<const source::source*> sources) : sources_(std::move(sources)) {}

  // The line for now; `elapsed` since the previous call gives the rates.
  std::string render(std::chrono::steady_clock::duration elapsed, const sink::pipeline_statistics& delivered);

 private:
  std::vector<const source::source*> sources_;
  std::vector<std::uint64_t> last_events_;
};

}  // namespace eventwire::cli
