#pragma once

// The rows whose server is a real process: `eventwire emulate SYSTEM --count N --sent-log FILE`
// as a child of the driver, paused with SIGSTOP and resumed with SIGCONT, or killed with SIGKILL
// and started again on the same ports with its events numbered from --first-id 1000000. What
// the emulator sent is what its sent log says; the rest is what scenario.hpp's rows report.

#include "scenario.hpp"

#include <boost/asio/awaitable.hpp>

#include <string>
#include <string_view>

namespace eventwire::faults {

// Whether the row applies to the source type: SIGSTOP to every one, SIGKILL to all but
// webroot-unity (its emulator keeps the positions it hands out in memory only: a restarted one
// would answer with other positions, which a real Unity server never does).
bool process_row_applies(std::string_view type, scenario_kind kind) noexcept;

// Runs one such row; never throws for a failing program (the row says so).
boost::asio::awaitable<row> run_process_scenario(const suite_settings& settings, std::string type, scenario_kind kind);

}  // namespace eventwire::faults
