#pragma once

#include <cstddef>
#include <string_view>

namespace eventwire::unity::detail {

// Whether two keys are equal ignoring ASCII case, the way Json.NET (Unity's own serializer) matches
// member names when it reads them. Bytes outside A-Z and a-z must be equal.
constexpr bool keys_match(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    char x = a[i];
    char y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x | 0x20);
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y | 0x20);
    if (x != y) return false;
  }
  return true;
}

}  // namespace eventwire::unity::detail
