#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <system_error>

namespace eventwire::state {

// Where a source keeps its cursor between runs. A key names a source and a purpose
// ("webroot/position"); a value is a small string (a Unity NextPosition). store() returns only
// once the value is durable: after a crash, even kill -9 or a power loss, load() returns either
// the value before the store or the stored one, never a mix. Calls are synchronous and short
// (one small file or one key-value put); call them from the executor's thread.
class checkpoint_store {
 public:
  virtual ~checkpoint_store() = default;

  // The stored value, std::nullopt when there is none, or an error (state::error).
  virtual std::error_code load(std::string_view key, std::optional<std::string>& value) = 0;
  // Replaces the value of `key` durably.
  virtual std::error_code store(std::string_view key, std::string_view value) = 0;

  // One sentence about the last failure for logs (the file and the system's reason); empty
  // after a success.
  const std::string& last_error_detail() const noexcept { return detail_; }

 protected:
  checkpoint_store() = default;
  checkpoint_store(const checkpoint_store&) = delete;
  checkpoint_store& operator=(const checkpoint_store&) = delete;

  void set_error_detail(std::string detail) { detail_ = std::move(detail); }

 private:
  std::string detail_;
};

}  // namespace eventwire::state
