// Webroot Unity notifications per second through unity::poller, beside the fetch page decoder
// alone on the same page bytes, in the same run.
//
// The Unity emulator runs on its own thread (real sockets on 127.0.0.1, tokens off). Each
// iteration pre-generates N notifications, points the checkpoint at the first of them and times
// a fresh poller draining them to a counting page handler: pages with MoreAvailable are fetched
// at once, so N / 1000 fetches back to back. CPU time is the poller's thread alone; the
// wall_per_s counter is notifications per second of elapsed time, the emulator's work included.
// The reference decodes one 1000-notification page fetched from the emulator, again and again.
//
// Before any timing: a drain of 2,500 notifications must hand every id in order, the reference
// page must decode to the 1000 notifications the emulator made, and every timed drain must count
// exactly N with the right first and last ids; otherwise the program fails.

#include "memory_checkpoint_store.hpp"

#include <eventwire/auth/static_token_provider.hpp>
#include <eventwire/bench/emulator_thread.hpp>
#include <eventwire/bench/fail.hpp>
#include <eventwire/bench/run_benchmarks.hpp>
#include <eventwire/bench/run_until.hpp>
#include <eventwire/bench/timed_runs.hpp>
#include <eventwire/emulator/unity_emulator.hpp>
#include <eventwire/net/http_client.hpp>
#include <eventwire/unity/fetch_page_decoder.hpp>
#include <eventwire/unity/poller.hpp>

#include <benchmark/benchmark.h>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <exception>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace {

namespace asio = boost::asio;
namespace bench = eventwire::bench;
namespace emulator = eventwire::emulator;
namespace unity = eventwire::unity;

constexpr std::uint64_t notifications_per_drain = 100'000;
constexpr std::uint64_t checked_notifications = 2'500;
constexpr std::uint64_t page_size = 1000;
constexpr const char* subscription = "222c9efe-c76d-41a9-a41b-c86a955a5529";
constexpr const char* checkpoint_key = "webroot/position";

// The emulator on its thread, and what a poller needs on this one.
struct unity_setup {
  unity_setup() {
    server.call([this] {
      emulator::unity_emulator_options o;
      o.require_token = false;
      o.page_size = page_size;
      o.max_notifications = 2 * notifications_per_drain;
      emulator.emplace(server.executor(), o);
    });
  }
  ~unity_setup() {
    server.call([this] { emulator->stop(); });
    server.call([this] { emulator.reset(); });
  }
  unity_setup(const unity_setup&) = delete;
  unity_setup& operator=(const unity_setup&) = delete;

  // Makes n notifications and points the checkpoint at the first; returns its sequence number.
  std::uint64_t generate(std::uint64_t n) {
    const std::uint64_t first = generated + 1;
    const std::string position = server.call([&] {
      emulator->generate(n);
      return emulator->position_at(subscription, first);
    });
    generated += n;
    if (checkpoints.store(checkpoint_key, position)) bench::fail("storing the position");
    return first;
  }

  unity::poller_options poller_options() {
    unity::poller_options o;
    o.base_url = server.call([this] { return emulator->base_url(); });
    o.subscription_id = subscription;
    o.checkpoint_key = checkpoint_key;
    o.poll_interval = std::chrono::seconds(1);  // the minimum; never reached while pages say MoreAvailable
    return o;
  }

  bench::emulator_thread server;
  std::optional<emulator::unity_emulator> emulator;
  std::uint64_t generated = 0;
  asio::io_context io;
  eventwire::auth::static_token_provider tokens{io.get_executor(), eventwire::auth::literal_secret{"unused"}};
  bench::memory_checkpoint_store checkpoints;
};

// One poller run to a counting page handler; `on_page` (optional) sees every page too.
class drain {
 public:
  explicit drain(unity_setup& s, std::function<void(const unity::fetch_page&)> on_page = {})
      : setup_(s), poller_(s.io.get_executor(), s.poller_options(), s.tokens, s.checkpoints),
        on_page_(std::move(on_page)) {}

  // Runs the poller until `count` notifications were handled.
  void until(std::uint64_t count) {
    asio::co_spawn(setup_.io, poller_.run([this](const unity::fetch_page& page) { return handle(page); }),
                   [this](std::exception_ptr e, std::error_code ec) {
                     if (e) std::rethrow_exception(e);
                     result_ = ec;
                   });
    bench::run_until(setup_.io, [&] { return handled_ >= count || result_; }, "the poller's notifications");
    if (result_) bench::fail("the poller ended: " + result_->message() + ": " + poller_.last_error_detail());
  }

  // Stops the poller and checks what it handled: exactly `count`, from `first` on.
  void finish(std::uint64_t first, std::uint64_t count) {
    poller_.stop();
    bench::run_until(setup_.io, [&] { return result_.has_value(); }, "the poller's end");
    if (*result_) bench::fail("the poller failed: " + result_->message() + ": " + poller_.last_error_detail());
    if (handled_ != count || first_id_ != emulator::unity_emulator::event_id(first) ||
        last_id_ != emulator::unity_emulator::event_id(first + count - 1) || poller_.statistics().retries != 0)
      bench::fail("the poller handled " + std::to_string(handled_) + " notifications (" + first_id_ + " to " +
                  last_id_ + ", " + std::to_string(poller_.statistics().retries) + " retries), not " +
                  std::to_string(count) + " from " + std::to_string(first));
  }

 private:
  boost::asio::awaitable<std::error_code> handle(const unity::fetch_page& page) {
    if (!page.notifications.empty()) {
      if (handled_ == 0) first_id_ = page.notifications.front().event_id.decode(scratch_);
      last_id_ = page.notifications.back().event_id.decode(scratch_);
    }
    handled_ += page.notifications.size();
    if (on_page_) on_page_(page);
    co_return std::error_code{};
  }

  unity_setup& setup_;
  unity::poller poller_;
  std::function<void(const unity::fetch_page&)> on_page_;
  std::uint64_t handled_ = 0;
  std::string first_id_, last_id_, scratch_;
  std::optional<std::error_code> result_;
};

// One fetch answer of `page_size` notifications from the first, as the poller receives it.
std::string fetch_page_body(unity_setup& s, std::uint64_t first) {
  const auto base = s.server.call([&] { return s.emulator->base_url(); });
  const std::string position = s.server.call([&] { return s.emulator->position_at(subscription, first); });
  const auto where = eventwire::net::with_query_parameter(
      eventwire::net::join_path(base, std::string("api/notifications/subscriptions/") + subscription + "/fetch"),
      "position", position);
  eventwire::net::http_client client(s.io.get_executor());
  std::optional<std::string> body;
  asio::co_spawn(s.io, [&]() -> asio::awaitable<void> {
    auto [ec, response] = co_await client.get(where);
    if (ec || response.result_int() != 200) bench::fail("fetching the reference page: " + client.last_error_detail());
    body = std::move(response.body());
  }, [](std::exception_ptr e) { if (e) std::rethrow_exception(e); });
  bench::run_until(s.io, [&] { return body.has_value(); }, "the reference page");
  return *body;
}

// The reference's input: fetched once, in check_then_capture().
std::string reference_page;

// Every id in order through the poller, and the reference page decodes to what was generated.
void check_then_capture() {
  unity_setup s;
  const std::uint64_t first = s.generate(checked_notifications);
  std::vector<std::string> ids;
  {
    std::string scratch;
    drain d(s, [&](const unity::fetch_page& page) {
      for (const auto& n : page.notifications) ids.emplace_back(n.event_id.decode(scratch));
    });
    d.until(checked_notifications);
    d.finish(first, checked_notifications);
  }
  for (std::uint64_t i = 0; i < ids.size(); ++i)
    if (ids[i] != emulator::unity_emulator::event_id(first + i)) bench::fail("notification " + std::to_string(i) + " out of order");

  reference_page = fetch_page_body(s, first);
  unity::fetch_page_decoder decoder;
  unity::fetch_page page;
  if (decoder.decode(reference_page, page) || page.notifications.size() != page_size || !page.more_available)
    bench::fail("the reference page does not decode to " + std::to_string(page_size) + " notifications");
  std::string scratch;
  for (std::uint64_t i = 0; i < page_size; ++i)
    if (page.notifications[i].event_id.decode(scratch) != emulator::unity_emulator::event_id(first + i))
      bench::fail("the reference page's notification " + std::to_string(i) + " is not the emulator's");
  std::fprintf(stderr, "unity_session: %llu notifications checked in order; reference page %zu bytes\n",
               static_cast<unsigned long long>(checked_notifications), reference_page.size());
}

void unity_poller(benchmark::State& state) {
  unity_setup s;
  std::uint64_t first = 0;
  std::optional<drain> d;
  bench::timed_runs(
      state, notifications_per_drain,
      [&] {
        first = s.generate(notifications_per_drain);
        d.emplace(s);
      },
      [&] { d->until(notifications_per_drain); },
      [&] {
        d->finish(first, notifications_per_drain);
        d.reset();
      });
}
BENCHMARK(unity_poller)->Unit(benchmark::kMillisecond);

// The decode alone, and the counting handler's work, on one page of the same bytes.
void unity_page_decode_only(benchmark::State& state) {
  unity::fetch_page_decoder decoder;
  unity::fetch_page page;
  std::uint64_t handled = 0;
  for (auto _ : state) {
    if (decoder.decode(reference_page, page)) bench::fail("the reference page stopped decoding");
    handled += page.notifications.size();
    benchmark::DoNotOptimize(page);
  }
  if (handled != state.iterations() * page_size) bench::fail("the decode-only loop lost notifications");
  state.SetItemsProcessed(static_cast<std::int64_t>(handled));
}
BENCHMARK(unity_page_decode_only)->Unit(benchmark::kMicrosecond);

}  // namespace

int main(int argc, char** argv) {
  check_then_capture();
  return bench::run_benchmarks(argc, argv, {{"unity_poller", "unity_page_decode_only"}});
}
