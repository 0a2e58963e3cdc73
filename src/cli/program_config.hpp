#pragma once

#include <eventwire/config/problems.hpp>
#include <eventwire/sink/pipeline.hpp>
#include <eventwire/sink/sink.hpp>
#include <eventwire/source/source.hpp>

#include <boost/asio/any_io_executor.hpp>
#include <boost/json/value.hpp>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace eventwire::cli {

// What a config file describes, built and ready to run.
struct program_parts {
  std::vector<std::unique_ptr<source::source>> sources;
  std::vector<std::unique_ptr<sink::sink>> sinks;
  sink::pipeline_options pipeline;
  std::string checkpoint_dir;  // the file checkpoint store's directory
};

// Builds every source and sink of `config`, recording each problem with its JSON path; the
// result is usable only when `found` stayed empty. Nothing connects yet.
program_parts build_program(boost::asio::any_io_executor ex, const boost::json::value& config, config::problems& found);

// Reads and builds a config file; problems include an unreadable file and JSON syntax.
std::optional<program_parts> load_program(boost::asio::any_io_executor ex, const std::string& path,
                                          config::problems& found);

}  // namespace eventwire::cli
