#pragma once

// `eventwire emulate SYSTEM` as a child process, for the rows whose server is a real process
// (paused with SIGSTOP, killed with SIGKILL): what it serves (its sources line), whether it sent
// its whole count, and each event it sent (its --sent-log).

#include "child_program.hpp"

#include <boost/asio/awaitable.hpp>
#include <boost/json/array.hpp>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>

namespace eventwire::faults {

struct emulate_plan {
  std::string program;  // the eventwire binary
  std::string system;   // websdk, missioncontrol, clay, unity, portos, signalr
  std::uint16_t port = 0;
  double rate = 50;
  std::uint64_t count = 0;
  std::uint64_t first_id = 0;
};

class emulator_process {
 public:
  // Starts it; its stderr goes to `dir`/emulator-`name`.log, its sent log to sent-`name`.log.
  emulator_process(const emulate_plan& plan, const std::filesystem::path& dir, const std::string& name);

  // Waits until it printed the config's sources for it (it listens): them, or std::nullopt after
  // `limit` or when it ended.
  boost::asio::awaitable<std::optional<boost::json::array>> wait_listening(std::chrono::steady_clock::duration limit);
  // Its stderr says every event of its count was generated.
  bool finished() const;
  // Reads the sent log's new lines: sequence number -> when sent (wall clock).
  void poll_sent();
  const std::map<std::uint64_t, std::chrono::system_clock::time_point>& sent() const noexcept { return sent_; }

  child_program& process() noexcept { return process_; }

 private:
  std::filesystem::path stderr_path_;
  std::filesystem::path sent_path_;
  child_program process_;
  std::uint64_t sent_offset_ = 0;
  std::map<std::uint64_t, std::chrono::system_clock::time_point> sent_;
};

}  // namespace eventwire::faults
