#include <eventwire/multipart/header_field.hpp>

#include <eventwire/multipart/detail/ascii.hpp>

#include <ostream>

namespace eventwire::multipart {

std::optional<std::string_view> find_header(std::span<const header_field> fields,
                                            std::string_view name) noexcept {
  for (const header_field& f : fields)
    if (detail::iequals(f.name, name)) return f.value;
  return std::nullopt;
}

std::ostream& operator<<(std::ostream& os, const header_field& f) {
  return os << f.name << ": " << f.value;
}

}  // namespace eventwire::multipart
