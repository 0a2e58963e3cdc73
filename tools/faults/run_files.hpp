#pragma once

// What the rows share: reading the program's log, loopback ports.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace eventwire::faults {

std::string read_file(const std::filesystem::path& p);
// The last line of a log that mentions `needle` (empty: none; an empty needle: the last line).
std::string last_log_line(const std::filesystem::path& log, std::string_view needle);
std::size_t count_log_lines(const std::filesystem::path& log, std::string_view needle);
// The end of the last disconnected interval the program logged ("connected again after ... to
// T", or "restored within one observation (before T)"); std::nullopt when it logged none.
std::optional<std::chrono::system_clock::time_point> last_reconnect_logged(const std::filesystem::path& log);
// What the program said of its disconnections (docs/RELIABILITY.md: logs and metrics), for a
// row's notes: "eventwire logged N disconnected interval(s), the last X s; ..."; empty: nothing.
std::string disconnections_logged(const std::filesystem::path& log);

// A port free on 127.0.0.1 now; with `pair`, the next one is free too.
std::uint16_t free_port(bool pair = false);
bool accepts(std::uint16_t port);

}  // namespace eventwire::faults
