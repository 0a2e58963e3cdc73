#include <eventwire/net/websocket_stream.hpp>

namespace eventwire::net {

void apply_websocket_defaults(websocket_stream& ws, std::size_t read_message_max) {
  namespace websocket = boost::beast::websocket;
  ws.auto_fragment(false);
  ws.read_message_max(read_message_max);
  websocket::permessage_deflate no_deflate;
  no_deflate.client_enable = false;
  no_deflate.server_enable = false;
  ws.set_option(no_deflate);
  ws.next_layer().enable_read_ahead(64 * 1024);
}

}  // namespace eventwire::net
