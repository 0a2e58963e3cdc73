#include "token_endpoint.hpp"

#include <eventwire/auth/cached_token_provider.hpp>

#include <boost/asio/bind_cancellation_slot.hpp>
#include <boost/asio/cancellation_signal.hpp>
#include <boost/asio/detached.hpp>
#include <boost/test/unit_test.hpp>

namespace auth = eventwire::auth;
namespace testing = eventwire::testing;
namespace asio = boost::asio;
using asio::awaitable;
using namespace std::chrono_literals;

namespace {

using result = std::tuple<std::error_code, auth::access_token>;

// A provider whose fetch hands out "token-N" with a chosen lifetime, fails on demand, and can be
// held at a gate to keep a fetch in flight.
class scripted_provider final : public auth::cached_token_provider {
 public:
  scripted_provider(asio::io_context& io, testing::manual_clock& clock,
                    auth::token_cache_policy policy = {})
      : cached_token_provider(with_clock(std::move(policy), clock)), gate_(io.get_executor()) {}

  int fetches = 0;
  std::optional<std::chrono::seconds> lifetime = 300s;
  std::error_code fail_with;
  bool hold = false;
  std::vector<bool> forced;

  void release() { gate_.open(); }

 private:
  static auth::token_cache_policy with_clock(auth::token_cache_policy p, testing::manual_clock& c) {
    p.now = c.function();
    return p;
  }

  awaitable<result> fetch(bool force) override {
    ++fetches;
    forced.push_back(force);
    if (hold) {
      hold = false;
      co_await gate_.wait();
      auto cs = co_await asio::this_coro::cancellation_state;
      if (cs.cancelled() != asio::cancellation_type::none)
        co_return result{std::make_error_code(std::errc::operation_canceled), {}};
    }
    if (fail_with) {
      set_error_detail("scripted failure");
      co_return result{fail_with, {}};
    }
    auth::access_token t{"token-" + std::to_string(fetches), std::nullopt};
    if (lifetime) t.expires_at = now() + *lifetime;
    co_return result{std::error_code{}, t};
  }

  testing::gate gate_;
};

struct fixture {
  asio::io_context io;
  testing::manual_clock clock;

  std::string get(auth::token_provider& p, bool force = false) {
    std::string value;
    io.restart();  // with no server, the io_context stops whenever it runs out of work
    testing::run(io, [&]() -> awaitable<void> {
      auto [ec, token] = co_await p.get(force);
      value = ec ? "error: " + ec.message() : token.value;
    }());
    return value;
  }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(cached_token_provider, fixture)

BOOST_AUTO_TEST_CASE(a_short_token_is_renewed_a_tenth_of_its_lifetime_before_expiry) {
  scripted_provider p(io, clock);
  BOOST_TEST(get(p) == "token-1");
  clock.at += 269s;  // 300 s token: margin 30 s
  BOOST_TEST(get(p) == "token-1");
  clock.at += 1s;
  BOOST_TEST(get(p) == "token-2");
  BOOST_TEST(p.fetches == 2);
}

BOOST_AUTO_TEST_CASE(a_long_token_is_renewed_sixty_seconds_before_expiry) {
  scripted_provider p(io, clock);
  p.lifetime = 3600s;
  BOOST_TEST(get(p) == "token-1");
  clock.at += 3539s;
  BOOST_TEST(get(p) == "token-1");
  clock.at += 1s;
  BOOST_TEST(get(p) == "token-2");
}

BOOST_AUTO_TEST_CASE(the_margin_is_configurable) {
  scripted_provider p(io, clock, {.refresh_margin = 5s, .refresh_fraction = 0.5});
  p.lifetime = 3600s;
  BOOST_TEST(get(p) == "token-1");
  clock.at += 3594s;
  BOOST_TEST(get(p) == "token-1");
  clock.at += 1s;
  BOOST_TEST(get(p) == "token-2");
}

BOOST_AUTO_TEST_CASE(a_token_without_expiry_is_kept_until_a_forced_refresh) {
  scripted_provider p(io, clock);
  p.lifetime.reset();
  BOOST_TEST(get(p) == "token-1");
  clock.at += std::chrono::hours(24 * 365);
  BOOST_TEST(get(p) == "token-1");
  BOOST_TEST(get(p, true) == "token-2");
  BOOST_TEST(p.forced == std::vector<bool>({false, true}));
}

BOOST_AUTO_TEST_CASE(a_failed_renewal_hands_out_the_unexpired_token) {
  scripted_provider p(io, clock);
  BOOST_TEST(get(p) == "token-1");
  clock.at += 280s;  // inside the margin, not expired
  p.fail_with = std::make_error_code(std::errc::connection_refused);
  BOOST_TEST(get(p) == "token-1");
  BOOST_TEST(p.last_error_detail() == "scripted failure");
  BOOST_TEST(get(p, true).starts_with("error: "));  // the caller said the token was rejected
  clock.at += 20s;                                  // expired now
  BOOST_TEST(get(p).starts_with("error: "));
  BOOST_TEST((!p.cached() || p.cached()->value == "token-1"));
  p.fail_with = {};
  BOOST_TEST(get(p) == "token-5");
  BOOST_TEST(p.last_error_detail().empty());
}

BOOST_AUTO_TEST_CASE(concurrent_gets_share_one_fetch) {
  scripted_provider p(io, clock);
  p.hold = true;
  std::vector<std::string> got;
  io.restart();
  testing::run(io, [&]() -> awaitable<void> {
    for (int i = 0; i < 3; ++i) {
      asio::co_spawn(
          io,
          [&, force = i == 2]() -> awaitable<void> {
            auto [ec, token] = co_await p.get(force);
            got.push_back(ec ? ec.message() : token.value);
          },
          asio::detached);
    }
    BOOST_TEST(co_await testing::eventually([&] { return p.fetches == 1; }));
    for (int i = 0; i < 10; ++i) co_await asio::post(io, asio::use_awaitable);
    BOOST_TEST(got.empty());
    p.release();
    BOOST_TEST(co_await testing::eventually([&] { return got.size() == 3; }));
  }());
  BOOST_TEST(got == std::vector<std::string>({"token-1", "token-1", "token-1"}));
  BOOST_TEST(p.fetches == 1);
}

BOOST_AUTO_TEST_CASE(a_waiter_fetches_when_the_fetching_caller_is_cancelled) {
  scripted_provider p(io, clock);
  p.hold = true;
  asio::cancellation_signal stop_first;
  std::optional<std::string> first, second;
  testing::run(io, [&]() -> awaitable<void> {
    asio::co_spawn(
        io, p.get(),
        asio::bind_cancellation_slot(stop_first.slot(), [&](std::exception_ptr e, result r) {
          first = e ? "exception" : std::get<0>(r) ? "cancelled" : "ok";
        }));
    BOOST_TEST(co_await testing::eventually([&] { return p.fetches == 1; }));
    asio::co_spawn(
        io,
        [&]() -> awaitable<void> {
          auto [ec, token] = co_await p.get();
          second = ec ? ec.message() : token.value;
        },
        asio::detached);
    for (int i = 0; i < 10; ++i) co_await asio::post(io, asio::use_awaitable);
    stop_first.emit(asio::cancellation_type::terminal);
    BOOST_TEST(co_await testing::eventually([&] { return second.has_value(); }));
  }());
  BOOST_TEST(first.value_or("none") != "ok");
  BOOST_TEST(second.value_or("none") == "token-2");
  BOOST_TEST(p.fetches == 2);
}

BOOST_AUTO_TEST_CASE(a_cancelled_waiter_leaves_the_fetch_alone) {
  scripted_provider p(io, clock);
  p.hold = true;
  asio::cancellation_signal stop_waiter;
  std::optional<std::string> fetcher, waiter;
  testing::run(io, [&]() -> awaitable<void> {
    asio::co_spawn(
        io,
        [&]() -> awaitable<void> {
          auto [ec, token] = co_await p.get();
          fetcher = ec ? ec.message() : token.value;
        },
        asio::detached);
    BOOST_TEST(co_await testing::eventually([&] { return p.fetches == 1; }));
    asio::co_spawn(
        io, p.get(),
        asio::bind_cancellation_slot(stop_waiter.slot(), [&](std::exception_ptr e, result r) {
          waiter = e ? "exception" : std::get<0>(r) ? "cancelled" : "ok";
        }));
    for (int i = 0; i < 10; ++i) co_await asio::post(io, asio::use_awaitable);
    stop_waiter.emit(asio::cancellation_type::terminal);
    BOOST_TEST(co_await testing::eventually([&] { return waiter.has_value(); }));
    BOOST_TEST(!fetcher.has_value());
    p.release();
    BOOST_TEST(co_await testing::eventually([&] { return fetcher.has_value(); }));
  }());
  BOOST_TEST(waiter.value_or("none") == "cancelled");
  BOOST_TEST(fetcher.value_or("none") == "token-1");
  BOOST_TEST(p.fetches == 1);
}

BOOST_AUTO_TEST_SUITE_END()
