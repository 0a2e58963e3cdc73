#pragma once

#include <eventwire/signalr/hub_message.hpp>

#include <string_view>
#include <system_error>

namespace eventwire::signalr {

// Decodes one record (a complete JSON text, without its 0x1E) into `out` in a single pass over
// the text. Keys may come in any order and unknown keys are ignored; a record with an unknown
// `type` decodes to unknown_message, which the caller skips. The result views `record` and lives
// as long as it. Errors: eventwire::json::error for invalid JSON, signalr::error for a valid
// JSON text that is not a valid hub message; `out` is unspecified after an error.
//
// Arguments are not decoded: each is walked as its exact JSON text, for the handler's own reader:
//   for (std::string_view argument : std::get<invocation>(out).arguments) {
//     json::reader r(argument); ...
//   }
std::error_code decode_hub_message(std::string_view record, hub_message& out);

}  // namespace eventwire::signalr
