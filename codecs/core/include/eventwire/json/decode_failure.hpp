#pragma once

#include <eventwire/json/key_path.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <system_error>

namespace eventwire::json {

// The first error of one whole-value decode: its code, the key path, the JSON reader's error
// behind it (for invalid JSON and most wrong types) and the byte offset in the input. Each codec
// wraps it with its own error enum (see portos/detail/decode_failure.hpp).
class decode_failure {
 public:
  void clear() noexcept;

  // Records `code` at `at` unless an error is recorded already; returns false for the caller to
  // pass on.
  bool set(std::error_code code, const key_path& at, std::size_t offset, std::error_code json = {});

  // Records the JSON reader's error `json_code` found at `at`: a value of another type (or an
  // integer out of range) as `wrong_type`, anything else as `invalid_json`.
  bool set_from_json(std::error_code json_code, const key_path& at, std::size_t offset, std::error_code wrong_type,
                     std::error_code invalid_json);

  std::error_code code() const noexcept { return code_; }
  std::error_code json_error() const noexcept { return json_; }
  std::string_view path() const noexcept { return path_; }
  std::size_t offset() const noexcept { return offset_; }

  // "<message> at <path>[ (<JSON message>)] at offset N", for logs.
  std::string describe() const;

 private:
  std::error_code code_;
  std::error_code json_;
  std::string path_;
  std::size_t offset_ = 0;
};

}  // namespace eventwire::json
