#pragma once

#include <eventwire/json/raw_string.hpp>
#include <eventwire/signalr/raw_views.hpp>

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string_view>
#include <system_error>
#include <variant>
#include <vector>

namespace eventwire::signalr {

// The answer to POST {base}/negotiate, decoded from its complete JSON body. Every string and
// view in it points into that body and lives as long as it.

struct transport_offer {
  json::raw_string transport;       // "WebSockets", "ServerSentEvents", "LongPolling"
  string_list transfer_formats;     // "Text", "Binary"
};

// The server accepted: connect with `connection_token` as the `id` query parameter.
struct connection_offer {
  std::int64_t negotiate_version = 0;
  json::raw_string connection_id;
  json::raw_string connection_token;  // version 0 has none: the connectionId serves as the token
  std::vector<transport_offer> transports;  // in the server's order of preference
  bool use_stateful_reconnect = false;
};

// Negotiate again at `url`, with `access_token` as the Bearer token from then on if given.
struct negotiate_redirect {
  json::raw_string url;
  std::optional<json::raw_string> access_token;
};

// The server refused: `message` is its reason.
struct negotiate_failure {
  json::raw_string message;
};

using negotiate_response = std::variant<connection_offer, negotiate_redirect, negotiate_failure>;

// Decodes a negotiate response body; unknown properties are ignored. Returns an error for invalid
// JSON (json::error), for a classic ASP.NET SignalR server ("ProtocolVersion"), for a malformed
// response, and error::negotiate_rejected for {"error": ...}, in which case `out` holds the
// negotiate_failure with the server's text.
std::error_code decode_negotiate_response(std::string_view body, negotiate_response& out);

// Whether the offer includes WebSockets with the Text transfer format (what the JSON protocol
// needs over WebSockets).
bool offers_websockets_text(const connection_offer& offer);

std::ostream& operator<<(std::ostream& os, const connection_offer& offer);
std::ostream& operator<<(std::ostream& os, const negotiate_redirect& redirect);
std::ostream& operator<<(std::ostream& os, const negotiate_failure& failure);
std::ostream& operator<<(std::ostream& os, const negotiate_response& response);

}  // namespace eventwire::signalr
