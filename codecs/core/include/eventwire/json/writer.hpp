#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace eventwire::json {

// Appends `text` (UTF-8) as a quoted JSON string: '"', '\\' and every control character are
// escaped (0x1E too, so the result is safe inside a SignalR record); other bytes pass through.
void append_string(std::string& out, std::string_view text);

void append_int(std::string& out, std::int64_t value);
void append_uint(std::string& out, std::uint64_t value);

}  // namespace eventwire::json
