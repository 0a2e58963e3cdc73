#include <eventwire/codec/error_table.hpp>
#include <eventwire/unity/poller_error.hpp>
#include <eventwire/unity/poller_options.hpp>

#include <ostream>

namespace eventwire::unity {
namespace {

using codec::meaning;

// Entry i-1 describes error i.
constexpr codec::meaning_entry table[] = {
    {"the poller is already running", meaning::own},
    {"the poller options are invalid", meaning::invalid_argument},
    {"the checkpoint store failed", meaning::own},
    {"the server rejected the position (expired or of another subscription)", meaning::own},
    {"the subscription was not found (404)", meaning::own},
    {"the server refused the access token (401), also after a refresh", meaning::permission_denied},
    {"the access token source failed", meaning::own},
    {"the server answered with an unexpected HTTP status", meaning::protocol_violation},
    {"the fetch answer is not a valid notification page", meaning::protocol_violation},
    {"the position answer holds no valid Position", meaning::protocol_violation},
    {"gave up retrying: the retry policy is exhausted", meaning::own},
    {"the server asked to slow down (429)", meaning::own},
    {"the server failed (5xx)", meaning::own},
};

}  // namespace

const std::error_category& poller_error_category() noexcept {
  static const codec::meaning_table_category category("eventwire.unity.poller", table);
  return category;
}

std::ostream& operator<<(std::ostream& os, poller_error e) { return os << make_error_code(e).message(); }

std::ostream& operator<<(std::ostream& os, rejected_position_policy p) {
  return os << (p == rejected_position_policy::stop ? "stop" : "restart_from_oldest");
}

}  // namespace eventwire::unity
