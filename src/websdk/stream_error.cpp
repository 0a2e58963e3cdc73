#include <eventwire/codec/error_table.hpp>
#include <eventwire/websdk/stream_error.hpp>

#include <ostream>

namespace eventwire::websdk {
namespace {

using codec::meaning;

// Entry i-1 describes error i.
constexpr codec::meaning_entry table[] = {
    {"event stream stopped", meaning::operation_canceled},
    {"the event stream is already running", meaning::own},
    {"the Web SDK URL is not a valid http or https URL", meaning::invalid_argument},
    {"the Web SDK refused the credentials (401): check the user name, application id and password",
     meaning::permission_denied},
    {"the Web SDK answered with an HTTP status other than 200", meaning::own},
    {"the Web SDK answered the call with a status other than Ok", meaning::own},
    {"GET /events did not answer a multipart/mixed event stream", meaning::protocol_violation},
    {"an event stream part is larger than max_part_size; it was skipped", meaning::limit_exceeded},
    {"an event stream part is not text/json; it was skipped", meaning::protocol_violation},
    {"the Web SDK ended the event stream", meaning::own},
    {"gave up reconnecting: the reconnect policy is exhausted", meaning::own},
    {"no event subscription given", meaning::invalid_argument},
};

}  // namespace

const std::error_category& stream_error_category() noexcept {
  static const codec::meaning_table_category category("eventwire.websdk.stream", table);
  return category;
}

std::ostream& operator<<(std::ostream& os, stream_error e) { return os << make_error_code(e).message(); }

}  // namespace eventwire::websdk
