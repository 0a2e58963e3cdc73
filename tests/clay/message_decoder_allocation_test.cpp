// Steady-state decoding allocates nothing once the buffer has grown: this file replaces the
// global operator new of the test program to count allocations.

#include "samples.hpp"

#include <eventwire/clay/message_decoder.hpp>

#include <boost/test/unit_test.hpp>

#include <atomic>
#include <cstdlib>
#include <new>

namespace {
std::atomic<std::size_t> allocations{0};
}  // namespace

void* operator new(std::size_t size) {
  allocations.fetch_add(1, std::memory_order_relaxed);
  if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
  throw std::bad_alloc();
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }

namespace clay = eventwire::clay;
namespace samples = clay_samples;

BOOST_AUTO_TEST_SUITE(clay_allocation)

BOOST_AUTO_TEST_CASE(a_warm_decoder_and_buffer_do_not_allocate) {
  const std::string incident = samples::argument_of(samples::incident);
  const std::string entry = samples::argument_of(samples::entry);
  const std::string escaped_keys = samples::argument_of(R"({"\u0069d":"a","time":"2024-05-14T09:21:37\u005A"})");
  clay::message_decoder decoder;
  std::string buffer;
  clay::message m;
  auto all = [&] {
    BOOST_REQUIRE(!decoder.decode(incident, clay::hub::incident, buffer, m));
    BOOST_REQUIRE(!decoder.decode(entry, clay::hub::entry, buffer, m));
    BOOST_REQUIRE(!decoder.decode(escaped_keys, clay::hub::entry, buffer, m));
  };
  all();
  const std::size_t before = allocations.load();
  for (int i = 0; i < 100; ++i) all();
  BOOST_TEST(allocations.load() - before == 0u);
}

BOOST_AUTO_TEST_SUITE_END()
