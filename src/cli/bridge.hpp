#pragma once

#include <eventwire/sink/pipeline.hpp>
#include <eventwire/source/source.hpp>

#include <boost/asio/awaitable.hpp>
#include <boost/asio/io_context.hpp>

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace eventwire::cli {

struct bridge_settings {
  std::chrono::milliseconds duration{0};  // 0: until a signal
  std::uint64_t count = 0;                // stop once this many events were delivered; 0: no limit
  bool live_status = false;               // redraw a status line on stderr every second
  // Where to serve Prometheus metrics (GET /metrics), e.g. "127.0.0.1:9464"; empty: nowhere.
  std::string metrics_listen;
  // After the sources stopped and the pipeline drained (e.g. stop in-process emulators).
  std::function<boost::asio::awaitable<void>()> after_stop;
};

// Runs every source into the pipeline on `io` until SIGINT/SIGTERM, the duration, the count, or
// every source ended; then stops the sources, drains the pipeline (nothing acknowledged is lost)
// and returns the exit code: 0, or 1 when a source failed for good.
int run_bridge(boost::asio::io_context& io, const std::vector<source::source*>& sources, sink::pipeline& pipeline,
               const bridge_settings& settings);

}  // namespace eventwire::cli
