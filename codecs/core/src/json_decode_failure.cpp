#include <eventwire/json/error.hpp>
#include <eventwire/json/decode_failure.hpp>

namespace eventwire::json {

void key_path::render(std::string& out) const {
  if (!parent_) return;
  parent_->render(out);
  if (is_element_) {
    out += '[';
    out += std::to_string(index_);
    out += ']';
    return;
  }
  if (parent_->parent_) out += '.';
  out += key_.empty() ? std::string_view("\"\"") : key_;
}

void decode_failure::clear() noexcept {
  code_.clear();
  json_.clear();
  path_.clear();
  offset_ = 0;
}

bool decode_failure::set(std::error_code code, const key_path& at, std::size_t offset, std::error_code json) {
  if (code_) return false;
  code_ = code;
  json_ = json;
  offset_ = offset;
  path_.clear();
  at.render(path_);
  return false;
}

bool decode_failure::set_from_json(std::error_code json_code, const key_path& at, std::size_t offset,
                                   std::error_code wrong_type, std::error_code invalid_json) {
  using json::error;
  const bool type_error =
      json_code == error::expected_object || json_code == error::expected_array ||
      json_code == error::expected_string || json_code == error::expected_number ||
      json_code == error::expected_boolean || json_code == error::number_out_of_range;
  return set(type_error ? wrong_type : invalid_json, at, offset, json_code);
}

std::string decode_failure::describe() const {
  if (!code_) return "no error";
  std::string text = code_.message();
  text += " at ";
  text += path_.empty() ? std::string_view("the document") : std::string_view(path_);
  if (json_) {
    text += " (";
    text += json_.message();
    text += ')';
  }
  text += " at offset ";
  text += std::to_string(offset_);
  return text;
}

}  // namespace eventwire::json
