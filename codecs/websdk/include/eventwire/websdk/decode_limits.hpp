#pragma once

#include <eventwire/json/reader.hpp>

#include <cstddef>

namespace eventwire::websdk {

// The bounds every Web SDK decoder keeps; passing one is an error code, never more memory.
struct decode_limits {
  std::size_t max_elements = 4096;  // elements of any one array (entities, alarms, events...)
  std::size_t max_text_bytes = std::size_t{1} << 20;  // decoded text kept per decode (contexts)
  std::size_t max_depth = json::reader::default_max_depth;
};

}  // namespace eventwire::websdk
