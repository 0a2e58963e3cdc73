#pragma once

#include <eventwire/json/key_path.hpp>

namespace eventwire::websdk::detail {

using json::key_path;

}  // namespace eventwire::websdk::detail
