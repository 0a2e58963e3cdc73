#pragma once

// Printing helpers shared by the codec's operator<< definitions. Internal.

#include <eventwire/json/raw_string.hpp>

#include <cstdint>
#include <optional>
#include <ostream>
#include <span>
#include <string_view>
#include <type_traits>
#include <utility>

namespace eventwire::websdk::print {

// A raw string is printed as the JSON string literal it was: quotes around the escaped text.
struct quoted {
  const json::raw_string& s;
};
inline std::ostream& operator<<(std::ostream& os, quoted q) {
  return os << '"' << q.s.escaped << '"';
}

template <class T>
struct or_null {
  const std::optional<T>& value;
};
template <class T>
std::ostream& operator<<(std::ostream& os, or_null<T> o) {
  if (!o.value) return os << "null";
  if constexpr (std::is_same_v<T, json::raw_string>)
    return os << quoted{*o.value};
  else if constexpr (std::is_same_v<T, bool>)
    return os << (*o.value ? "true" : "false");
  else if constexpr (std::is_same_v<T, std::string_view>)
    return os << '\'' << *o.value << '\'';
  else
    return os << *o.value;
}

struct strings {
  std::span<const json::raw_string> items;
};
inline std::ostream& operator<<(std::ostream& os, strings s) {
  os << '[';
  const char* separator = "";
  for (const json::raw_string& item : s.items) os << std::exchange(separator, ", ") << quoted{item};
  return os << ']';
}

template <class T>
struct list {
  std::span<const T> items;
};
template <class T>
std::ostream& operator<<(std::ostream& os, list<T> l) {
  os << '[';
  const char* separator = "";
  for (const T& item : l.items) os << std::exchange(separator, ", ") << item;
  return os << ']';
}

}  // namespace eventwire::websdk::print
