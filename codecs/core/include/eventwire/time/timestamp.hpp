#pragma once

#include <chrono>
#include <string>
#include <string_view>

namespace eventwire::time {

// 100 ns ticks, the resolution of .NET's DateTime that the vendors serialise; an int64 of them
// spans every year from 0001 (.NET's DateTime.MinValue, which Genetec sends) to 9999.
using ticks = std::chrono::duration<std::int64_t, std::ratio<1, 10'000'000>>;
using utc_time = std::chrono::sys_time<ticks>;

struct timestamp {
  utc_time utc{};           // the instant, in UTC
  int offset_minutes = 0;   // the UTC offset the text was written in
  bool has_offset = false;  // false: the text named no offset and was read as UTC

  friend bool operator==(const timestamp&, const timestamp&) = default;
};

// Parses an ISO 8601 date-time as vendors send it: `YYYY-MM-DD`, `T` (or `t` or a space),
// `hh:mm[:ss[.fraction]]`, then `Z`, `±hh:mm`, `±hhmm`, `±hh` or nothing. Fractions of any length
// are accepted and truncated to 100 ns; a leap second (:60) is read as :59.9999999.
// Returns false for anything else, including impossible dates such as February 30 and instants
// outside the years 0001 to 9999 in UTC.
bool parse_iso8601(std::string_view text, timestamp& out) noexcept;

// Appends `t` as RFC 3339 in UTC: `YYYY-MM-DDThh:mm:ss[.fraction]Z`, the fraction with 3, 6 or 7
// digits, as few as represent `t` exactly.
void append_rfc3339(std::string& out, utc_time t);

}  // namespace eventwire::time
