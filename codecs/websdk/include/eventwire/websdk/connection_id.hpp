#pragma once

#include <string_view>
#include <system_error>

namespace eventwire::websdk {

// The stream's connection id, needed to close it (`POST /events/closeconnection/{id}`). The seed
// shows it as a response header (`ConnectionId: f810a565-...`); Genetec's sample client reads it
// from a first body line `ConnectionId:<guid>` (which the multipart splitter leaves as preamble).
// Both forms are read here: `ConnectionId:`, optional spaces or tabs, a GUID, optional trailing
// whitespace (a CR included). The name is matched without regard to case, as header names are.
// On success `id` views the GUID inside `line`.
std::error_code parse_connection_id_line(std::string_view line, std::string_view& id);

// The value of a ConnectionId header: a GUID, surrounding spaces or tabs allowed.
std::error_code parse_connection_id_value(std::string_view value, std::string_view& id);

}  // namespace eventwire::websdk
