#include <eventwire/version.hpp>

namespace eventwire {

std::string_view version() noexcept { return EVENTWIRE_VERSION; }

}  // namespace eventwire
