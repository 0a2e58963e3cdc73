// The global operator new and delete of a test program that counts allocations, and the test
// that they do count (registered in every program that links this file).

#include <eventwire/testing/allocation_counter.hpp>

#include <boost/test/unit_test.hpp>

#include <atomic>
#include <memory>
#include <string>
#include <cstdlib>
#include <new>

namespace {
std::atomic<std::size_t> counted{0};
}  // namespace

std::size_t eventwire::testing::allocations() noexcept { return counted.load(std::memory_order_relaxed); }

// g++ 12 at -O1 takes free() of the replaced operator new's malloc() for a mismatch.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
#endif

void* operator new(std::size_t size) {
  counted.fetch_add(1, std::memory_order_relaxed);
  if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
  throw std::bad_alloc();
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }

BOOST_AUTO_TEST_CASE(the_allocation_counter_counts) {
  const std::size_t before = eventwire::testing::allocations();
  const auto text = std::make_unique<std::string>(1000, 'x');
  BOOST_TEST(text->size() == 1000u);
  BOOST_TEST(eventwire::testing::allocations() - before >= 2u);
}
