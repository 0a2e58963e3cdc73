#pragma once

#include <chrono>
#include <string>
#include <string_view>
#include <system_error>

namespace eventwire::state {

// The right of one instance to run a source, so that two instances configured alike never both
// advance its cursor: an instance holds a lease while it renews it within ttl(); a lease not
// renewed in time, or released, can be acquired by another instance. Calls are synchronous and
// short (one key-value round trip); call them from the executor's thread.
class lease_store {
 public:
  virtual ~lease_store() = default;

  // Acquires `name` for this instance when it is free. Sets `acquired`, and `holder` to the
  // instance that holds it when it is not free. Errors: error::unavailable.
  virtual std::error_code try_acquire(std::string_view name, bool& acquired, std::string& holder) = 0;
  // Extends a lease this instance holds. Errors: error::lease_lost (another instance holds it, or
  // it expired and was released), error::unavailable.
  virtual std::error_code renew(std::string_view name) = 0;
  // Frees a lease this instance holds, so another instance takes over at once; nothing when the
  // lease is no longer this instance's.
  virtual std::error_code release(std::string_view name) = 0;

  // How long a lease lasts without renewal.
  virtual std::chrono::milliseconds ttl() const noexcept = 0;
  // One sentence about the last failure for logs; empty after a success.
  virtual const std::string& last_lease_detail() const noexcept = 0;
  // Who this instance is in the holder names (host name and process id unless configured).
  virtual const std::string& instance() const noexcept = 0;

 protected:
  lease_store() = default;
  lease_store(const lease_store&) = delete;
  lease_store& operator=(const lease_store&) = delete;
};

}  // namespace eventwire::state
