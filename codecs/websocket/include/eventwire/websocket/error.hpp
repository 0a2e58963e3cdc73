#pragma once

#include <iosfwd>
#include <system_error>

namespace eventwire::websocket {

// Why a frame or message was refused (RFC 6455 section 5). Codes start at 1; the message size
// limit maps to codec::condition::limit_exceeded, everything else to
// codec::condition::protocol_violation.
enum class error {
  reserved_bits_set = 1,
  unknown_opcode,
  fragmented_control_frame,
  control_frame_too_large,
  masked_frame_from_server,
  unmasked_frame_from_client,
  length_not_minimal,
  length_too_large,
  continuation_without_message,
  data_frame_inside_message,
  message_too_large,
  invalid_utf8,
  close_payload_too_short,
  invalid_close_code,
  invalid_close_reason,
  frame_after_close,
  truncated_frame,
};

const std::error_category& error_category() noexcept;

inline std::error_code make_error_code(error e) noexcept {
  return {static_cast<int>(e), error_category()};
}

std::ostream& operator<<(std::ostream& os, error e);

}  // namespace eventwire::websocket

template <>
struct std::is_error_code_enum<eventwire::websocket::error> : std::true_type {};
