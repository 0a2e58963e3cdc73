#pragma once

#include <eventwire/codec/condition.hpp>

#include <iosfwd>
#include <system_error>

namespace eventwire::json {

enum class error {
  unexpected_end = 1,
  unexpected_character,
  control_character_in_string,
  invalid_escape,
  invalid_utf8,
  invalid_number,
  number_out_of_range,
  depth_exceeded,
  trailing_data,
  expected_object,
  expected_array,
  expected_string,
  expected_number,
  expected_boolean,
};

const std::error_category& error_category() noexcept;

std::ostream& operator<<(std::ostream& os, error e);

inline std::error_code make_error_code(error e) noexcept {
  return {static_cast<int>(e), error_category()};
}

}  // namespace eventwire::json

template <>
struct std::is_error_code_enum<eventwire::json::error> : std::true_type {};
