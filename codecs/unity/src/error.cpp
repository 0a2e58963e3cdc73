#include <eventwire/codec/error_table.hpp>
#include <eventwire/unity/error.hpp>

#include <ostream>

namespace eventwire::unity {
namespace {

using codec::condition;

constexpr codec::error_entry table[] = {
    {"required key is missing", condition::protocol_violation},
    {"value has the wrong type", condition::protocol_violation},
    {"invalid ISO 8601 timestamp", condition::protocol_violation},
    {"key appears twice", condition::protocol_violation},
    {"invalid JSON", condition::protocol_violation},
    {"page has more notifications than the limit", condition::limit_exceeded},
    {"Count disagrees with the number of notifications", condition::protocol_violation},
    {"page has no NextPosition", condition::protocol_violation},
    {"position is empty", condition::protocol_violation},
    {"notification has no member named by its EventObjectName", condition::protocol_violation},
    {"error answer has neither error nor Message", condition::protocol_violation},
};

}  // namespace

const std::error_category& error_category() noexcept {
  static const codec::table_category category("eventwire.unity", table);
  return category;
}

std::ostream& operator<<(std::ostream& os, error e) { return os << make_error_code(e).message(); }

}  // namespace eventwire::unity
