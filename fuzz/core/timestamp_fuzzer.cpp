// A timestamp that parses prints as RFC 3339 in UTC, and that text parses to the same instant.

#include <eventwire/time/timestamp.hpp>

#include "check.hpp"

#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace eventwire::time;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  timestamp t;
  if (!parse_iso8601(text, t)) return 0;
  std::string printed;
  append_rfc3339(printed, t.utc);
  timestamp again;
  EVENTWIRE_FUZZ_CHECK(parse_iso8601(printed, again));
  EVENTWIRE_FUZZ_CHECK(again.utc == t.utc);
  EVENTWIRE_FUZZ_CHECK(again.has_offset && again.offset_minutes == 0);
  return 0;
}
