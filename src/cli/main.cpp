#include "arguments.hpp"
#include "demo.hpp"
#include "log.hpp"
#include "run_config.hpp"
#include "websdk_command.hpp"

#include <eventwire/version.hpp>

#include <cstdio>
#include <exception>
#include <string>
#include <vector>

int main(int argc, char** argv) {
  namespace cli = eventwire::cli;
  const std::vector<std::string> args(argv + 1, argv + argc);
  std::string error;
  const auto parsed = cli::parse_arguments(args, error);
  if (!parsed) {
    std::fprintf(stderr, "eventwire: %s\n\n%s", error.c_str(), cli::usage_text);
    return cli::exit_usage;
  }
  if (parsed->command == "help") {
    std::fputs(cli::usage_text, stdout);
    return cli::exit_ok;
  }
  if (parsed->command == "version") {
    std::printf("eventwire %.*s\n", static_cast<int>(eventwire::version().size()), eventwire::version().data());
    return cli::exit_ok;
  }
  cli::set_log_level(parsed->logging);
  try {
    if (parsed->command == "demo") return cli::run_demo(*parsed);
    if (parsed->command == "run") return cli::run_config(*parsed);
    if (parsed->command == "check") return cli::check_config(*parsed);
    if (parsed->command == "websdk") return cli::run_websdk(*parsed);
    return cli::run_emulate(*parsed);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "eventwire: internal error: %s\n", e.what());
    return cli::exit_failure;
  }
}
