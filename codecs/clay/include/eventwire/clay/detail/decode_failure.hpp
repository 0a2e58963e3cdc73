#pragma once

#include <eventwire/clay/error.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <system_error>

namespace eventwire::clay::detail {

// The first error of one decode: its code, the message key it concerns (empty for the argument
// or the message itself), the JSON reader's error behind it and the offset.
class decode_failure {
 public:
  void clear() noexcept;

  // Records `code` unless an error is recorded already; returns the recorded code.
  std::error_code set(error code, std::string_view key, std::size_t offset, std::error_code json = {});

  // Records a JSON reader error found inside the message: a value of another type (or an
  // integer out of range) is wrong_type, anything else invalid_message_json.
  std::error_code set_from_json(std::error_code json_code, std::string_view key, std::size_t offset);

  // Called after an error other than invalid JSON once a second reader has found the text
  // invalid further on: the text's invalidity takes precedence, so that every other error is
  // about valid JSON. Returns the new code.
  std::error_code replace_with_invalid_json(std::error_code json_code, std::size_t offset);

  std::error_code code() const noexcept { return code_; }
  std::error_code json_error() const noexcept { return json_; }
  std::string_view key() const noexcept { return key_; }
  std::size_t offset() const noexcept { return offset_; }

  // "<message>[ at "<key>"][ (<JSON message>)] at offset N", or "no error".
  std::string describe() const;

 private:
  std::error_code code_;
  std::error_code json_;
  std::string key_;
  std::size_t offset_ = 0;
};

}  // namespace eventwire::clay::detail
