#pragma once

#include <eventwire/json/decode_failure.hpp>
#include <eventwire/unity/detail/key_path.hpp>
#include <eventwire/unity/error.hpp>

#include <cstddef>
#include <system_error>

namespace eventwire::unity::detail {

// json::decode_failure with this codec's error codes.
class decode_failure : public json::decode_failure {
 public:
  bool set(error code, const key_path& at, std::size_t offset, std::error_code json = {}) {
    return json::decode_failure::set(code, at, offset, json);
  }
  bool set_from_json(std::error_code json_code, const key_path& at, std::size_t offset) {
    return json::decode_failure::set_from_json(json_code, at, offset, error::wrong_type, error::invalid_json);
  }
};

}  // namespace eventwire::unity::detail
