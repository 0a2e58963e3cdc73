#pragma once

#include "arguments.hpp"

namespace eventwire::cli {

// `eventwire websdk OPERATION`: one Web SDK call with the connection of the config's
// genetec-websdk source args.websdk.source. The call is written before anything is read or
// sent, so arguments the call language cannot carry exit 2; config problems exit 3; a failed
// call (transport, 401, HTTP status, Status not Ok) prints its one-line reason, with the
// server's text when it sent one, and exits 1.
int run_websdk(const arguments& args);

}  // namespace eventwire::cli
