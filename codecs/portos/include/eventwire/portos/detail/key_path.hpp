#pragma once

#include <eventwire/json/key_path.hpp>

namespace eventwire::portos::detail {

using json::key_path;

}  // namespace eventwire::portos::detail
