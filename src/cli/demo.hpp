#pragma once

#include "arguments.hpp"

namespace eventwire::cli {

// eventwire demo: emulators and the bridge in one process, events on stdout.
int run_demo(const arguments& args);
// eventwire emulate SYSTEM: one emulator until interrupted.
int run_emulate(const arguments& args);

}  // namespace eventwire::cli
