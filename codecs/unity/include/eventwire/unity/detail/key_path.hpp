#pragma once

#include <eventwire/json/key_path.hpp>

namespace eventwire::unity::detail {

using json::key_path;

}  // namespace eventwire::unity::detail
