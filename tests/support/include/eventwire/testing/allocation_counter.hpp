#pragma once

#include <cstddef>

namespace eventwire::testing {

// Allocations through the global operator new since the program started. A test program that
// links eventwire_test_allocation_counter (tests/support/allocation_counter.cpp, which replaces
// operator new and delete) counts them; compare two readings around the code under test.
std::size_t allocations() noexcept;

}  // namespace eventwire::testing
