#pragma once

#include <eventwire/json/reader.hpp>
#include <eventwire/unity/api_error.hpp>
#include <eventwire/unity/detail/decode_failure.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <system_error>

namespace eventwire::unity {

// Decodes an error answer (see api_error.hpp; its shape is inferred). Every key is optional and
// may be null, but `error` or `Message` must be a string; keys match ignoring ASCII case, unknown
// keys are skipped, a known key given twice is an error.
class api_error_decoder {
 public:
  struct limits {
    std::size_t max_depth = json::reader::default_max_depth;
  };

  api_error_decoder() = default;
  explicit api_error_decoder(const limits& l) : limits_(l) {}

  std::error_code decode(std::string_view body, api_error& out);

  std::string_view error_path() const noexcept { return failure_.path(); }
  std::error_code json_error() const noexcept { return failure_.json_error(); }
  std::size_t error_offset() const noexcept { return failure_.offset(); }
  std::string describe_error() const { return failure_.describe(); }

 private:
  limits limits_;
  std::string key_scratch_;
  detail::decode_failure failure_;
};

}  // namespace eventwire::unity
