#include "log.hpp"

#include <eventwire/json/writer.hpp>
#include <eventwire/time/timestamp.hpp>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <string>

namespace eventwire::cli {

namespace {

std::atomic<log_level> threshold{log_level::info};
std::atomic<bool> status_line_active{false};

constexpr std::string_view level_names[] = {"debug", "info", "warning", "error"};

}  // namespace

std::optional<log_level> parse_log_level(std::string_view text) {
  for (std::size_t i = 0; i < std::size(level_names); ++i)
    if (level_names[i] == text) return static_cast<log_level>(i);
  return std::nullopt;
}

void set_log_level(log_level level) noexcept { threshold = level; }

void set_status_line_active(bool active) noexcept { status_line_active = active; }

void log(log_level level, std::string_view source, std::string_view message) {
  if (level < threshold.load()) return;
  std::string line = status_line_active ? "\r\033[K{\"time\":\"" : "{\"time\":\"";
  time::append_rfc3339(line, std::chrono::time_point_cast<time::ticks>(std::chrono::system_clock::now()));
  line += "\",\"level\":\"";
  line += level_names[static_cast<std::size_t>(level)];
  line += "\",\"source\":";
  json::append_string(line, source);
  line += ",\"message\":";
  json::append_string(line, message);
  line += "}\n";
  std::fwrite(line.data(), 1, line.size(), stderr);
}

}  // namespace eventwire::cli
