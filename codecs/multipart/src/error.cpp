#include <eventwire/multipart/error.hpp>

#include <eventwire/codec/error_table.hpp>

#include <array>
#include <ostream>

namespace eventwire::multipart {
namespace {

using codec::condition;

// Entry i describes error code i + 1; keep the order of enum class error.
constexpr std::array<codec::error_entry, 11> table{{
    {"Content-Type is not a multipart media type", condition::protocol_violation},
    {"multipart Content-Type has no boundary parameter", condition::protocol_violation},
    {"multipart boundary is empty, longer than 70 bytes or holds a control character",
     condition::protocol_violation},
    {"multipart part header block exceeds the limit", condition::limit_exceeded},
    {"multipart part has more header fields than the limit", condition::limit_exceeded},
    {"multipart part has an invalid or conflicting Content-Length", condition::protocol_violation},
    {"multipart part body exceeds the limit", condition::limit_exceeded},
    {"multipart line outside a part exceeds the limit", condition::limit_exceeded},
    {"multipart part ended before its Content-Length body", condition::protocol_violation},
    {"multipart part has data after its Content-Length body", condition::protocol_violation},
    {"multipart input ended inside a part", condition::protocol_violation},
}};

}  // namespace

const std::error_category& error_category() noexcept {
  static const codec::table_category category("eventwire.multipart", table);
  return category;
}

std::ostream& operator<<(std::ostream& os, error e) { return os << make_error_code(e).message(); }

}  // namespace eventwire::multipart
