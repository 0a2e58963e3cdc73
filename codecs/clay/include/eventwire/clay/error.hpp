#pragma once

#include <iosfwd>
#include <system_error>

namespace eventwire::clay {

// Why a `ReceiveMessage` argument could not be decoded. The first three concern the argument
// (the outer JSON string), the rest the message inside it; error_offset() counts in the text the
// code concerns: the argument's, or the unescaped message's.
enum class error {
  invalid_argument_json = 1,  // the argument is not JSON; json_error() says why
  argument_not_string,        // the argument is JSON but not a string
  message_too_large,          // the unescaped message is longer than max_message_size
  invalid_message_json,       // the message is not JSON; json_error() says why
  message_not_object,         // the message is JSON but not an object
  wrong_type,                 // a known field has the wrong JSON type
  invalid_timestamp,          // the time field is not an ISO 8601 date-time
  duplicate_key,              // a known key appears twice (keys match in any case)
};

const std::error_category& error_category() noexcept;

inline std::error_code make_error_code(error e) noexcept {
  return {static_cast<int>(e), error_category()};
}

std::ostream& operator<<(std::ostream& os, error e);

}  // namespace eventwire::clay

template <>
struct std::is_error_code_enum<eventwire::clay::error> : std::true_type {};
