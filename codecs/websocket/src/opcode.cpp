#include <eventwire/websocket/opcode.hpp>

#include <ostream>

namespace eventwire::websocket {

std::ostream& operator<<(std::ostream& os, opcode op) {
  switch (op) {
    case opcode::continuation: return os << "continuation";
    case opcode::text: return os << "text";
    case opcode::binary: return os << "binary";
    case opcode::close: return os << "close";
    case opcode::ping: return os << "ping";
    case opcode::pong: return os << "pong";
  }
  return os << "opcode(" << static_cast<int>(op) << ')';
}

}  // namespace eventwire::websocket
