#pragma once

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include <string_view>

namespace eventwire::fuzzing {

// Whether `text` parses to the same value as `expected`, compared by their serializations:
// Boost.JSON 1.81 reads some numbers (0e566) as NaN, and NaN never equals itself.
inline bool same_json(std::string_view text, const boost::json::value& expected) {
  return boost::json::serialize(boost::json::parse(text)) == boost::json::serialize(expected);
}

}  // namespace eventwire::fuzzing
