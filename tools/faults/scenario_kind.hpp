#pragma once

// The faults of the suite, each injected while traffic flows.

#include <optional>
#include <string_view>
#include <vector>

namespace eventwire::faults {

enum class scenario_kind {
  restart,       // the server process killed and started again (port refused meanwhile)
  cut,           // a connection cut in the middle of a record or part
  silence,       // the server sends nothing (no pings, no keep-alives) for longer than the timeouts
  half_open,     // the server paused (SIGSTOP): nothing read or written, the TCP connection open
  unauthorized,  // 401: the token (or credentials) refused for a while
  expiry,        // the access token expires while in use
  throttled,     // 429 with Retry-After for a while
  server_error,  // 5xx for a while
  tls_mismatch,  // the server's certificate is not the pinned one: must refuse to connect
  sink_restart,  // the NATS server killed and started again
  // The server a real process (`eventwire emulate` as a child), not the in-process emulator:
  process_pause,  // SIGSTOP for longer than the client's timeouts, then SIGCONT
  process_kill,   // SIGKILL, then started again on the same ports (its events numbered anew)
};

// Whether the row runs the server as a separate process (process_scenario.hpp).
constexpr bool real_process(scenario_kind k) noexcept {
  return k == scenario_kind::process_pause || k == scenario_kind::process_kill;
}

std::string_view name(scenario_kind k) noexcept;
std::optional<scenario_kind> scenario_from_name(std::string_view text) noexcept;
std::vector<scenario_kind> all_scenarios();

}  // namespace eventwire::faults
