#pragma once

#include <cstdint>
#include <iosfwd>

namespace eventwire::signalr {

// Where a hub_connection is in its life, as the official clients name it.
enum class connection_state : std::uint8_t {
  disconnected,   // not started, stopped, or closed for good
  connecting,     // the first start: negotiate, WebSocket, handshake
  connected,
  reconnecting,   // lost; the reconnect policy runs
  disconnecting,  // stop() is closing the connection
};

const char* to_string(connection_state s) noexcept;
std::ostream& operator<<(std::ostream& os, connection_state s);

}  // namespace eventwire::signalr
