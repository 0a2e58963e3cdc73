#pragma once

#include "log.hpp"
#include "websdk_arguments.hpp"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace eventwire::cli {

// Exit codes of the program (documented in --help).
enum exit_code : int {
  exit_ok = 0,
  exit_failure = 1,  // a source or sink failed for good
  exit_usage = 2,    // bad command line
  exit_config = 3,   // the configuration is invalid
};

struct arguments {
  std::string command;  // run, check, demo, emulate, websdk, help, version
  std::optional<std::string> config;
  std::optional<std::chrono::milliseconds> duration;
  std::optional<double> rate;  // events per second per emulated system
  std::optional<std::uint64_t> count;
  std::optional<std::uint16_t> port;
  std::string system;  // for emulate
  std::optional<std::uint64_t> first_id;              // emulate --first-id
  std::string sent_log;                               // emulate --sent-log FILE
  std::optional<std::chrono::milliseconds> keep_alive;  // emulate --keep-alive D
  log_level logging = log_level::info;
  std::string metrics_listen;  // --metrics-listen HOST:PORT
  websdk_arguments websdk;     // for websdk
};

// Parses argv; on failure returns nullopt and sets `error` to one sentence for the user.
std::optional<arguments> parse_arguments(const std::vector<std::string>& argv, std::string& error);

extern const char* const usage_text;

}  // namespace eventwire::cli
