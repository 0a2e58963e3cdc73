#pragma once

#include <eventwire/testing/temporary_directory.hpp>

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
  // Waits for the end; stdout and stderr are what it wrote.
  outcome finish();

 private:
  temporary_directory scratch_;
  int pid_ = -1;
};

// Runs the eventwire binary with `args` (and `environment`) to its end.
outcome run_program(const std::vector<std::string>& args, const std::map<std::string, std::string>& environment = {});


}  // namespace eventwire::testing
