#pragma once

#include <optional>
#include <string_view>

namespace eventwire::cli {

enum class log_level : unsigned char { debug, info, warning, error };

// "debug", "info", "warning" or "error".
std::optional<log_level> parse_log_level(std::string_view text);

// Lines below `level` are dropped (default: info).
void set_log_level(log_level level) noexcept;
// While a live status line is drawn on stderr, each log line first erases it.
void set_status_line_active(bool active) noexcept;

// One JSON object per line on stderr: {"time":"...","level":"warning","source":"hq","message":"..."}.
// `source` is the source or part of the program; messages never carry secrets (the sessions
// redact tokens and URLs before they log).
void log(log_level level, std::string_view source, std::string_view message);

}  // namespace eventwire::cli
