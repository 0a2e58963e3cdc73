#include <eventwire/websocket/close_payload.hpp>

#include <eventwire/websocket/error.hpp>
#include <eventwire/websocket/utf8_validator.hpp>

#include <ostream>
#include <stdexcept>

namespace eventwire::websocket {

bool is_valid_close_code(std::uint16_t code) noexcept {
  return (code >= 1000 && code <= 1003) || (code >= 1007 && code <= 1014) ||
         (code >= 3000 && code <= 4999);
}

std::error_code parse_close_payload(std::string_view payload, close_payload& out) noexcept {
  out = {};
  if (payload.empty()) return {};
  if (payload.size() == 1) return error::close_payload_too_short;
  const auto code = static_cast<std::uint16_t>(static_cast<std::uint8_t>(payload[0]) << 8 |
                                               static_cast<std::uint8_t>(payload[1]));
  if (!is_valid_close_code(code)) return error::invalid_close_code;
  const std::string_view reason = payload.substr(2);
  if (!is_valid_utf8(reason)) return error::invalid_close_reason;
  out = {code, reason};
  return {};
}

void append_close_payload(std::string& out, const close_payload& close) {
  if (close.code == 0) return;
  if (!is_valid_close_code(close.code))
    throw std::invalid_argument("append_close_payload: " + std::to_string(close.code) +
                                " is not a close code an endpoint may send");
  if (close.reason.size() > max_close_reason)
    throw std::invalid_argument("append_close_payload: reason longer than 123 bytes");
  out += static_cast<char>(close.code >> 8);
  out += static_cast<char>(close.code & 0xff);
  out += close.reason;
}

std::uint16_t close_code_for(std::error_code decode_error) noexcept {
  constexpr std::uint16_t protocol_error = 1002, invalid_data = 1007, too_big = 1009;
  if (decode_error == error::message_too_large) return too_big;
  if (decode_error == error::invalid_utf8 || decode_error == error::invalid_close_reason) return invalid_data;
  return protocol_error;
}

std::ostream& operator<<(std::ostream& os, const close_payload& c) {
  return os << "close " << c.code << " \"" << c.reason << '"';
}

}  // namespace eventwire::websocket
