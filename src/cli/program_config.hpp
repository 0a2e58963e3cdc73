#pragma once

#include <eventwire/config/problems.hpp>
#include <eventwire/sink/pipeline.hpp>
#include <eventwire/sink/sink.hpp>
#include <eventwire/source/source.hpp>
#include <eventwire/state/checkpoint_store.hpp>
#include <eventwire/state/lease_store.hpp>

#include <boost/asio/any_io_executor.hpp>
#include <boost/json/value.hpp>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace eventwire::cli {

// What a config file describes, built and ready to run.
struct program_parts {
  // Declared before the sources, which refer to them, so that they are destroyed after.
  std::unique_ptr<state::checkpoint_store> checkpoints;
  // The same store when it also keeps leases (NATS): every source then runs under its lease.
  state::lease_store* leases = nullptr;
  std::vector<std::shared_ptr<void>> resources;  // token providers
  std::vector<std::unique_ptr<source::source>> sources;
  std::vector<std::unique_ptr<sink::sink>> sinks;
  sink::pipeline_options pipeline;
};

// How a config is read: `check` writes nothing.
enum class build_mode { run, check };

// Builds every source and sink of `config`, recording each problem with its JSON path; the
// result is usable only when `found` stayed empty. Nothing connects yet.
program_parts build_program(boost::asio::any_io_executor ex, const boost::json::value& config, config::problems& found,
                            build_mode mode = build_mode::run);

// Reads a config file (at most 4 MiB; comments and trailing commas allowed); problems: an
// unreadable or too large file, JSON syntax.
std::optional<boost::json::value> read_config_file(const std::string& path, config::problems& found);

// Reads and builds a config file; problems include an unreadable file and JSON syntax.
std::optional<program_parts> load_program(boost::asio::any_io_executor ex, const std::string& path,
                                          config::problems& found, build_mode mode = build_mode::run);

// Writes "eventwire: PATH has N problems:" and one indented "JSON-PATH: message" line each to
// stderr.
void print_config_problems(const config::problems& found, const std::string& path);

}  // namespace eventwire::cli
