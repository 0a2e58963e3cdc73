#pragma once

// The eventwire program (or nats-server) as a child process, its stdout and stderr in files.

#include <boost/asio/awaitable.hpp>

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace eventwire::faults {

class child_program {
 public:
  // Starts `program` with `args`; stdout and stderr go to the files named (empty: /dev/null).
  // Throws std::system_error when fork fails.
  child_program(const std::string& program, const std::vector<std::string>& args, const std::string& stdout_path,
                const std::string& stderr_path);
  ~child_program();  // SIGKILL if still running
  child_program(const child_program&) = delete;
  child_program& operator=(const child_program&) = delete;

  void signal(int number) noexcept;
  // The exit status if it has ended (128 + signal for a signal), without waiting.
  std::optional<int> poll();
  // Waits up to `limit` for the end (checked every 20 ms); std::nullopt if it still runs.
  boost::asio::awaitable<std::optional<int>> wait(std::chrono::steady_clock::duration limit);
  // SIGTERM, up to `grace` for the end, then SIGKILL; the exit status.
  boost::asio::awaitable<int> stop(std::chrono::steady_clock::duration grace);

 private:
  int pid_ = -1;
  std::optional<int> status_;
};

}  // namespace eventwire::faults
