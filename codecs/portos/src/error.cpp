#include <eventwire/codec/error_table.hpp>
#include <eventwire/portos/error.hpp>

#include <ostream>

namespace eventwire::portos {
namespace {

using codec::condition;

constexpr codec::error_entry table[] = {
    {"required key is missing", condition::protocol_violation},
    {"value has the wrong type", condition::protocol_violation},
    {"invalid ISO 8601 timestamp", condition::protocol_violation},
    {"unknown resource action", condition::protocol_violation},
    {"key appears twice", condition::protocol_violation},
    {"invalid JSON", condition::protocol_violation},
    {"array exceeds the element limit", condition::limit_exceeded},
};

}  // namespace

const std::error_category& error_category() noexcept {
  static const codec::table_category category("eventwire.portos", table);
  return category;
}

std::ostream& operator<<(std::ostream& os, error e) { return os << make_error_code(e).message(); }

}  // namespace eventwire::portos
