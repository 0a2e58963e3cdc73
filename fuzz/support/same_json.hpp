#pragma once

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include <bit>
#include <cmath>
#include <cstdint>
#include <string_view>

namespace eventwire::fuzzing {

// Boost.JSON 1.81 is the reference, but not a consistent one for doubles: a number with more
// digits than a double holds parses to neighbouring doubles depending on how much input follows
// it (222.222222222222221 alone and inside a larger document), and some numbers (0e566) read as
// NaN, which never equals itself. Doubles a few units in the last place apart, or both NaN, count
// as the same number.
inline bool same_number(double a, double b) {
  if (a == b || (std::isnan(a) && std::isnan(b))) return true;
  if (std::isnan(a) || std::isnan(b) || std::signbit(a) != std::signbit(b)) return false;
  const auto x = std::bit_cast<std::int64_t>(a);
  const auto y = std::bit_cast<std::int64_t>(b);
  return (x > y ? x - y : y - x) <= 16;
}

inline bool equivalent(const boost::json::value& a, const boost::json::value& b) {
  if (a.is_double() && b.is_double()) return same_number(a.get_double(), b.get_double());
  if (a.kind() != b.kind()) return a == b;  // int64 and uint64 of one number compare equal
  if (a.is_array()) {
    const auto& x = a.get_array();
    const auto& y = b.get_array();
    if (x.size() != y.size()) return false;
    for (std::size_t i = 0; i < x.size(); ++i)
      if (!equivalent(x[i], y[i])) return false;
    return true;
  }
  if (a.is_object()) {
    const auto& x = a.get_object();
    const auto& y = b.get_object();
    if (x.size() != y.size()) return false;
    for (const auto& member : x) {
      const boost::json::value* other = y.if_contains(member.key());
      if (!other || !equivalent(member.value(), *other)) return false;
    }
    return true;
  }
  return a == b;
}

// Whether `text` is JSON that parses to the same value as `expected`.
inline bool same_json(std::string_view text, const boost::json::value& expected) {
  boost::json::parse_options options;
  options.max_depth = 1000;
  boost::system::error_code ec;
  const boost::json::value parsed = boost::json::parse(text, ec, {}, options);
  return !ec && equivalent(parsed, expected);
}

}  // namespace eventwire::fuzzing
