// Steady-state stream decoding allocates nothing: this file replaces the global operator new of
// the test program to count allocations.

#include "samples.hpp"

#include <eventwire/websdk/stream_decoder.hpp>

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

namespace websdk = eventwire::websdk;
namespace samples = websdk_samples;

BOOST_AUTO_TEST_SUITE(websdk_allocation)

BOOST_AUTO_TEST_CASE(a_warm_stream_decoder_does_not_allocate) {
  const std::string result_first =
      R"({"Rsp":{"Result":{"EventType":"A","SourceGuid":"g","Timestamp":"2026-03-15T11:05:44Z"},"Status":"Ok"}})";
  const std::string_view inputs[] = {samples::camera_motion, samples::alarm_triggered, samples::failed,
                                     result_first};
  websdk::stream_decoder decoder;
  websdk::stream_message m;
  for (std::string_view json : inputs) BOOST_REQUIRE(!decoder.decode(json, m));
  const std::size_t before = allocations.load();
  for (int i = 0; i < 100; ++i)
    for (std::string_view json : inputs) BOOST_REQUIRE(!decoder.decode(json, m));
  BOOST_TEST(allocations.load() - before == 0u);
}

BOOST_AUTO_TEST_SUITE_END()
