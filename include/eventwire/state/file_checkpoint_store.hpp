#pragma once

#include <eventwire/state/checkpoint_store.hpp>

#include <cstddef>
#include <cstdint>
#include <filesystem>

namespace eventwire::state {

struct file_checkpoint_options {
  std::filesystem::path directory = "state";  // created (with its parents) on first store
  std::size_t max_value_size = 64 * 1024;     // larger values are refused (value_too_large)
  std::size_t max_key_size = 200;             // bytes of the key before encoding
  bool sync = true;                           // fsync file and directory (off only in benchmarks)
};

// The embedded default: one file per key in one directory. The file name is the key with every
// byte outside [A-Za-z0-9._-] written as %XX ("webroot/position" -> "webroot%2Fposition"), and
// the file holds the value exactly. A store writes "<name>.tmp", fsyncs it, renames it over
// "<name>" and fsyncs the directory, so the old or the new value survives any crash; a stale
// .tmp left by a crash is ignored and overwritten.
class file_checkpoint_store final : public checkpoint_store {
 public:
  explicit file_checkpoint_store(file_checkpoint_options options = {});

  std::error_code load(std::string_view key, std::optional<std::string>& value) override;
  std::error_code store(std::string_view key, std::string_view value) override;

  // The file that holds `key` (whether or not it exists).
  std::filesystem::path path_of(std::string_view key) const;
  const file_checkpoint_options& options() const noexcept { return options_; }
  std::uint64_t stores() const noexcept { return stores_; }

 private:
  std::error_code check_key(std::string_view key);

  file_checkpoint_options options_;
  std::uint64_t stores_ = 0;
};

// The file name for a key, as above.
std::string checkpoint_file_name(std::string_view key);

}  // namespace eventwire::state
