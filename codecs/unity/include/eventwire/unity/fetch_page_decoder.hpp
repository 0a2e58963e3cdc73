#pragma once

#include <eventwire/json/reader.hpp>
#include <eventwire/unity/detail/decode_failure.hpp>
#include <eventwire/unity/fetch_page.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

namespace eventwire::unity {

// Decodes one fetch page: the complete body of an HTTP answer, walked once without copying
// strings. The result views the body and this decoder's storage; see fetch_page.hpp.
//
// Keys, after the seed (all required; matched ignoring ASCII case, as Json.NET reads them):
//   page          SubscriptionId (string), Count (unsigned integer), NextPosition (non-empty
//                 string), MoreAvailable (boolean), Notifications (array)
//   notification  EventType, EventObjectName, UnityAPIEventId (strings), and the member named by
//                 EventObjectName (an object, in any position among the others)
//   event object  Timestamp (an ISO 8601 string); every other member is the vendor's, kept as text
// Count must equal the number of notifications. Unknown keys are skipped at every level; a known
// key (or the event object) given twice is an error. On error, decode() returns the code and
// error_path() names the key (`Notifications[1].EndpointFileDetectionEvent.Timestamp`; empty for
// the document itself).
//
// Steady-state decoding does not allocate: the notification storage is reused from page to page.
class fetch_page_decoder {
 public:
  struct limits {
    std::size_t max_notifications = 10000;  // Unity sends at most 1000 a page
    std::size_t max_depth = json::reader::default_max_depth;
  };

  fetch_page_decoder() = default;
  explicit fetch_page_decoder(const limits& l) : limits_(l) {}

  // Decodes `body` (surrounding whitespace allowed, nothing else) into `out`; after an error
  // `out` holds what was read before it and should not be used.
  std::error_code decode(std::string_view body, fetch_page& out);

  // About the last decode's error (empty / no error after a success).
  std::string_view error_path() const noexcept { return failure_.path(); }
  // The JSON reader's error behind an invalid_json or wrong_type error.
  std::error_code json_error() const noexcept { return failure_.json_error(); }
  // Offset into the body where the error was found.
  std::size_t error_offset() const noexcept { return failure_.offset(); }
  // "<message> at <path> (<JSON error>) at offset N", for logs.
  std::string describe_error() const { return failure_.describe(); }

  const limits& configured_limits() const noexcept { return limits_; }

 private:
  limits limits_;
  std::vector<notification> notifications_;
  std::string key_scratch_;
  std::string name_scratch_;
  std::string value_scratch_;
  detail::decode_failure failure_;
};

}  // namespace eventwire::unity
