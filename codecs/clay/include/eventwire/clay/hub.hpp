#pragma once

#include <cstdint>
#include <iosfwd>
#include <string_view>

namespace eventwire::clay {

// The two Clay streaming hubs (`/hub/incident`, `/hub/entry`). A message does not say which
// kind it is; the hub the connection was opened on does.
enum class hub : std::uint8_t {
  incident,
  entry,
};

// "incident" or "entry", the hub path's last segment.
std::string_view hub_name(hub h) noexcept;

// Reads "incident" or "entry" (exactly); false for anything else.
bool parse_hub_name(std::string_view name, hub& out) noexcept;

std::ostream& operator<<(std::ostream& os, hub h);

}  // namespace eventwire::clay
