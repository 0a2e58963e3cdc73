#pragma once

#include <eventwire/json/raw_string.hpp>
#include <eventwire/time/timestamp.hpp>

#include <iosfwd>

namespace eventwire::websdk {

// A date-time as Security Center sends it: the parsed instant (`value.utc` is the utc_time) and
// the JSON string it came from. The text views the decoded input.
struct sent_time {
  time::timestamp value;
  json::raw_string text;
};

std::ostream& operator<<(std::ostream& os, const sent_time& t);

}  // namespace eventwire::websdk
