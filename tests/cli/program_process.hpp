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

// Runs the eventwire binary with `args` (and `environment` added to this process's) to its end.
outcome run_program(const std::vector<std::string>& args, const std::map<std::string, std::string>& environment = {});

// Writes `text` to `path`.
void write_file(const std::string& path, const std::string& text);

}  // namespace eventwire::testing
