#include <eventwire/session/reconnect_policy.hpp>

#include <boost/test/unit_test.hpp>

#include <chrono>
#include <random>
#include <stdexcept>
#include <vector>

namespace {

using namespace std::chrono_literals;
using eventwire::session::reconnect_policy;
using eventwire::session::retry_context;
using duration = reconnect_policy::duration;

retry_context attempt(std::uint32_t n, duration elapsed = 0s) { return {n, elapsed, {}}; }

// A seeded source, so every run sees the same jitter.
reconnect_policy::random_source seeded(unsigned seed) {
  return [engine = std::mt19937(seed)]() mutable {
    return std::uniform_real_distribution<double>(0.0, 1.0)(engine);
  };
}

reconnect_policy::random_source constant(double u) {
  return [u] { return u; };
}

}  // namespace

BOOST_AUTO_TEST_SUITE(reconnect_policy_rules)

BOOST_AUTO_TEST_CASE(default_schedule_is_0_2_10_30_then_gives_up) {
  reconnect_policy p;
  p.jitter(0.0);
  BOOST_TEST((p.next_delay(attempt(0)) == duration(0s)));
  BOOST_TEST((p.next_delay(attempt(1)) == duration(2s)));
  BOOST_TEST((p.next_delay(attempt(2)) == duration(10s)));
  BOOST_TEST((p.next_delay(attempt(3)) == duration(30s)));
  BOOST_TEST(!p.next_delay(attempt(4)));
  BOOST_TEST(!p.next_delay(attempt(100)));
}

BOOST_AUTO_TEST_CASE(default_has_twenty_percent_jitter_within_bounds) {
  reconnect_policy p;
  BOOST_TEST(p.jitter_fraction() == 0.2);
  for (int i = 0; i < 1000; ++i) {
    const auto d = p.next_delay(attempt(2));
    BOOST_REQUIRE(d);
    BOOST_TEST((*d >= duration(8s) && *d <= duration(12s)));
  }
  // No jitter on an immediate retry.
  BOOST_TEST((p.next_delay(attempt(0)) == duration(0s)));
}

BOOST_AUTO_TEST_CASE(jitter_is_deterministic_with_a_seeded_source) {
  auto a = reconnect_policy::delays({10s, 10s, 10s}).jitter(0.2, seeded(42));
  auto b = reconnect_policy::delays({10s, 10s, 10s}).jitter(0.2, seeded(42));
  std::vector<duration> first, second;
  for (std::uint32_t i = 0; i < 3; ++i) {
    first.push_back(*a.next_delay(attempt(i)));
    second.push_back(*b.next_delay(attempt(i)));
  }
  BOOST_TEST((first == second));
  BOOST_TEST((first[0] != first[1] || first[1] != first[2]), "the source was not used");
}

BOOST_AUTO_TEST_CASE(jitter_spans_minus_to_plus_fraction) {
  auto low = reconnect_policy::delays({10s}).jitter(0.2, constant(0.0));
  auto mid = reconnect_policy::delays({10s}).jitter(0.2, constant(0.5));
  auto high = reconnect_policy::delays({10s}).jitter(0.2, constant(0.999999));
  BOOST_TEST((*low.next_delay(attempt(0)) == duration(8s)));
  BOOST_TEST((*mid.next_delay(attempt(0)) == duration(10s)));
  const auto h = *high.next_delay(attempt(0));
  BOOST_TEST((h > duration(11900ms) && h <= duration(12s)));
}

BOOST_AUTO_TEST_CASE(custom_schedule_then_gives_up) {
  auto p = reconnect_policy::delays({1s, 5s}).jitter(0.0);
  BOOST_TEST((p.next_delay(attempt(0)) == duration(1s)));
  BOOST_TEST((p.next_delay(attempt(1)) == duration(5s)));
  BOOST_TEST(!p.next_delay(attempt(2)));
}

BOOST_AUTO_TEST_CASE(never_gives_up_at_once) {
  BOOST_TEST(!reconnect_policy::never().next_delay(attempt(0)));
}

BOOST_AUTO_TEST_CASE(exponential_grows_to_the_cap_and_retries_forever) {
  auto p = reconnect_policy::exponential(1s, 2.0, 60s).jitter(0.0);
  BOOST_TEST((p.next_delay(attempt(0)) == duration(1s)));
  BOOST_TEST((p.next_delay(attempt(1)) == duration(2s)));
  BOOST_TEST((p.next_delay(attempt(5)) == duration(32s)));
  BOOST_TEST((p.next_delay(attempt(6)) == duration(60s)));
  BOOST_TEST((p.next_delay(attempt(1000)) == duration(60s)));
  BOOST_TEST((p.next_delay(attempt(UINT32_MAX)) == duration(60s)));
}

BOOST_AUTO_TEST_CASE(exponential_jitter_applies_after_the_cap) {
  auto p = reconnect_policy::exponential(1s, 2.0, 60s).jitter(0.5, constant(0.0));
  BOOST_TEST((p.next_delay(attempt(50)) == duration(30s)));
}

BOOST_AUTO_TEST_CASE(max_attempts_gives_up) {
  auto p = reconnect_policy::exponential(1s, 2.0, 60s).jitter(0.0).max_attempts(3);
  BOOST_TEST(p.next_delay(attempt(2)).has_value());
  BOOST_TEST(!p.next_delay(attempt(3)));
  // The stricter of the schedule and the limit wins.
  auto q = reconnect_policy::delays({0s, 0s, 0s}).max_attempts(10);
  BOOST_TEST(!q.next_delay(attempt(3)));
}

BOOST_AUTO_TEST_CASE(first_attempt_at_once_then_the_schedule_and_the_same_attempt_limit) {
  auto p = reconnect_policy::exponential(1s, 2.0, 60s).jitter(0.5, constant(0.9)).max_attempts(3).first_attempt_at_once();
  BOOST_TEST((p.next_delay(attempt(0)) == duration(0s)), "no delay, so no jitter either");
  const auto second = p.next_delay(attempt(1));
  BOOST_TEST_REQUIRE(second.has_value());
  BOOST_TEST((*second >= duration(1s) && *second <= duration(1500ms)), "the schedule's first delay, jittered");
  BOOST_TEST(p.next_delay(attempt(2)).has_value());
  BOOST_TEST(!p.next_delay(attempt(3)).has_value(), "three attempts in all, the immediate one included");
}

BOOST_AUTO_TEST_CASE(max_elapsed_gives_up_when_the_next_attempt_would_start_too_late) {
  auto p = reconnect_policy::exponential(10s, 1.0, 10s).jitter(0.0).max_elapsed(60s);
  BOOST_TEST((p.next_delay(attempt(0, 0s)) == duration(10s)));
  BOOST_TEST((p.next_delay(attempt(4, 50s)) == duration(10s)));
  BOOST_TEST(!p.next_delay(attempt(5, 51s)));
  BOOST_TEST(!p.next_delay(attempt(9, 2min)));
}

BOOST_AUTO_TEST_CASE(custom_function_sees_the_context) {
  std::vector<retry_context> seen;
  auto p = reconnect_policy::custom([&](const retry_context& c) -> std::optional<duration> {
    seen.push_back(c);
    if (c.reason == std::errc::permission_denied) return std::nullopt;
    return std::chrono::milliseconds(100 * (c.previous_retry_count + 1));
  });
  BOOST_TEST((p.next_delay({2, 3s, std::make_error_code(std::errc::timed_out)}) == duration(300ms)));
  BOOST_TEST(!p.next_delay({0, 0s, std::make_error_code(std::errc::permission_denied)}));
  BOOST_REQUIRE(seen.size() == 2u);
  BOOST_TEST(seen[0].previous_retry_count == 2u);
  BOOST_TEST((seen[0].elapsed == duration(3s)));
  // Limits still apply on top of a custom function.
  p.max_attempts(1);
  BOOST_TEST(!p.next_delay({1, 0s, {}}));
}

BOOST_AUTO_TEST_CASE(copies_are_values) {
  auto a = reconnect_policy::delays({1s}).jitter(0.0);
  auto b = a;
  b.max_attempts(0);
  BOOST_TEST(a.next_delay(attempt(0)).has_value());
  BOOST_TEST(!b.next_delay(attempt(0)));
}

BOOST_AUTO_TEST_CASE(invalid_arguments_are_programming_errors) {
  BOOST_CHECK_THROW(reconnect_policy{}.jitter(1.5), std::invalid_argument);
  BOOST_CHECK_THROW(reconnect_policy{}.jitter(-0.1), std::invalid_argument);
  BOOST_CHECK_THROW(reconnect_policy::exponential(2s, 2.0, 1s), std::invalid_argument);
  BOOST_CHECK_THROW(reconnect_policy::exponential(1s, 0.5, 2s), std::invalid_argument);
  BOOST_CHECK_THROW(reconnect_policy::custom({}), std::invalid_argument);
}

BOOST_AUTO_TEST_SUITE_END()
