#pragma once

// Poller and source tests over loopback sockets against the Unity emulator. Every wait is for an
// event (the emulator's wait_for_fetches, the memory delivery's wait_for_events, run() ending);
// time appears only as an upper bound.

#include <eventwire/auth/oauth2_token_provider.hpp>
#include <eventwire/emulator/unity_emulator.hpp>
#include <eventwire/state/file_checkpoint_store.hpp>
#include <eventwire/testing/temporary_directory.hpp>
#include <eventwire/unity/poller.hpp>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/test/unit_test.hpp>

#include <atomic>
#include <chrono>
#include <exception>
#include <filesystem>
#include <optional>
#include <random>
#include <string>

namespace eventwire::testing {

namespace asio = boost::asio;
using namespace std::chrono_literals;

// Runs `test` on `io` until it ends, failing if that takes longer than `limit`.
inline void run_test(asio::io_context& io, asio::awaitable<void> test, std::chrono::steady_clock::duration limit = 30s) {
  bool done = false;
  std::exception_ptr failure;
  io.restart();
  asio::co_spawn(io, std::move(test), [&](std::exception_ptr e) {
    done = true;
    failure = e;
  });
  const auto deadline = std::chrono::steady_clock::now() + limit;
  while (!done && std::chrono::steady_clock::now() < deadline) io.run_one_until(deadline);
  BOOST_REQUIRE_MESSAGE(done, "the test coroutine did not finish in time");
  if (failure) std::rethrow_exception(failure);
}

// A wall clock the tests move, shared by the token provider (the emulator has its own).
struct test_clock {
  std::shared_ptr<std::chrono::system_clock::duration> offset = std::make_shared<std::chrono::system_clock::duration>();
  auth::clock_function function() const {
    return [o = offset] { return std::chrono::system_clock::now() + *o; };
  }
  void advance(std::chrono::system_clock::duration d) { *offset += d; }
};

// The io_context, an emulator, an OAuth2 token provider against its token endpoint and a file
// checkpoint store in a scratch directory.
struct unity_fixture {
  explicit unity_fixture(emulator::unity_emulator_options o = {}) {
    emulator.emplace(io.get_executor(), std::move(o));
    auth::oauth2_settings s;
    s.token_url = emulator->token_url();
    s.grant = auth::grant_type::client_credentials;
    s.client_id = "eventwire";
    s.client_secret = auth::literal_secret{"unity-emulator-secret"};
    s.cache.now = clock.function();
    tokens.emplace(io.get_executor(), std::move(s));
    checkpoints.emplace(state::file_checkpoint_options{.directory = dir.path()});
  }
  ~unity_fixture() {
    emulator->stop();
    io.restart();
    io.run_for(2s);
  }
  unity_fixture(const unity_fixture&) = delete;
  unity_fixture& operator=(const unity_fixture&) = delete;

  static constexpr const char* subscription = "222c9efe-c76d-41a9-a41b-c86a955a5529";
  static constexpr const char* key = "webroot/position";

  // Fast retries without jitter, a 1 s poll interval (the minimum), the oldest position first.
  unity::poller_options options() const {
    unity::poller_options o;
    o.base_url = emulator->base_url();
    o.subscription_id = subscription;
    o.checkpoint_key = key;
    o.poll_interval = 1s;
    o.retry = session::reconnect_policy::exponential(10ms, 2.0, 100ms).jitter(0).max_attempts(8);
    return o;
  }

  std::optional<std::string> stored() {
    std::optional<std::string> value;
    BOOST_REQUIRE(!checkpoints->load(key, value));
    return value;
  }

  asio::io_context io;
  temporary_directory dir;
  test_clock clock;
  std::optional<emulator::unity_emulator> emulator;
  std::optional<auth::oauth2_token_provider> tokens;
  std::optional<state::file_checkpoint_store> checkpoints;
};

}  // namespace eventwire::testing

namespace eventwire::testing {

// A coroutine run in the background whose end a test can await.
template <class T>
struct background {
  explicit background(asio::any_io_executor ex) : ended(ex, std::chrono::steady_clock::time_point::max()) {}
  asio::steady_timer ended;
  std::optional<T> result;
  std::exception_ptr failure;

  void start(asio::any_io_executor ex, asio::awaitable<T> body) {
    asio::co_spawn(ex, std::move(body), [this](std::exception_ptr e, T value) {
      failure = e;
      result = std::move(value);
      ended.cancel();
    });
  }
  // True once it ended; false after `limit`.
  asio::awaitable<bool> wait(std::chrono::steady_clock::duration limit = 10s) {
    const auto deadline = std::chrono::steady_clock::now() + limit;
    asio::steady_timer guard(ended.get_executor(), deadline);
    guard.async_wait([this](boost::system::error_code ec) {
      if (!ec) ended.cancel();
    });
    while (!result && !failure && std::chrono::steady_clock::now() < deadline)
      co_await ended.async_wait(asio::as_tuple(asio::use_awaitable));
    guard.cancel();
    if (failure) std::rethrow_exception(failure);
    co_return result.has_value();
  }
};

}  // namespace eventwire::testing

namespace eventwire::testing {

// A page handler that keeps every id and what the checkpoint held while each page was handled.
struct page_log {
  explicit page_log(asio::any_io_executor ex) : changed(ex, std::chrono::steady_clock::time_point::max()) {}

  asio::steady_timer changed;  // cancelled after every page
  std::vector<std::string> ids;
  std::vector<std::string> types;
  std::vector<std::optional<std::string>> stored_during;  // one per page
  std::vector<bool> more_available;
  std::error_code answer;  // what the handler returns

  unity::page_handler handler(unity_fixture& f) {
    return [this, &f](const unity::fetch_page& page) -> asio::awaitable<std::error_code> {
      std::string scratch;
      for (const auto& n : page.notifications) {
        ids.emplace_back(n.event_id.decode(scratch));
        types.emplace_back(n.event_type.decode(scratch));
      }
      stored_during.push_back(f.stored());
      more_available.push_back(page.more_available);
      changed.cancel();
      co_return answer;
    };
  }

  // True once at least n notifications were handled; false after `limit`.
  asio::awaitable<bool> wait_for_ids(std::size_t n, std::chrono::steady_clock::duration limit = 10s) {
    const auto deadline = std::chrono::steady_clock::now() + limit;
    asio::steady_timer guard(changed.get_executor(), deadline);
    guard.async_wait([this](boost::system::error_code ec) {
      if (!ec) changed.cancel();
    });
    while (ids.size() < n && std::chrono::steady_clock::now() < deadline)
      co_await changed.async_wait(asio::as_tuple(asio::use_awaitable));
    guard.cancel();
    co_return ids.size() >= n;
  }
};

inline std::vector<std::string> expected_ids(std::uint64_t first, std::uint64_t last) {
  std::vector<std::string> ids;
  for (auto n = first; n <= last; ++n) ids.push_back(emulator::unity_emulator::event_id(n));
  return ids;
}

}  // namespace eventwire::testing
