#pragma once

#include <eventwire/multipart/header_field.hpp>

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <span>
#include <string_view>

namespace eventwire::multipart {

// The line Genetec's Web SDK sends between parts to keep an idle stream alive; the splitter
// matches it without regard to case, as Genetec's own sample client does.
inline constexpr std::string_view heartbeat_line = "KeepAlive";

enum class event_kind : unsigned char {
  part_begin,  // a part's header block was read: headers, content_length
  body,        // some bytes of the current part's body, in order: bytes
  part_end,    // the current part is complete
  heartbeat,   // a heartbeat line outside any part: bytes is the line
  close,       // the close delimiter: the stream is over, later bytes are ignored
};

struct event {
  event_kind kind = event_kind::close;
  std::span<const header_field> headers;        // part_begin only
  std::optional<std::uint64_t> content_length;  // part_begin only, when the part declared one
  std::string_view bytes;                       // body and heartbeat only
};

std::ostream& operator<<(std::ostream& os, event_kind k);
std::ostream& operator<<(std::ostream& os, const event& e);

}  // namespace eventwire::multipart
