#pragma once

#include <cstddef>
#include <iosfwd>

namespace eventwire::codec {

// What a codec's feed() found in the bytes it was given.
enum class status : unsigned char {
  need_more,  // every byte given was consumed; feed more input (or finish())
  event,      // an event is ready; bytes after it were not consumed
  error,      // the input is invalid; error() says why and stays set until reset()
};

struct feed_result {
  std::size_t consumed = 0;
  status state = status::need_more;

  friend bool operator==(const feed_result&, const feed_result&) = default;
};

std::ostream& operator<<(std::ostream& os, status s);
std::ostream& operator<<(std::ostream& os, const feed_result& r);

}  // namespace eventwire::codec
