#pragma once

#include <iosfwd>
#include <system_error>

namespace eventwire::websdk {

// Why a Web SDK answer could not be decoded or a call could not be built. A decoder that returned
// the code also names the key path where it happened (e.g. `Rsp.Result[2].InstanceID`).
enum class error {
  // Decoding JSON answers and stream parts.
  missing_key = 1,          // a required key is absent
  wrong_type,               // a value has the wrong JSON type (or is not an integer where one is due)
  invalid_timestamp,        // a date-time is not ISO 8601
  duplicate_key,            // a known key appears twice in one object
  invalid_json,             // the text is not JSON; the decoder's json_error() says why
  invalid_dynamic_content,  // an alarm's DynamicContent is not the XML expected
  too_many_elements,        // an array is longer than the decoder's limit
  text_limit_exceeded,      // decoded text (alarm contexts) passes the decoder's limit
  // Building calls.
  invalid_guid,      // an argument that must be a GUID is not one (empty, braces, bad digits)
  invalid_name,      // an entity type, event type or method-level name is empty or not [A-Za-z0-9_]
  invalid_text,      // free text holds a character the call language cannot carry
  invalid_priority,  // an alarm priority outside 1-255
  out_of_range,      // a number (instance id, coordinate, delay, ...) is out of its range
  empty_list,        // a list argument has no element
  query_too_long,    // the built query passes the builder's length limit
  unsupported_combination,  // arguments combined in a way the seed does not show
  // The stream's first line.
  invalid_connection_id,  // not a `ConnectionId:<guid>` line
  // RaiseCustomEvent's multipart/form-data body (see custom_event_payload_reader).
  not_form_data,    // the Content-Type is not multipart/form-data
  missing_payload,  // the form has no part named `payload`
};

const std::error_category& error_category() noexcept;

inline std::error_code make_error_code(error e) noexcept {
  return {static_cast<int>(e), error_category()};
}

std::ostream& operator<<(std::ostream& os, error e);

}  // namespace eventwire::websdk

template <>
struct std::is_error_code_enum<eventwire::websdk::error> : std::true_type {};
