#pragma once

#include <iosfwd>
#include <system_error>

namespace eventwire::missioncontrol {

// Why an IncidentNotification argument or a WebToken answer could not be decoded. The decoder
// that returned the code also names the key (error_key()) and the offset where it happened.
enum class error {
  missing_key = 1,        // a required key is absent, null or (for the type) empty
  wrong_type,             // a value has the wrong JSON type, or the document is not an object
  invalid_timestamp,      // a date-time is not ISO 8601
  duplicate_key,          // a known key appears twice in the object (keys match in any case)
  invalid_json,           // the text is not JSON; the decoder's json_error() says why
  empty_token,            // the WebToken answer's Token is an empty string
  validity_out_of_range,  // MillisecondsValid is negative or beyond int32
};

const std::error_category& error_category() noexcept;

inline std::error_code make_error_code(error e) noexcept {
  return {static_cast<int>(e), error_category()};
}

std::ostream& operator<<(std::ostream& os, error e);

}  // namespace eventwire::missioncontrol

template <>
struct std::is_error_code_enum<eventwire::missioncontrol::error> : std::true_type {};
