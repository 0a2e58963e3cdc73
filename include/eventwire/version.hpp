#pragma once

#include <string_view>

namespace eventwire {

// The version of this build, e.g. "0.1.0", from the CMake project version.
std::string_view version() noexcept;

}  // namespace eventwire
