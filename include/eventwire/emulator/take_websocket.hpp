#pragma once

#include <eventwire/emulator/server.hpp>
#include <eventwire/net/websocket_stream.hpp>

#include <cstddef>

namespace eventwire::emulator {

// Takes the connection over as a WebSocket: moves its transport into a stream set up with
// net::apply_websocket_defaults. The handler then accepts the upgrade request with
// `co_await ws.async_accept(req, ...)` (or refuses it by returning a response instead of
// calling this) and returns std::nullopt when its session ends.
net::websocket_stream take_websocket(connection& c, std::size_t read_message_max = 1024 * 1024);

}  // namespace eventwire::emulator
