#include <eventwire/codec/error_table.hpp>
#include <eventwire/missioncontrol/error.hpp>

#include <ostream>

namespace eventwire::missioncontrol {
namespace {

using codec::condition;

constexpr codec::error_entry table[] = {
    {"required key is missing", condition::protocol_violation},
    {"value has the wrong type", condition::protocol_violation},
    {"invalid ISO 8601 timestamp", condition::protocol_violation},
    {"key appears twice", condition::protocol_violation},
    {"invalid JSON", condition::protocol_violation},
    {"web token is empty", condition::protocol_violation},
    {"MillisecondsValid is outside 0..2147483647", condition::protocol_violation},
};

}  // namespace

const std::error_category& error_category() noexcept {
  static const codec::table_category category("eventwire.missioncontrol", table);
  return category;
}

std::ostream& operator<<(std::ostream& os, error e) { return os << make_error_code(e).message(); }

}  // namespace eventwire::missioncontrol
