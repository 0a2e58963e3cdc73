#pragma once

#include <iosfwd>
#include <system_error>

namespace eventwire::unity {

// Why a Unity answer (a fetch page, a position, an error answer) could not be decoded. The
// decoder that returned the code also names the key path where it happened
// (e.g. `Notifications[2].UnityAPIEventId`).
enum class error {
  missing_key = 1,         // a required key is absent
  wrong_type,              // a value has the wrong JSON type (or an integer is out of range)
  invalid_timestamp,       // a Timestamp is not an ISO 8601 date-time
  duplicate_key,           // a known key appears twice in one object (in any letter case)
  invalid_json,            // the text is not JSON; the decoder's json_error() says why
  too_many_notifications,  // Notifications is longer than the decoder's limit
  count_mismatch,          // Count is not the number of elements of Notifications
  missing_next_position,   // the page has no NextPosition (absent or null)
  empty_position,          // NextPosition or Position is the empty string
  missing_event_object,    // no member of a notification is named by its EventObjectName
  missing_error_text,      // an error answer has neither `error` nor `Message`
};

const std::error_category& error_category() noexcept;

inline std::error_code make_error_code(error e) noexcept {
  return {static_cast<int>(e), error_category()};
}

std::ostream& operator<<(std::ostream& os, error e);

}  // namespace eventwire::unity

template <>
struct std::is_error_code_enum<eventwire::unity::error> : std::true_type {};
