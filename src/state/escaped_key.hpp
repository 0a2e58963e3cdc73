#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace eventwire::state::detail {

// `key` with every byte that `plain(byte, index)` refuses written as `prefix` and two upper-case
// hex digits: how a checkpoint key becomes a file name or a NATS key.
template <class Plain>
std::string escaped_key(std::string_view key, char prefix, Plain plain) {
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(key.size());
  for (std::size_t i = 0; i < key.size(); ++i) {
    const auto c = static_cast<unsigned char>(key[i]);
    if (plain(c, i)) {
      out += static_cast<char>(c);
    } else {
      out += prefix;
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

inline bool is_alphanumeric(unsigned char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

}  // namespace eventwire::state::detail
