#pragma once

#include <system_error>

namespace eventwire::signalr {

// Everything the SignalR codec can find wrong. The two size limits map to
// codec::condition::limit_exceeded, everything else to codec::condition::protocol_violation.
// Invalid JSON is reported with eventwire::json::error codes, which map to the same conditions.
enum class error {
  // record framing
  record_too_large = 1,
  record_incomplete,
  // handshake
  handshake_too_large,
  handshake_incomplete,
  handshake_not_a_response,
  handshake_rejected,
  handshake_error_not_string,
  // hub messages
  missing_type,
  type_not_integer,
  missing_target,
  target_not_string,
  missing_arguments,
  arguments_not_array,
  invocation_id_not_string,
  stream_ids_not_strings,
  headers_not_strings,
  stream_invocation_without_id,
  stream_item_without_id,
  stream_item_without_item,
  completion_without_id,
  result_and_error,
  cancel_invocation_without_id,
  error_not_string,
  allow_reconnect_not_boolean,
  sequence_id_not_integer,
  ack_without_sequence_id,
  sequence_without_sequence_id,
  // negotiate
  negotiate_rejected,
  negotiate_classic_signalr,
  negotiate_without_connection_id,
  negotiate_without_connection_token,
  negotiate_property_wrong_type,
  negotiate_transports_malformed,
};

const std::error_category& error_category() noexcept;

inline std::error_code make_error_code(error e) noexcept {
  return {static_cast<int>(e), error_category()};
}

}  // namespace eventwire::signalr

template <>
struct std::is_error_code_enum<eventwire::signalr::error> : std::true_type {};
