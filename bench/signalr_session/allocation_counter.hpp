#pragma once

#include <cstdint>

namespace eventwire::bench {

// Heap allocations (operator new) made by this process so far.
std::uint64_t allocations() noexcept;

}  // namespace eventwire::bench
