#pragma once

#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <string>
#include <string_view>
#include <system_error>

namespace eventwire::websocket {

// A control frame payload is at most 125 bytes; a Close payload spends two on its code.
inline constexpr std::size_t max_control_payload = 125;
inline constexpr std::size_t max_close_reason = max_control_payload - 2;

// What a Close frame says (RFC 6455 section 5.5.1). `code` is 0 when the payload is empty.
// `reason` views the frame's payload.
struct close_payload {
  std::uint16_t code = 0;
  std::string_view reason;

  friend bool operator==(const close_payload&, const close_payload&) = default;
};

// Whether an endpoint may send `code` in a Close frame: 1000-1003, 1007-1014 (RFC 6455 and the
// IANA registry), 3000-4999 (libraries, frameworks and applications).
bool is_valid_close_code(std::uint16_t code) noexcept;

// Reads a Close payload: empty, or a valid code and a UTF-8 reason. Errors:
// websocket::error::close_payload_too_short, invalid_close_code, invalid_close_reason.
std::error_code parse_close_payload(std::string_view payload, close_payload& out) noexcept;

// Appends the payload of a Close frame: nothing for code 0, else the code and `reason`.
// Throws std::invalid_argument for a code is_valid_close_code refuses or a reason longer than
// max_close_reason (programming errors; cut the reason first).
void append_close_payload(std::string& out, const close_payload& close);

// The Close code that tells a peer why its bytes fail the connection (RFC 6455 section 7.4.1):
// 1009 for a message over the limit, 1007 for text that is not UTF-8, 1002 for the rest.
std::uint16_t close_code_for(std::error_code decode_error) noexcept;

std::ostream& operator<<(std::ostream& os, const close_payload& c);

}  // namespace eventwire::websocket
