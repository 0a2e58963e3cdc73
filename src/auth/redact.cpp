#include <eventwire/auth/redact.hpp>

#include <algorithm>
#include <vector>

namespace eventwire::auth {

std::string mask_values(std::string_view text, std::initializer_list<std::string_view> values) {
  std::vector<std::string_view> by_length;
  for (auto v : values)
    if (!v.empty()) by_length.push_back(v);
  std::sort(by_length.begin(), by_length.end(),
            [](std::string_view a, std::string_view b) { return a.size() > b.size(); });
  std::string out(text);
  for (auto value : by_length) {
    for (auto at = out.find(value); at != std::string::npos; at = out.find(value, at + mask.size()))
      out.replace(at, value.size(), mask);
  }
  return out;
}

std::string one_line_excerpt(std::string_view text, std::size_t limit) {
  const bool cut = text.size() > limit;
  if (cut) {
    std::size_t end = limit;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
    text = text.substr(0, end);
  }
  std::string out;
  out.reserve(text.size() + 3);
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    out.push_back(u < 0x20 || u == 0x7F ? ' ' : c);
  }
  if (cut) out += "...";
  return out;
}

}  // namespace eventwire::auth
