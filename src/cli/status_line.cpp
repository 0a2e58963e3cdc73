#include "status_line.hpp"

#include <cstdio>

namespace eventwire::cli {

std::string status_line::render(std::chrono::steady_clock::duration elapsed, const sink::pipeline_statistics& delivered) {
  last_events_.resize(sources_.size(), 0);
  const double seconds = std::chrono::duration<double>(elapsed).count();
  std::string line;
  char part[160];
  for (std::size_t i = 0; i < sources_.size(); ++i) {
    const source::source_statistics& s = sources_[i]->statistics();
    const double rate = seconds > 0 ? static_cast<double>(s.events - last_events_[i]) / seconds : 0.0;
    last_events_[i] = s.events;
    std::snprintf(part, sizeof part, "%s%s %.0f/s %s%s", line.empty() ? "" : " | ", sources_[i]->name().c_str(), rate,
                  s.connected ? "up" : "down",
                  s.reconnects != 0 ? (" reconnects " + std::to_string(s.reconnects)).c_str() : "");
    line += part;
  }
  std::snprintf(part, sizeof part, " | delivered %llu", static_cast<unsigned long long>(delivered.events));
  line += part;
  return line;
}

}  // namespace eventwire::cli
