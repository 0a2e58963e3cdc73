#pragma once

#include <eventwire/json/raw_string.hpp>
#include <eventwire/json/reader.hpp>
#include <eventwire/unity/detail/decode_failure.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <system_error>

namespace eventwire::unity {

// Decodes the answer to the position call (Unity's GeneratePositionResponseModel, from the
// vendor's API page; the seed names the call but not its answer): an object whose `Position` is
// the first position to fetch from, a non-empty string. Unknown keys are skipped; the key is
// matched ignoring ASCII case. The position views the answer's text.
class position_decoder {
 public:
  struct limits {
    std::size_t max_depth = json::reader::default_max_depth;
  };

  position_decoder() = default;
  explicit position_decoder(const limits& l) : limits_(l) {}

  std::error_code decode(std::string_view body, json::raw_string& position);

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
