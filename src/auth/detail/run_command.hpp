#pragma once

#include <eventwire/auth/secret.hpp>

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>

#include <string>
#include <system_error>

namespace eventwire::auth::detail {

struct command_output {
  std::error_code ec;
  std::string output;  // stdout as printed, at most the command's size limit
  std::string why;     // on failure: one sentence naming the program, never its arguments
};

// Runs a secret command as secret_command describes and collects its stdout. The pipe and the
// exit are awaited on the executor; the child is always reaped, on every path.
boost::asio::awaitable<command_output> run_command(boost::asio::any_io_executor ex,
                                                   const secret_command& command);

}  // namespace eventwire::auth::detail
