#pragma once

#include <cstdio>
#include <cstdlib>
#include <string>

namespace eventwire::bench {

// Ends the program with status 1: a benchmark whose output is wrong must not print figures.
[[noreturn]] inline void fail(const std::string& what) {
  std::fprintf(stderr, "benchmark failed: %s\n", what.c_str());
  std::exit(1);
}

}  // namespace eventwire::bench
