// Steady-state decoding allocates nothing: this file replaces the global operator new of the
// test program to count allocations.

#include "samples.hpp"

#include <eventwire/missioncontrol/notification_decoder.hpp>
#include <eventwire/missioncontrol/web_token_decoder.hpp>

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

namespace mc = eventwire::missioncontrol;
namespace samples = missioncontrol_samples;

BOOST_AUTO_TEST_SUITE(missioncontrol_allocation)

BOOST_AUTO_TEST_CASE(warm_decoders_do_not_allocate) {
  const std::string escaped_key = R"({"\u0054ype":"State\u0043hanged","Timestamp":"2024-05-14T09:21:37\u002B02:00"})";
  mc::notification_decoder decoder;
  mc::incident_notification n;
  mc::web_token_decoder token_decoder;
  mc::web_token t;
  auto all = [&] {
    for (const samples::sample& s : samples::all) BOOST_REQUIRE(!decoder.decode(s.json, n));
    BOOST_REQUIRE(!decoder.decode(escaped_key, n));
    BOOST_REQUIRE(!token_decoder.decode(samples::web_token_answer, t));
  };
  all();
  const std::size_t before = allocations.load();
  for (int i = 0; i < 50; ++i) all();
  BOOST_TEST(allocations.load() - before == 0u);
}

BOOST_AUTO_TEST_SUITE_END()
