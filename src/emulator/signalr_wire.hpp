#pragma once

// The server side of the SignalR texts that the codec (a client's codec) does not write or read:
// the handshake request's decoding, the handshake response and the negotiate response.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace eventwire::emulator::detail {

// What a client asked for in its handshake request.
struct handshake_request {
  std::string protocol;
  std::int64_t version = -1;
};

// Decodes the first record of a connection (without its 0x1E). Unknown keys are ignored.
// Returns the error text the hub answers with when the request is malformed.
std::optional<std::string> decode_handshake_request(std::string_view record, handshake_request& out);

// The hub's judgement of a well-formed request: std::nullopt to accept it, or the error text.
std::optional<std::string> judge_handshake_request(const handshake_request& request,
                                                   std::int64_t max_version);

// {} + 0x1E, or {"error":"..."} + 0x1E.
void append_handshake_response(std::string& out, std::optional<std::string_view> error = std::nullopt);

// The answer to POST {path}/negotiate. Version 0 carries no connectionToken (the client uses
// the connectionId); every version offers WebSockets with Text and Binary.
void append_negotiate_response(std::string& out, int negotiate_version,
                               std::string_view connection_id, std::string_view connection_token);

// An invocation record whose arguments are given as one JSON array text (the codec's encoder
// takes them one by one), with an invocationId when `invocation_id` is not empty.
void append_invocation_record(std::string& out, std::string_view invocation_id,
                              std::string_view target, std::string_view arguments_json);

// Whether `text` is one valid JSON array.
bool is_json_array(std::string_view text);

}  // namespace eventwire::emulator::detail
