#include "process_scenario.hpp"

#include "delivery_log.hpp"
#include "emulator_process.hpp"
#include "numbered_events.hpp"
#include "run_files.hpp"
#include "suite_limits.hpp"
#include "target.hpp"
#include "watch.hpp"

#include <boost/asio/this_coro.hpp>
#include <boost/json/serialize.hpp>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <memory>

namespace eventwire::faults {

namespace asio = boost::asio;
namespace json = boost::json;
namespace fs = std::filesystem;
using namespace std::chrono_literals;
using steady = std::chrono::steady_clock;
using wall = std::chrono::system_clock;

namespace {

constexpr auto listen_limit = 10s;   // until an emulator listens
constexpr auto pause_for = 6s;       // SIGSTOP: twice the client's 3 s timeouts
constexpr auto down_for = 3s;        // SIGKILL: the ports refuse connections this long
constexpr auto finish_limit = 60s;   // until the last emulator sent its whole count
using limits::in_flight;
using limits::settle_quiet;
constexpr std::uint64_t restarted_first_id = 1'000'000;

double seconds(steady::duration d) { return std::chrono::duration<double>(d).count(); }

// The source entry as the emulator printed it, with the suite's timeouts (scenario.cpp's).
json::object suite_entry(std::string_view type, json::object entry) {
  const bool hub = type == "signalr" || type == "portos" || type == "clay" || type == "genetec-missioncontrol";
  const bool http = type == "genetec-websdk" || type == "webroot-unity" || type == "genetec-missioncontrol";
  add_suite_timeouts(entry, hub, http);
  if (type == "genetec-websdk") entry["silence_timeout"] = "3s";  // the emulator's KeepAlive: 1 s
  return entry;
}

}  // namespace

bool process_row_applies(std::string_view type, scenario_kind kind) noexcept {
  if (emulated_system_of(type).empty()) return false;
  if (kind == scenario_kind::process_pause) return true;
  return kind == scenario_kind::process_kill && type != "webroot-unity";
}

asio::awaitable<row> run_process_scenario(const suite_settings& settings, std::string type, scenario_kind kind) {
  auto ex = co_await asio::this_coro::executor;
  row r;
  r.source = type;
  r.kind = kind;
  r.pull = type == "webroot-unity";
  const fs::path dir = fs::path(settings.work_dir) / (type + "-" + std::string(name(kind)));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const bool kill = kind == scenario_kind::process_kill;

  // The first emulator: long enough a traffic to span the fault (SIGKILL ends it anyway).
  const std::string system(emulated_system_of(type));
  const bool two_ports = system == "websdk" || system == "missioncontrol" || system == "clay";
  emulate_plan plan{.program = settings.program,
                    .system = system,
                    .port = free_port(two_ports),
                    .rate = settings.rate,
                    .count = static_cast<std::uint64_t>(settings.rate * (kill ? 60 : 16)),
                    .first_id = 0};
  std::vector<std::unique_ptr<emulator_process>> emulators;
  emulators.push_back(std::make_unique<emulator_process>(plan, dir, "1"));
  const auto sources = co_await emulators.back()->wait_listening(listen_limit);
  if (!sources || sources->empty() || !sources->front().is_object()) {
    r.note = "the emulator did not start (see " + (dir / "emulator-1.log").string() + ")";
    co_return r;
  }
  // One source (Clay: the incident hub; the entry hub's traffic waits for a listener and never starts).
  const json::object config{
      {"sources", json::array{suite_entry(type, sources->front().as_object())}},
      {"sinks", json::array{json::object{{"type", "file"}, {"path", (dir / "events.ndjson").string()}, {"sync", "never"}}}},
      {"checkpoints", json::object{{"type", "file"}, {"dir", (dir / "state").string()}}}};
  {
    std::ofstream out(dir / "config.json");
    out << json::serialize(config) << '\n';
  }
  const fs::path log_path = dir / "eventwire.log";
  child_program program(settings.program, {"run", "--config", (dir / "config.json").string()}, "", log_path.string());
  delivery_log log((dir / "events.ndjson").string(),
                   [&type](std::string_view line) { return numbered_sequence(type, line); });

  // Wall-clock times (the sent logs', the program's log) seen on this process's steady clock.
  const auto wall_offset = steady::now().time_since_epoch() - wall::now().time_since_epoch();
  const auto on_steady = [&](wall::time_point t) {
    return steady::time_point(std::chrono::duration_cast<steady::duration>(t.time_since_epoch() + wall_offset));
  };
  std::string poll_error;
  auto poll_once = [&] {
    for (auto& e : emulators) e->poll_sent();
    std::error_code ec;
    log.poll(ec);
    if (ec) poll_error = ec.message();
  };
  const std::function<void()> look = poll_once;
  auto wait_for = [&](const std::function<bool()>& done, steady::duration limit) {
    return watch_until(program, look, done, limit);
  };
  const std::function<bool()> never = [] { return false; };

  const auto warm = std::max<std::uint64_t>(20, static_cast<std::uint64_t>(settings.rate));
  const std::function<bool()> warmed = [&] { return log.arrivals().size() >= warm; };
  const bool flowing = co_await wait_for(warmed, limits::start);
  if (!flowing) r.note = "traffic never flowed end to end";
  steady::time_point fault_at{}, clear_at{};
  if (flowing) {
    fault_at = steady::now();
    auto& first = emulators.front()->process();
    if (kill) {
      first.signal(SIGKILL);
      co_await first.wait(10s);
      co_await wait_for(never, down_for);
      plan.count = static_cast<std::uint64_t>(settings.rate * 6);
      plan.first_id = restarted_first_id;
      emulators.push_back(std::make_unique<emulator_process>(plan, dir, "2"));
      const auto again = co_await emulators.back()->wait_listening(listen_limit);
      if (!again) r.note = "the emulator did not start again on its ports (see emulator-2.log)";
    } else {
      first.signal(SIGSTOP);
      co_await wait_for(never, pause_for);
      first.signal(SIGCONT);
    }
    clear_at = steady::now();
    // Every event sent, then the program's last deliveries.
    const std::function<bool()> finished = [&] { return emulators.back()->finished(); };
    const bool complete = co_await wait_for(finished, finish_limit);
    if (!complete) r.note = "the emulator did not send its whole count";
  }
  const auto stopped_at = steady::now();
  std::map<std::uint64_t, steady::time_point> sent;
  for (auto& e : emulators) {
    e->poll_sent();
    for (const auto& [n, at] : e->sent()) sent.emplace(n, on_steady(at));
  }
  const std::function<bool()> settled = [&] {
    if (log.arrivals().size() >= sent.size()) return true;
    return steady::now() - std::max(stopped_at, log.last_arrival()) >= settle_quiet;
  };
  if (flowing) co_await wait_for(settled, limits::settle);
  const auto early_exit = program.poll();
  const int status = co_await program.stop(10s);
  for (auto& e : emulators) {
    e->process().signal(SIGCONT);
    co_await e->process().stop(5s);
  }
  poll_once();

  // The row: the consumer's disconnected interval runs from the fault to the reconnection the
  // program logged (its own observation, every 250 ms; the fault's end when it logged none).
  r.sent = sent.size();
  r.delivered = log.arrivals().size();
  r.duplicates = log.duplicates();
  const auto logged = last_reconnect_logged(log_path);
  const auto reconnected = logged ? on_steady(*logged) : clear_at;
  const auto interval_end = reconnected > fault_at ? std::max(reconnected, clear_at) : clear_at;
  if (!r.pull && flowing) r.disconnected_seconds = seconds(interval_end - fault_at);
  std::optional<steady::time_point> first_new;
  for (const auto& [n, at] : sent) {
    const auto found = log.arrivals().find(n);
    if (found != log.arrivals().end()) {
      if (at >= clear_at && (!first_new || found->second.first_seen < *first_new)) first_new = found->second.first_seen;
      continue;
    }
    if (!r.pull && flowing && at >= fault_at - in_flight && at <= interval_end) {
      ++r.missed;
    } else {
      ++r.lost;
    }
  }
  std::uint64_t strangers = 0;  // delivered, yet no emulator says it sent them
  for (const auto& [n, a] : log.arrivals()) strangers += sent.count(n) == 0 ? 1 : 0;
  if (flowing && first_new) {
    r.recovered = true;
    r.recover_seconds = seconds(*first_new - clear_at);
  }
  auto add_note = [&r](const std::string& text) {
    if (text.empty()) return;
    r.note += (r.note.empty() ? "" : "; ") + text;
  };
  if (kill && emulators.size() == 2)
    add_note("the first emulator sent " + std::to_string(emulators[0]->sent().size()) + " before SIGKILL, the second " +
             std::to_string(emulators[1]->sent().size()));
  if (early_exit) add_note("eventwire exited " + std::to_string(*early_exit) + ": " + last_log_line(log_path, "error"));
  else if (status != 0) add_note("eventwire ended with status " + std::to_string(status) + " after SIGTERM");
  if (strangers) add_note(std::to_string(strangers) + " delivered events no emulator logged as sent");
  if (log.unidentified()) add_note(std::to_string(log.unidentified()) + " unidentified lines");
  if (!poll_error.empty()) add_note("reading the sink: " + poll_error);
  if (!r.pull && flowing) add_note(disconnections_logged(log_path));
  r.passed = flowing && r.recovered && r.lost == 0 && strangers == 0 && emulators.back()->finished();
  co_return r;
}

}  // namespace eventwire::faults
