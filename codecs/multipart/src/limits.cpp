#include <eventwire/multipart/limits.hpp>

#include <ostream>

namespace eventwire::multipart {

std::ostream& operator<<(std::ostream& os, const limits& l) {
  return os << "{header block " << l.max_header_block << ", header fields " << l.max_header_fields
            << ", body " << l.max_body << ", line " << l.max_line << '}';
}

}  // namespace eventwire::multipart
