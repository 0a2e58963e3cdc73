#pragma once

#include <cstddef>
#include <string_view>

namespace eventwire::clay::detail {

// ASCII case-insensitive equality (bytes outside A-Z/a-z must match exactly).
constexpr bool iequals(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const char x = a[i] >= 'A' && a[i] <= 'Z' ? static_cast<char>(a[i] | 0x20) : a[i];
    const char y = b[i] >= 'A' && b[i] <= 'Z' ? static_cast<char>(b[i] | 0x20) : b[i];
    if (x != y) return false;
  }
  return true;
}

}  // namespace eventwire::clay::detail
