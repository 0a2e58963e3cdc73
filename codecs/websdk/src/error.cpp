#include <eventwire/codec/error_table.hpp>
#include <eventwire/websdk/error.hpp>

#include <ostream>

namespace eventwire::websdk {
namespace {

using codec::condition;

constexpr codec::error_entry table[] = {
    {"required key is missing", condition::protocol_violation},
    {"value has the wrong type", condition::protocol_violation},
    {"invalid ISO 8601 timestamp", condition::protocol_violation},
    {"key appears twice", condition::protocol_violation},
    {"invalid JSON", condition::protocol_violation},
    {"DynamicContent is not the XML expected", condition::protocol_violation},
    {"array exceeds the element limit", condition::limit_exceeded},
    {"decoded text exceeds the limit", condition::limit_exceeded},
    {"argument is not a GUID", condition::protocol_violation},
    {"argument is not a name the call language allows", condition::protocol_violation},
    {"text holds a character the call language cannot carry", condition::protocol_violation},
    {"alarm priority is outside 1-255", condition::protocol_violation},
    {"number is out of range", condition::protocol_violation},
    {"list argument is empty", condition::protocol_violation},
    {"query exceeds the length limit", condition::limit_exceeded},
    {"arguments combined in a way the call language does not show", condition::protocol_violation},
    {"not a ConnectionId line", condition::protocol_violation},
    {"Content-Type is not multipart/form-data", condition::protocol_violation},
    {"form has no payload part", condition::protocol_violation},
};

}  // namespace

const std::error_category& error_category() noexcept {
  static const codec::table_category category("eventwire.websdk", table);
  return category;
}

std::ostream& operator<<(std::ostream& os, error e) { return os << make_error_code(e).message(); }

}  // namespace eventwire::websdk
