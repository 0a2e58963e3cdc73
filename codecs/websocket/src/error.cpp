#include <eventwire/websocket/error.hpp>

#include <eventwire/codec/error_table.hpp>

#include <ostream>

namespace eventwire::websocket {
namespace {

using codec::condition;

// Entry i describes error code i + 1; keep the order of enum class error.
constexpr codec::error_entry table[] = {
    {"WebSocket frame has a reserved bit set (no extension was negotiated)",
     condition::protocol_violation},
    {"WebSocket frame has an unknown opcode", condition::protocol_violation},
    {"WebSocket control frame is fragmented (FIN not set)", condition::protocol_violation},
    {"WebSocket control frame payload is longer than 125 bytes", condition::protocol_violation},
    {"WebSocket frame from the server is masked", condition::protocol_violation},
    {"WebSocket frame from the client is not masked", condition::protocol_violation},
    {"WebSocket frame length is not in its shortest form", condition::protocol_violation},
    {"WebSocket frame length has its most significant bit set", condition::protocol_violation},
    {"WebSocket continuation frame without a fragmented message", condition::protocol_violation},
    {"WebSocket data frame inside a fragmented message", condition::protocol_violation},
    {"WebSocket message exceeds the maximum message size", condition::limit_exceeded},
    {"WebSocket text message is not valid UTF-8", condition::protocol_violation},
    {"WebSocket Close payload of one byte (a code takes two)", condition::protocol_violation},
    {"WebSocket Close code is not one an endpoint may send", condition::protocol_violation},
    {"WebSocket Close reason is not valid UTF-8", condition::protocol_violation},
    {"WebSocket frame after a Close frame", condition::protocol_violation},
    {"WebSocket input ended inside a frame or a fragmented message",
     condition::protocol_violation},
};

}  // namespace

const std::error_category& error_category() noexcept {
  static const codec::table_category category("eventwire.websocket", table);
  return category;
}

std::ostream& operator<<(std::ostream& os, error e) { return os << make_error_code(e).message(); }

}  // namespace eventwire::websocket
