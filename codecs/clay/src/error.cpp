#include <eventwire/clay/error.hpp>
#include <eventwire/codec/error_table.hpp>

#include <ostream>

namespace eventwire::clay {
namespace {

using codec::condition;

constexpr codec::error_entry table[] = {
    {"argument is not valid JSON", condition::protocol_violation},
    {"argument is not a JSON string", condition::protocol_violation},
    {"message exceeds the size limit", condition::limit_exceeded},
    {"message is not valid JSON", condition::protocol_violation},
    {"message is not a JSON object", condition::protocol_violation},
    {"value has the wrong type", condition::protocol_violation},
    {"invalid ISO 8601 timestamp", condition::protocol_violation},
    {"key appears twice", condition::protocol_violation},
};

}  // namespace

const std::error_category& error_category() noexcept {
  static const codec::table_category category("eventwire.clay", table);
  return category;
}

std::ostream& operator<<(std::ostream& os, error e) { return os << make_error_code(e).message(); }

}  // namespace eventwire::clay
