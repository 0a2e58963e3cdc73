#include <eventwire/emulator/take_websocket.hpp>

namespace eventwire::emulator {

net::websocket_stream take_websocket(connection& c, std::size_t read_message_max) {
  net::websocket_stream ws(std::move(c.stream()));
  net::apply_websocket_defaults(ws, read_message_max);
  return ws;
}

}  // namespace eventwire::emulator
