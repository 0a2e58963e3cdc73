#pragma once

#include <eventwire/json/reader.hpp>
#include <eventwire/missioncontrol/detail/decode_failure.hpp>
#include <eventwire/missioncontrol/incident_notification.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <system_error>

namespace eventwire::missioncontrol {

// Decodes the argument of one `IncidentNotification` invocation (its raw JSON text, as the
// SignalR hub message decoder hands it over) in one pass with the JSON pull reader, without
// copying strings. The result views the text; see incident_notification.hpp.
//
// The argument must be one JSON object. Its type key is required and must be a non-empty
// string; the incident id and timestamp keys are optional (absent or null), a string and an
// ISO 8601 date-time string when present. Keys match in any ASCII case; a known key given twice
// (in any case) is an error; every other member is validated and left in payload_json.
// On error, decode() returns the code and error_key() names the key (empty for the document).
class notification_decoder {
 public:
  // The keys the decoder reads. All three are inferred (the seed shows no payload); an empty
  // name turns its field off. The views must outlive the decoder (literals do).
  struct field_names {
    std::string_view type = "Type";
    std::string_view incident_id = "IncidentId";
    std::string_view timestamp = "Timestamp";
  };

  struct options {
    field_names keys{};
    std::size_t max_depth = json::reader::default_max_depth;  // nesting anywhere in the argument
  };

  notification_decoder() = default;
  explicit notification_decoder(const options& o) : options_(o) {}

  // Decodes `json` (surrounding whitespace allowed, nothing else) into `out`; after an error
  // `out` holds what was read before it and should not be used.
  std::error_code decode(std::string_view json, incident_notification& out);

  // About the last decode's error (empty / no error after a success).
  std::string_view error_key() const noexcept { return failure_.key(); }
  std::error_code json_error() const noexcept { return failure_.json_error(); }
  std::size_t error_offset() const noexcept { return failure_.offset(); }
  std::string describe_error() const { return failure_.describe(); }

  const options& configured_options() const noexcept { return options_; }

 private:
  options options_;
  std::string key_scratch_;
  std::string value_scratch_;
  detail::decode_failure failure_;
};

}  // namespace eventwire::missioncontrol
