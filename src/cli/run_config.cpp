#include "run_config.hpp"

#include "bridge.hpp"
#include "log.hpp"
#include "program_config.hpp"

#include <boost/asio/io_context.hpp>

#include <cstdio>

namespace eventwire::cli {

int check_config(const arguments& args) {
  boost::asio::io_context io;
  config::problems found;
  const auto parts = load_program(io.get_executor(), *args.config, found, build_mode::check);
  if (!parts) {
    print_config_problems(found, *args.config);
    return exit_config;
  }
  std::printf("%s: %zu source%s, %zu sink%s: OK\n", args.config->c_str(), parts->sources.size(),
              parts->sources.size() == 1 ? "" : "s", parts->sinks.size(), parts->sinks.size() == 1 ? "" : "s");
  return exit_ok;
}

int run_config(const arguments& args) {
  boost::asio::io_context io;
  config::problems found;
  auto parts = load_program(io.get_executor(), *args.config, found);
  if (!parts) {
    print_config_problems(found, *args.config);
    return exit_config;
  }
  parts->pipeline.log = [](std::string_view line) { log(log_level::warning, "pipeline", line); };
  sink::pipeline pipeline(io.get_executor(), std::move(parts->sinks), parts->pipeline);
  std::vector<source::source*> sources;
  for (auto& s : parts->sources) sources.push_back(s.get());
  bridge_settings settings;
  settings.duration = args.duration.value_or(std::chrono::milliseconds::zero());
  settings.count = args.count.value_or(0);
  settings.metrics_listen = args.metrics_listen;
  return run_bridge(io, sources, pipeline, settings);
}

}  // namespace eventwire::cli
