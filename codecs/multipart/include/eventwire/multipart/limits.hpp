#pragma once

#include <cstddef>
#include <cstdint>
#include <iosfwd>

namespace eventwire::multipart {

// What one splitter may hold or accept. Passing any of these is an error code, never more memory.
// Sizes count line ends (CR LF or LF) too.
struct limits {
  std::size_t max_header_block = 16 * 1024;      // one part's header lines, the blank line included
  std::size_t max_header_fields = 100;           // header fields in one part
  std::uint64_t max_body = 16 * 1024 * 1024;     // one part's body
  std::size_t max_line = 16 * 1024;              // one line outside a part: preamble, heartbeat

  friend bool operator==(const limits&, const limits&) = default;
};

std::ostream& operator<<(std::ostream& os, const limits& l);

}  // namespace eventwire::multipart
