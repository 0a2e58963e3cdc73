#pragma once

#include <iosfwd>
#include <system_error>

namespace eventwire::portos {

// Why a Portos notification or subscription payload could not be decoded. The decoder that
// returned the code also names the key path where it happened (e.g. `p.r[2].i`).
enum class error {
  missing_key = 1,    // a required key is absent
  wrong_type,         // a value has the wrong JSON type (or is not an integer where one is due)
  invalid_timestamp,  // `ca` or `ea` is not an ISO 8601 date-time
  unknown_action,     // a resource action other than 1/2/3 (created/updated/deleted)
  duplicate_key,      // a known key appears twice in one object
  invalid_json,       // the text is not JSON; the decoder's json_error() says why
  too_many_elements,  // an array is longer than the decoder's limit
};

const std::error_category& error_category() noexcept;

inline std::error_code make_error_code(error e) noexcept {
  return {static_cast<int>(e), error_category()};
}

std::ostream& operator<<(std::ostream& os, error e);

}  // namespace eventwire::portos

template <>
struct std::is_error_code_enum<eventwire::portos::error> : std::true_type {};
