#include <eventwire/codec/error_table.hpp>
#include <eventwire/json/error.hpp>

#include <ostream>

namespace eventwire::json {
namespace {

using codec::condition;

constexpr codec::error_entry table[] = {
    {"JSON text ended unexpectedly", condition::protocol_violation},
    {"unexpected character in JSON text", condition::protocol_violation},
    {"control character inside a JSON string", condition::protocol_violation},
    {"invalid escape sequence in a JSON string", condition::protocol_violation},
    {"invalid UTF-8 in a JSON string", condition::protocol_violation},
    {"invalid JSON number", condition::protocol_violation},
    {"JSON number out of range", condition::protocol_violation},
    {"JSON nesting exceeds the depth limit", condition::limit_exceeded},
    {"unexpected data after the JSON value", condition::protocol_violation},
    {"expected a JSON object", condition::protocol_violation},
    {"expected a JSON array", condition::protocol_violation},
    {"expected a JSON string", condition::protocol_violation},
    {"expected a JSON number", condition::protocol_violation},
    {"expected a JSON boolean", condition::protocol_violation},
};

}  // namespace

const std::error_category& error_category() noexcept {
  static const codec::table_category category("eventwire.json", table);
  return category;
}

std::ostream& operator<<(std::ostream& os, error e) { return os << make_error_code(e).message(); }

}  // namespace eventwire::json
