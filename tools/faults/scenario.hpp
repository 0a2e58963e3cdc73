#pragma once

// One row of the fault suite: a source type, a fault injected while traffic flows through the
// real eventwire program, and what was sent against what was delivered.

#include "scenario_kind.hpp"

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>

#include <cstdint>
#include <optional>
#include <string>

namespace eventwire::faults {

struct suite_settings {
  std::string program;   // the eventwire binary
  std::string work_dir;  // a directory per scenario is made under it
  double rate = 50;      // events a second the emulator emits
};

struct row {
  std::string source;  // the source type
  scenario_kind kind = scenario_kind::restart;
  bool pull = false;
  bool recovered = false;
  std::optional<double> recover_seconds;  // fault end to the first event emitted after it delivered
  std::uint64_t sent = 0;        // events the emulator emitted (pull: made available)
  std::uint64_t delivered = 0;   // distinct events in the sink
  std::uint64_t duplicates = 0;  // deliveries beyond the first
  std::uint64_t missed = 0;      // push: not delivered, emitted while disconnected
  std::uint64_t lost = 0;        // not delivered, outside the disconnected interval (pull: any)
  std::optional<double> disconnected_seconds;  // push: fault start to the consumer's return
  std::string note;
  bool passed = false;  // recovered with no loss (tls-mismatch: refused and nothing delivered)
};

// Runs one scenario; never throws for a failing eventwire (the row says so).
boost::asio::awaitable<row> run_scenario(const suite_settings& settings, std::string type, scenario_kind kind);

}  // namespace eventwire::faults
