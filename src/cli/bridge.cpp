#include "bridge.hpp"

#include "arguments.hpp"
#include "log.hpp"
#include "metrics.hpp"
#include "metrics_endpoint.hpp"
#include "status_line.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <csignal>
#include <cstdio>
#include <memory>

namespace eventwire::cli {

namespace asio = boost::asio;
using namespace std::chrono_literals;
using clock = std::chrono::steady_clock;

int run_bridge(asio::io_context& io, const std::vector<source::source*>& sources, sink::pipeline& pipeline,
               const bridge_settings& settings) {
  bool stopping = false;
  int result = exit_ok;
  std::size_t running = sources.size();
  const std::vector<const source::source*> observed(sources.begin(), sources.end());
  status_line status(observed);
  metrics counters(observed, pipeline);
  std::unique_ptr<metrics_endpoint> endpoint;
  if (!settings.metrics_listen.empty()) {
    const auto where = parse_listen_address(settings.metrics_listen);
    if (!where) {
      log(log_level::error, "eventwire", "--metrics-listen: not an address and port: " + settings.metrics_listen);
      return exit_usage;
    }
    try {
      endpoint = std::make_unique<metrics_endpoint>(io.get_executor(), *where, [&] {
        const auto now = clock::now();
        counters.observe(now);
        return counters.render(now);
      });
    } catch (const boost::system::system_error& e) {
      log(log_level::error, "eventwire", "cannot serve metrics on " + settings.metrics_listen + ": " + e.code().message());
      return exit_failure;
    }
    log(log_level::info, "eventwire", "metrics on http://" + settings.metrics_listen + "/metrics");
  }
  asio::signal_set signals(io, SIGINT, SIGTERM);
  asio::steady_timer ticker(io);
  set_status_line_active(settings.live_status);
  log(log_level::info, "eventwire",
      "running " + std::to_string(sources.size()) + " source(s) into " + std::to_string(pipeline.sink_count()) + " sink(s)");

  const auto shutdown = [&]() -> asio::awaitable<void> {
    if (stopping) co_return;
    stopping = true;
    ticker.cancel();
    for (source::source* s : sources) co_await s->stop();
    co_await pipeline.drain_and_close();
    if (settings.after_stop) co_await settings.after_stop();
    if (endpoint) endpoint->stop();
    signals.cancel();
  };

  signals.async_wait([&](boost::system::error_code ec, int) {
    if (!ec) asio::co_spawn(io, shutdown(), asio::detached);
  });
  for (source::source* s : sources) {
    asio::co_spawn(io, [&, s]() -> asio::awaitable<void> {
      const std::error_code ec = co_await s->run(pipeline.for_source(s->name()));
      if (ec && !stopping) {
        log(log_level::error, s->name(), "failed for good: " + ec.message());
        result = exit_failure;
      }
      if (--running == 0) co_await shutdown();
    }, asio::detached);
  }
  asio::co_spawn(io, [&]() -> asio::awaitable<void> {
    const auto started = clock::now();
    auto last = started;
    while (!stopping) {
      ticker.expires_after(settings.count != 0 ? 20ms : 250ms);
      co_await ticker.async_wait(asio::as_tuple(asio::use_awaitable));
      const auto now = clock::now();
      counters.observe(now);
      if (settings.live_status && now - last >= 1s) {
        std::fprintf(stderr, "\r\033[K%s", status.render(now - last, pipeline.statistics()).c_str());
        last = now;
      }
      const bool counted = settings.count != 0 && pipeline.statistics().events >= settings.count;
      const bool timed = settings.duration != std::chrono::milliseconds::zero() && now - started >= settings.duration;
      if (counted || timed) break;
    }
    co_await shutdown();
  }, asio::detached);

  io.run();
  if (settings.live_status) std::fputc('\n', stderr);
  set_status_line_active(false);
  std::uint64_t received = 0;
  for (const source::source* s : sources) received += s->statistics().events;
  log(log_level::info, "eventwire",
      "stopped: " + std::to_string(received) + " events received, " + std::to_string(pipeline.statistics().events) +
          " delivered to every sink");
  return result;
}

}  // namespace eventwire::cli
