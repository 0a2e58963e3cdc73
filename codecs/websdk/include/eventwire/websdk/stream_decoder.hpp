#pragma once

#include <eventwire/websdk/decode_limits.hpp>
#include <eventwire/websdk/detail/decode_failure.hpp>
#include <eventwire/websdk/stream_message.hpp>

#include <string>
#include <string_view>
#include <system_error>
#include <vector>

namespace eventwire::websdk {

// Decodes one `text/json` part of the event stream (the body the multipart part_assembler hands
// out) in one pass, without copying strings. The result views the text and this decoder's
// storage; see stream_message.hpp for how long it lives.
//
// Rsp and Rsp.Status are required; Status other than "Ok" (any case) gives a `failure`. For a
// success, Result decides the alternative: AlarmTriggered first, then AlarmAcknowledge (as
// Genetec's sample client checks them), then an event (EventType or Event present), else
// unknown_result. Keys come in any order; unknown keys are skipped at every level; a known key
// given twice is an error. On error, decode() returns the code and error_path() names the key
// (`Rsp.Result.AlarmTriggered.InstanceId`; empty for the document itself).
//
// Steady-state decoding does not allocate: list storage is reused.
class stream_decoder {
 public:
  using limits = decode_limits;

  stream_decoder() = default;
  explicit stream_decoder(const limits& l) : limits_(l) {}

  // Decodes `json` (surrounding whitespace allowed, nothing else) into `out`; after an error
  // `out` holds what was read before it and should not be used.
  std::error_code decode(std::string_view json, stream_message& out);

  std::string_view error_path() const noexcept { return failure_.path(); }
  std::error_code json_error() const noexcept { return failure_.json_error(); }
  std::size_t error_offset() const noexcept { return failure_.offset(); }
  std::string describe_error() const { return failure_.describe(); }

  const limits& configured_limits() const noexcept { return limits_; }

 private:
  limits limits_;
  std::vector<json::raw_string> source_types_, related_, attached_, recipients_, urls_;
  std::string key_scratch_;
  std::string value_scratch_;
  detail::decode_failure failure_;
};

}  // namespace eventwire::websdk
