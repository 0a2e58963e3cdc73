#pragma once

#include <iosfwd>
#include <system_error>

namespace eventwire::codec {

// The conditions every codec's error codes map to, so a session can react to "the peer broke
// the protocol" or "a limit was passed" without knowing which codec said it.
enum class condition {
  protocol_violation = 1,
  limit_exceeded,
};

const std::error_category& condition_category() noexcept;

std::ostream& operator<<(std::ostream& os, condition c);

inline std::error_condition make_error_condition(condition c) noexcept {
  return {static_cast<int>(c), condition_category()};
}

}  // namespace eventwire::codec

template <>
struct std::is_error_condition_enum<eventwire::codec::condition> : std::true_type {};
