#pragma once

#include <iosfwd>
#include <system_error>

namespace eventwire::state {

// Why a checkpoint could not be loaded or stored. The store's last_error_detail() names the
// file (or server) and the reason.
enum class error {
  invalid_key = 1,   // empty, longer than the limit, or with a control character
  value_too_large,   // a stored or found value passes the store's value limit
  read_failed,       // the checkpoint file exists but could not be read
  write_failed,      // the temporary file could not be created, written or synced
  rename_failed,     // the temporary file could not replace the checkpoint
  directory_failed,  // the directory could not be created, opened or synced
  conflict,          // another instance changed the value since this one read it
  unavailable,       // the key-value store could not be reached or did not answer in time
  lease_lost,        // another instance holds the source's lease now
};

const std::error_category& error_category() noexcept;

inline std::error_code make_error_code(error e) noexcept {
  return {static_cast<int>(e), error_category()};
}

std::ostream& operator<<(std::ostream& os, error e);

}  // namespace eventwire::state

template <>
struct std::is_error_code_enum<eventwire::state::error> : std::true_type {};
