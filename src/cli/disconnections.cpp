#include "disconnections.hpp"

#include "log.hpp"

#include <eventwire/time/timestamp.hpp>

#include <cstdio>

namespace eventwire::cli {

namespace {

std::string utc(std::chrono::system_clock::time_point t) {
  std::string out;
  time::append_rfc3339(out, std::chrono::time_point_cast<time::ticks>(t));
  return out;
}

}  // namespace

disconnections::disconnections(std::vector<const source::source*> sources)
    : sources_(std::move(sources)), tracks_(sources_.size()) {}

void disconnections::observe(clock::time_point now) {
  for (std::size_t i = 0; i < sources_.size(); ++i) {
    track& t = tracks_[i];
    const auto& stats = sources_[i]->statistics();
    const bool connected = stats.connected;
    const bool restored = stats.reconnects > t.reconnects;
    t.reconnects = stats.reconnects;
    if (connected) {
      if (!t.down && restored && t.ever_connected) {
        ++t.intervals;
        log(log_level::info, sources_[i]->name(),
            "connection lost and restored within one observation (before " + utc(std::chrono::system_clock::now()) +
                "); a push source missed what its server sent meanwhile");
      }
      if (t.down) {
        const double length = std::chrono::duration<double>(now - t.since).count();
        t.down = false;
        t.total += length;
        t.last = length;
        ++t.intervals;
        char text[64];
        std::snprintf(text, sizeof text, "%.3f", length);
        log(log_level::info, sources_[i]->name(),
            std::string("connected again after ") + text + " s disconnected, from " + utc(t.since_utc) + " to " +
                utc(std::chrono::system_clock::now()) + "; a push source missed what its server sent meanwhile");
      }
      t.ever_connected = true;
    } else if (t.ever_connected && !t.down) {
      t.down = true;
      t.since = now;
      t.since_utc = std::chrono::system_clock::now();
    }
  }
}

double disconnections::total_seconds(std::size_t i, clock::time_point now) const {
  const track& t = tracks_[i];
  return t.total + (t.down ? std::chrono::duration<double>(now - t.since).count() : 0.0);
}

}  // namespace eventwire::cli
