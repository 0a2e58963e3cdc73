#include <eventwire/codec/error_table.hpp>
#include <eventwire/source/genetec_missioncontrol_error.hpp>

#include <ostream>

namespace eventwire::source {
namespace {

using codec::meaning;

// Entry i-1 describes error i.
constexpr codec::meaning_entry table[] = {
    {"Mission Control refused the credentials of the web token request", meaning::own},
    {"the Mission Control web token request failed with an HTTP status other than 200", meaning::own},
    {"the Mission Control web token answer is not a valid token", meaning::protocol_violation},
    {"the Mission Control URL is not a valid http or https URL", meaning::invalid_argument},
};

}  // namespace

const std::error_category& missioncontrol_error_category() noexcept {
  static const codec::meaning_table_category category("eventwire.source.missioncontrol", table);
  return category;
}

std::ostream& operator<<(std::ostream& os, missioncontrol_error e) { return os << make_error_code(e).message(); }

}  // namespace eventwire::source
