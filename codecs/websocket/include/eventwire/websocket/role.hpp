#pragma once

namespace eventwire::websocket {

// Which end of the connection a codec serves. A client sends masked frames and receives
// unmasked ones; a server the other way round (RFC 6455 section 5.1).
enum class role : unsigned char { client, server };

}  // namespace eventwire::websocket
