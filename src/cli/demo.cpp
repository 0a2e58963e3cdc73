#include "demo.hpp"

#include "bridge.hpp"
#include "emulated_systems.hpp"
#include "log.hpp"
#include "program_config.hpp"
#include "sent_log.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/json/serialize.hpp>
#include <boost/system/system_error.hpp>

#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>

namespace eventwire::cli {

namespace asio = boost::asio;
namespace json = boost::json;
using namespace std::chrono_literals;

namespace {

constexpr double default_rate = 5.0;

bool stderr_is_terminal() { return ::isatty(STDERR_FILENO) == 1; }


// A fresh directory for the demo's checkpoints, removed when the demo ends.
class scratch_directory {
 public:
  scratch_directory() {
    std::string pattern = (std::filesystem::temp_directory_path() / "eventwire-demo-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) throw std::system_error(errno, std::generic_category(), "mkdtemp");
    path_ = pattern;
  }
  ~scratch_directory() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  scratch_directory(const scratch_directory&) = delete;
  scratch_directory& operator=(const scratch_directory&) = delete;
  const std::string& path() const noexcept { return path_; }

 private:
  std::string path_;
};

}  // namespace

int run_demo(const arguments& args) {
  asio::io_context io;
  const traffic t{.rate = args.rate.value_or(default_rate), .count = args.count.value_or(0)};

  std::vector<std::unique_ptr<emulated_system>> systems;
  json::array sources;
  for (std::string_view name : emulated_system_names(true)) {
    systems.push_back(make_emulated_system(name, io.get_executor()));
    for (auto& entry : systems.back()->sources()) sources.push_back(std::move(entry));
  }
  // The config a user would write for these systems, built the same way.
  const scratch_directory checkpoints;
  json::object config{{"sources", sources},
                      {"sinks", json::array{json::object{{"type", "stdout"}}}},
                      {"checkpoints", {{"type", "file"}, {"dir", checkpoints.path()}}}};
  config::problems found;
  program_parts parts = build_program(io.get_executor(), config, found);
  if (!found.empty()) {
    std::fprintf(stderr, "eventwire demo: the generated config is invalid (a bug):\n%s", found.describe().c_str());
    return exit_failure;
  }
  parts.pipeline.log = [](std::string_view line) { log(log_level::warning, "pipeline", line); };
  sink::pipeline pipeline(io.get_executor(), std::move(parts.sinks), parts.pipeline);
  for (auto& s : systems) s->start(io.get_executor(), t);

  std::vector<source::source*> running;
  for (auto& s : parts.sources) running.push_back(s.get());
  bridge_settings settings;
  settings.duration = args.duration.value_or(args.count ? std::chrono::milliseconds::zero() : 10s);
  settings.count = t.count * running.size();
  settings.live_status = stderr_is_terminal();
  settings.metrics_listen = args.metrics_listen;
  settings.after_stop = [&]() -> asio::awaitable<void> {
    for (auto& s : systems) co_await s->stop();
  };
  const int result = run_bridge(io, running, pipeline, settings);
  std::fprintf(stderr, "eventwire demo: %llu events delivered from %zu sources\n",
               static_cast<unsigned long long>(pipeline.statistics().events), running.size());
  return result;
}

int run_emulate(const arguments& args) {
  asio::io_context io;
  std::unique_ptr<emulated_system> system;
  try {
    system = make_emulated_system(args.system, io.get_executor(), {.port = args.port.value_or(0), .keep_alive = args.keep_alive});
  } catch (const boost::system::system_error& e) {
    std::fprintf(stderr, "eventwire: cannot serve %s: %s\n", args.system.c_str(), e.code().message().c_str());
    return exit_failure;
  }
  if (!system) {
    std::string names;
    for (auto n : emulated_system_names()) names += (names.empty() ? "" : ", ") + std::string(n);
    std::fprintf(stderr, "eventwire: no emulator named '%s' (available: %s)\n", args.system.c_str(), names.c_str());
    return exit_usage;
  }
  if (args.first_id.value_or(0) != 0 && !system->numbers_from_any()) {
    std::fprintf(stderr, "eventwire: --first-id: the %s emulator numbers its events from 0 (their positions)\n",
                 args.system.c_str());
    return exit_usage;
  }
  sent_log sent;
  if (!args.sent_log.empty()) {
    if (const auto ec = sent.open(args.sent_log)) {
      std::fprintf(stderr, "eventwire: --sent-log %s: %s\n", args.sent_log.c_str(), ec.message().c_str());
      return exit_failure;
    }
  }
  std::fprintf(stderr, "eventwire: %s emulator on 127.0.0.1; Ctrl-C ends it. A config's \"sources\" for it:\n%s\n",
               args.system.c_str(), json::serialize(system->sources()).c_str());
  traffic t{.rate = args.rate.value_or(default_rate), .count = args.count.value_or(0), .first = args.first_id.value_or(0)};
  if (sent.is_open()) t.sent = [&sent](std::uint64_t n) { sent.record(n); };
  system->start(io.get_executor(), t, [&] {
    std::fprintf(stderr, "eventwire: %s emulator: all %llu events generated (sequence numbers %llu to %llu)\n",
                 args.system.c_str(), static_cast<unsigned long long>(t.count),
                 static_cast<unsigned long long>(t.first), static_cast<unsigned long long>(t.first + t.count - 1));
  });
  bool stopping = false;
  asio::signal_set signals(io, SIGINT, SIGTERM);
  asio::steady_timer deadline(io);
  const auto stop = [&] {
    if (stopping) return;
    stopping = true;
    signals.cancel();
    deadline.cancel();
    asio::co_spawn(io, system->stop(), asio::detached);
  };
  signals.async_wait([&](boost::system::error_code ec, int) {
    if (!ec) stop();
  });
  if (args.duration) {
    deadline.expires_after(*args.duration);
    deadline.async_wait([&](boost::system::error_code ec) {
      if (!ec) stop();
    });
  }
  io.run();
  return exit_ok;
}

}  // namespace eventwire::cli
