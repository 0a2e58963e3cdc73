#include <eventwire/clay/detail/decode_failure.hpp>
#include <eventwire/json/error.hpp>

namespace eventwire::clay::detail {

void decode_failure::clear() noexcept {
  code_.clear();
  json_.clear();
  key_.clear();
  offset_ = 0;
}

std::error_code decode_failure::set(error code, std::string_view key, std::size_t offset,
                                    std::error_code json) {
  if (code_) return code_;
  code_ = code;
  json_ = json;
  key_.assign(key);
  offset_ = offset;
  return code_;
}

std::error_code decode_failure::set_from_json(std::error_code json_code, std::string_view key,
                                              std::size_t offset) {
  using json::error;
  const bool type_error =
      json_code == error::expected_object || json_code == error::expected_array ||
      json_code == error::expected_string || json_code == error::expected_number ||
      json_code == error::expected_boolean || json_code == error::number_out_of_range;
  return set(type_error ? clay::error::wrong_type : clay::error::invalid_message_json, key, offset,
             json_code);
}

std::error_code decode_failure::replace_with_invalid_json(std::error_code json_code,
                                                          std::size_t offset) {
  code_ = clay::error::invalid_message_json;
  json_ = json_code;
  key_.clear();
  offset_ = offset;
  return code_;
}

std::string decode_failure::describe() const {
  if (!code_) return "no error";
  std::string text = code_.message();
  if (!key_.empty()) text += " at \"" + key_ + '"';
  if (json_) {
    text += " (";
    text += json_.message();
    text += ')';
  }
  text += " at offset ";
  text += std::to_string(offset_);
  return text;
}

}  // namespace eventwire::clay::detail
