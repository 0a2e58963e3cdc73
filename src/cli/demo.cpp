#include "demo.hpp"

#include "bridge.hpp"

#include <eventwire/emulator/signalr_hub.hpp>
#include <eventwire/sink/pipeline.hpp>
#include <eventwire/sink/stdout_sink.hpp>
#include <eventwire/source/signalr_source.hpp>
#include <eventwire/time/timestamp.hpp>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <memory>

namespace eventwire::cli {

namespace asio = boost::asio;
using namespace std::chrono_literals;
using clock = std::chrono::steady_clock;

namespace {

constexpr auto use_tuple = asio::as_tuple(asio::use_awaitable);

// A door-access event of the demo hub; each one differs, so each gets its own id.
std::string demo_arguments(std::uint64_t sequence) {
  static constexpr const char* doors[] = {"Main entrance", "Loading dock", "Server room", "Lab 3"};
  static constexpr const char* kinds[] = {"AccessGranted", "AccessGranted", "AccessDenied", "DoorForced"};
  std::string time_text;
  time::append_rfc3339(time_text, std::chrono::time_point_cast<time::ticks>(std::chrono::system_clock::now()));
  return "[{\"sequence\":" + std::to_string(sequence) + ",\"event\":\"" + kinds[sequence % 4] + "\",\"door\":\"" +
         doors[(sequence / 4) % 4] + "\",\"cardholder\":\"CH-" + std::to_string(1000 + sequence % 37) +
         "\",\"time\":\"" + time_text + "\"}]";
}

// Broadcasts demo events at `rate` a second until `count` were sent (0: no end) or stopped.
asio::awaitable<void> generate(emulator::signalr_hub& hub, double rate, std::uint64_t count, const bool& stopping) {
  if (!co_await hub.wait_for_connections(1, 30s)) co_return;
  asio::steady_timer pace(co_await asio::this_coro::executor);
  const auto interval = std::chrono::duration_cast<clock::duration>(std::chrono::duration<double>(1.0 / rate));
  auto next = clock::now();
  for (std::uint64_t sent = 0; !stopping && (count == 0 || sent < count); ++sent) {
    hub.broadcast("ReceiveMessage", demo_arguments(sent));
    next += interval;
    pace.expires_at(next);
    co_await pace.async_wait(use_tuple);
  }
}

bool stderr_is_terminal() { return ::isatty(STDERR_FILENO) == 1; }

}  // namespace

int run_demo(const arguments& args) {
  asio::io_context io;
  const double rate = args.rate.value_or(20.0);
  const auto duration = args.duration.value_or(args.count ? std::chrono::milliseconds::zero() : 10s);
  const std::uint64_t count = args.count.value_or(0);
  bool stopping = false;

  emulator::signalr_hub hub(io.get_executor());
  source::signalr_source_options options;
  options.name = "demo-hub";
  options.hub.url = hub.url();
  options.methods = {"ReceiveMessage"};
  options.hub.log = [](signalr::log_level level, std::string_view text) {
    if (level >= signalr::log_level::warning) std::fprintf(stderr, "\neventwire: demo-hub: %.*s\n", static_cast<int>(text.size()), text.data());
  };
  source::signalr_source source(io.get_executor(), options);

  std::vector<std::unique_ptr<sink::sink>> sinks;
  sinks.push_back(std::make_unique<sink::stdout_sink>(io.get_executor()));
  sink::pipeline_options pipeline_options;
  pipeline_options.log = [](std::string_view line) {
    std::fprintf(stderr, "\neventwire: %.*s\n", static_cast<int>(line.size()), line.data());
  };
  sink::pipeline pipeline(io.get_executor(), std::move(sinks), pipeline_options);

  asio::co_spawn(io, generate(hub, rate, count, stopping), asio::detached);
  bridge_settings settings;
  settings.duration = duration;
  settings.count = count;
  settings.live_status = stderr_is_terminal();
  settings.after_stop = [&]() -> asio::awaitable<void> {
    stopping = true;
    co_await hub.stop(1s);
  };
  const int result = run_bridge(io, {&source}, pipeline, settings);
  std::fprintf(stderr, "eventwire demo: %llu events delivered\n",
               static_cast<unsigned long long>(pipeline.statistics().events));
  return result;
}

int run_emulate(const arguments& args) {
  if (args.system != "signalr") {
    std::fprintf(stderr, "eventwire: no emulator named '%s' (available: signalr)\n", args.system.c_str());
    return exit_usage;
  }
  asio::io_context io;
  emulator::signalr_hub_options options;
  options.port = args.port.value_or(0);
  emulator::signalr_hub hub(io.get_executor(), options);
  std::fprintf(stderr, "eventwire: SignalR hub emulator at %s (method ReceiveMessage); Ctrl-C ends it\n", hub.url().c_str());
  bool stopping = false;
  asio::signal_set signals(io, SIGINT, SIGTERM);
  signals.async_wait([&](boost::system::error_code ec, int) {
    if (ec) return;
    stopping = true;
    asio::co_spawn(io, hub.stop(1s), asio::detached);
  });
  asio::co_spawn(io, [&]() -> asio::awaitable<void> {
    while (!stopping) co_await generate(hub, args.rate.value_or(20.0), args.count.value_or(0), stopping);
  }, asio::detached);
  io.run();
  return exit_ok;
}

}  // namespace eventwire::cli
