#pragma once

#include <eventwire/json/reader.hpp>
#include <eventwire/portos/detail/decode_failure.hpp>
#include <eventwire/portos/notification.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

namespace eventwire::portos {

// Decodes one Portos notification: a complete JSON value (the argument of the SignalR `OnEvent`
// invocation, handed over as its raw JSON text) in one pass, without copying strings. The result
// views the text and this decoder's storage; see notification.hpp for how long it lives.
//
// Keys, after the seed (a type marked `?` is optional, every other key is required):
//   notification  e, s, ca, p required; r, ea optional (absent or null)
//   s             c, u required;  s.u: u, d required, f optional
//   p             (portos.resources.changed) u, n, a, i, r required (r may be empty)
//   p.u           u, d required, f optional
//   p.i, p.r[k]   i, n required, v optional (an integer)
// Other events' `p` may be any JSON value and is kept as text only. Keys may come in any order
// (a `p` seen before `e` is decoded once `e` is known); unknown keys are skipped at every level;
// a known key given twice is an error. On error, decode() returns the code and error_path()
// names the key (`s.u.u`, `p.r[2].i`; empty for the document itself).
//
// Steady-state decoding does not allocate: the affected-resources storage is reused.
class notification_decoder {
 public:
  struct limits {
    std::size_t max_affected_resources = 1024;  // elements of p.r
    std::size_t max_depth = json::reader::default_max_depth;
  };

  notification_decoder() = default;
  explicit notification_decoder(const limits& l) : limits_(l) {}

  // Decodes `json` (surrounding whitespace allowed, nothing else) into `out`; after an error
  // `out` holds what was read before it and should not be used.
  std::error_code decode(std::string_view json, notification& out);

  // About the last decode's error (empty / no error after a success).
  std::string_view error_path() const noexcept { return failure_.path(); }
  // The JSON reader's error behind an invalid_json or wrong_type error.
  std::error_code json_error() const noexcept { return failure_.json_error(); }
  // Offset into the input where the error was found.
  std::size_t error_offset() const noexcept { return failure_.offset(); }
  // "<message> at <path> (<JSON error>) at offset N", for logs.
  std::string describe_error() const { return failure_.describe(); }

  const limits& configured_limits() const noexcept { return limits_; }

 private:
  limits limits_;
  std::vector<resource_info> affected_;
  std::string key_scratch_;
  std::string value_scratch_;
  detail::decode_failure failure_;
};

}  // namespace eventwire::portos
