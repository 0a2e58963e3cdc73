#pragma once

#include <eventwire/net/stream.hpp>

#include <boost/beast/websocket/stream.hpp>

#include <cstddef>

namespace eventwire::net {

// A Beast WebSocket over TCP or TLS: what the emulators serve (websocket_client has its own
// frame codec, codecs/websocket).
using websocket_stream = boost::beast::websocket::stream<stream>;

// The settings every eventwire WebSocket uses, client or server: whole messages are written as
// one frame (Beast's default auto_fragment(true) costs a sender about 4x in throughput),
// permessage-deflate is off, a received message may be at most `read_message_max` bytes, and
// the transport reads ahead up to 64 KiB while messages arrive in bursts.
void apply_websocket_defaults(websocket_stream& ws, std::size_t read_message_max);

}  // namespace eventwire::net
