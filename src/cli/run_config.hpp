#pragma once

#include "arguments.hpp"

namespace eventwire::cli {

// eventwire run --config FILE: every source and sink of the file, until a signal.
int run_config(const arguments& args);
// eventwire check --config FILE: exit 0, or print every problem with its JSON path and exit 3.
int check_config(const arguments& args);

}  // namespace eventwire::cli
