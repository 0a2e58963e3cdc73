// eventwire-faults: the fault suite. For each source type and fault, runs the real eventwire
// program against the emulator, injects the fault while traffic flows and prints one markdown
// table row: recovered, time to recover, sent, delivered, duplicates, losses.
//
//   eventwire-faults [--short] [--source TYPE]... [--scenario NAME]... [--rate N]
//                    [--program PATH] [--work-dir DIR]
//
// Exit status: 0 every row passed, 1 a row failed (loss or no recovery), 2 bad command line.

#include "process_scenario.hpp"
#include "scenario.hpp"
#include "table.hpp"
#include "target.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#ifndef EVENTWIRE_PROGRAM
#define EVENTWIRE_PROGRAM "eventwire"
#endif

namespace {

namespace asio = boost::asio;
namespace faults = eventwire::faults;

constexpr const char* usage =
    "usage: eventwire-faults [--short] [--source TYPE]... [--scenario NAME]... [--rate N]\n"
    "                        [--program PATH] [--work-dir DIR]\n"
    "  --short     one source (webroot-unity) and a few faults, and signalr sigkill (a real\n"
    "              server process), well under 2 minutes\n"
    "  sources:    webroot-unity genetec-missioncontrol portos genetec-websdk clay signalr\n"
    "  scenarios:  restart cut silence half-open 401 expiry 429 5xx tls-mismatch sink-restart\n"
    "              sigstop sigkill (the server a real `eventwire emulate` process)\n";

struct plan {
  std::vector<std::string> sources;
  std::vector<faults::scenario_kind> scenarios;
  // Rows run after sources x scenarios (--short: one real-process row).
  std::vector<std::pair<std::string, faults::scenario_kind>> extra;
  faults::suite_settings settings;
};

bool parse(int argc, char** argv, plan& p) {
  bool quick = false;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    const char* value = i + 1 < argc ? argv[i + 1] : nullptr;
    if (arg == "--short") {
      quick = true;
    } else if (arg == "--source" && value) {
      p.sources.emplace_back(value);
      ++i;
    } else if (arg == "--scenario" && value) {
      const auto k = faults::scenario_from_name(value);
      if (!k) return false;
      p.scenarios.push_back(*k);
      ++i;
    } else if (arg == "--rate" && value) {
      p.settings.rate = std::atof(value);
      if (!(p.settings.rate > 0 && p.settings.rate <= 10000)) return false;
      ++i;
    } else if (arg == "--program" && value) {
      p.settings.program = value;
      ++i;
    } else if (arg == "--work-dir" && value) {
      p.settings.work_dir = value;
      ++i;
    } else {
      return false;
    }
  }
  if (quick) {
    if (p.sources.empty() && p.scenarios.empty()) p.extra = {{"signalr", faults::scenario_kind::process_kill}};
    if (p.sources.empty()) p.sources = {"webroot-unity"};
    if (p.scenarios.empty())
      p.scenarios = {faults::scenario_kind::restart,      faults::scenario_kind::cut,
                     faults::scenario_kind::half_open,    faults::scenario_kind::server_error,
                     faults::scenario_kind::unauthorized, faults::scenario_kind::tls_mismatch};
  }
  if (p.sources.empty())
    for (auto t : faults::target_types()) p.sources.emplace_back(t);
  if (p.scenarios.empty()) p.scenarios = faults::all_scenarios();
  for (const auto& s : p.sources) {
    bool known = false;
    for (auto t : faults::target_types()) known = known || t == s;
    if (!known) return false;
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  plan p;
  p.settings.program = EVENTWIRE_PROGRAM;
  if (!parse(argc, argv, p)) {
    std::fputs(usage, stderr);
    return 2;
  }
  const bool scratch = p.settings.work_dir.empty();  // made here: removed when every row passed
  if (scratch) {
    char name[] = "/tmp/eventwire-faults-XXXXXX";
    if (!::mkdtemp(name)) {
      std::perror("eventwire-faults: mkdtemp");
      return 1;
    }
    p.settings.work_dir = name;
  }
  asio::io_context io;
  bool all_passed = true;
  const auto started = std::chrono::steady_clock::now();
  asio::co_spawn(io, [&]() -> asio::awaitable<void> {
    std::fputs(faults::table_header().c_str(), stdout);
    std::fflush(stdout);
    std::vector<std::pair<std::string, faults::scenario_kind>> rows;
    for (const auto& source : p.sources)
      for (const auto kind : p.scenarios) rows.emplace_back(source, kind);
    rows.insert(rows.end(), p.extra.begin(), p.extra.end());
    for (const auto& [source, kind] : rows) {
      if (faults::real_process(kind)) {
        if (!faults::process_row_applies(source, kind)) continue;
      } else {
        auto probe = faults::make_target(source, io.get_executor(), {});
        if (!probe->supports(kind)) continue;
      }
      faults::row r;
      if (faults::real_process(kind)) {
        r = co_await faults::run_process_scenario(p.settings, source, kind);
      } else {
        r = co_await faults::run_scenario(p.settings, source, kind);
      }
      all_passed = all_passed && r.passed;
      std::fputs(faults::table_row(r).c_str(), stdout);
      std::fflush(stdout);
    }
  }, [](std::exception_ptr e) {
    if (e) std::rethrow_exception(e);
  });
  try {
    io.run();
  } catch (const std::exception& e) {
    std::fprintf(stderr, "eventwire-faults: %s\n", e.what());
    return 1;
  }
  const double took = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  if (scratch && all_passed) {
    std::error_code ignored;
    std::filesystem::remove_all(p.settings.work_dir, ignored);
    std::fprintf(stderr, "eventwire-faults: %.0f s, every row passed\n", took);
  } else {
    std::fprintf(stderr, "eventwire-faults: %.0f s; configs, logs and sinks of each row in %s\n", took,
                 p.settings.work_dir.c_str());
  }
  return all_passed ? 0 : 1;
}
