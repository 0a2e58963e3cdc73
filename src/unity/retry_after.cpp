#include "retry_after.hpp"

#include <cstdint>

namespace eventwire::unity::detail {

std::optional<std::chrono::seconds> parse_retry_after(std::string_view value, std::chrono::seconds cap) {
  while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
  while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.remove_suffix(1);
  if (value.empty()) return std::nullopt;
  std::uint64_t seconds = 0;
  for (const char c : value) {
    if (c < '0' || c > '9') return std::nullopt;
    seconds = seconds * 10 + static_cast<std::uint64_t>(c - '0');
    if (seconds > static_cast<std::uint64_t>(cap.count())) return cap;
  }
  return std::chrono::seconds(static_cast<std::chrono::seconds::rep>(seconds));
}

}  // namespace eventwire::unity::detail
