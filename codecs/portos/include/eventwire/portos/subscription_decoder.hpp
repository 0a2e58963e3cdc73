#pragma once

#include <eventwire/json/reader.hpp>
#include <eventwire/portos/detail/decode_failure.hpp>
#include <eventwire/portos/subscription.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <system_error>

namespace eventwire::portos {

// Reads a Subscribe/Unsubscribe payload (what a client sends; the emulator's side). The result
// owns its strings (decoded); decoding into the same `subscription` again reuses its storage.
//
// Keys: e required; r optional (absent, null or []); r[k].n required; r[k].a optional (absent,
// null or []), each action a name (created, updated, deleted) or its number (1, 2, 3). Unknown
// keys are skipped, a known key given twice is an error, and error_path() names where an error
// happened (`r[1].a[0]`; empty for the document itself).
class subscription_decoder {
 public:
  struct limits {
    std::size_t max_resources = 256;  // elements of r
    std::size_t max_actions = 16;     // elements of each r[k].a
    std::size_t max_depth = json::reader::default_max_depth;
  };

  subscription_decoder() = default;
  explicit subscription_decoder(const limits& l) : limits_(l) {}

  // Decodes `json` (surrounding whitespace allowed, nothing else) into `out`; after an error
  // `out` holds what was read before it and should not be used.
  std::error_code decode(std::string_view json, subscription& out);

  std::string_view error_path() const noexcept { return failure_.path(); }
  std::error_code json_error() const noexcept { return failure_.json_error(); }
  std::size_t error_offset() const noexcept { return failure_.offset(); }
  std::string describe_error() const { return failure_.describe(); }

  const limits& configured_limits() const noexcept { return limits_; }

 private:
  limits limits_;
  std::string key_scratch_;
  std::string value_scratch_;
  detail::decode_failure failure_;
};

}  // namespace eventwire::portos
