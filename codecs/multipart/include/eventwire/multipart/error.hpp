#pragma once

#include <iosfwd>
#include <system_error>

namespace eventwire::multipart {

// Why a Content-Type or a multipart body was refused. Codes start at 1; every one maps to
// codec::condition::protocol_violation or codec::condition::limit_exceeded.
enum class error {
  not_multipart = 1,
  missing_boundary,
  invalid_boundary,
  header_block_too_large,
  too_many_header_fields,
  invalid_content_length,
  body_too_large,
  line_too_long,
  body_shorter_than_content_length,
  data_after_body,
  truncated_part,
};

const std::error_category& error_category() noexcept;

inline std::error_code make_error_code(error e) noexcept {
  return {static_cast<int>(e), error_category()};
}

std::ostream& operator<<(std::ostream& os, error e);

}  // namespace eventwire::multipart

template <>
struct std::is_error_code_enum<eventwire::multipart::error> : std::true_type {};
