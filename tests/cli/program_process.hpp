#pragma once

#include <eventwire/testing/temporary_directory.hpp>

#include <chrono>
#include <map>
#include <string>
#include <vector>

namespace eventwire::testing {

// What a run of the eventwire program left behind.
struct outcome {
  int status = -1;  // the exit status, or 128 + the signal that ended it
  std::string out;  // stdout
  std::string err;  // stderr
};

// The eventwire binary running as a child process with `args` (and `environment` added to this
// process's); the destructor kills it if it still runs.
class running_program {
 public:
  explicit running_program(const std::vector<std::string>& args, const std::map<std::string, std::string>& environment = {});
  ~running_program();
  running_program(const running_program&) = delete;
  running_program& operator=(const running_program&) = delete;

  void signal(int number);
  // What it wrote on stderr so far.
  std::string err_so_far() const;
  // Waits until stderr holds `text` (checked every 20 ms: an upper bound on the child's progress,
  // not a guess at a duration) or `limit` passed; what it wrote by then (check it for `text`).
  std::string wait_for_err(const std::string& text, std::chrono::seconds limit = std::chrono::seconds(30)) const;
  // Waits for the end; stdout and stderr are what it wrote.
  outcome finish();

 private:
  temporary_directory scratch_;
  int pid_ = -1;
};

// Runs the eventwire binary with `args` (and `environment`) to its end.
outcome run_program(const std::vector<std::string>& args, const std::map<std::string, std::string>& environment = {});


}  // namespace eventwire::testing
