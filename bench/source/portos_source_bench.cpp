// Portos notifications per second end to end: the Portos emulator (SignalR over WebSockets on
// 127.0.0.1, generate(N, 0) at full speed) -> source::portos_source (hub_connection, notification
// decoder, CloudEvents rendering) -> a counting event::delivery, beside the notification decoder
// alone on the same notification texts, in the same run.
//
// The emulator runs on its own thread. Each iteration queues N notifications (not timed) and
// times their arrival as events, for two layouts of the hub's records: one per WebSocket message
// (layout:1) and coalesced into messages of up to 64 KiB, as ASP.NET Core sends under load
// (layout:0). CPU time is the source's thread alone; the wall_per_s counter is events per second
// of elapsed time, the emulator's work included. The reference's texts are the OnEvent arguments
// of a checked run, caught by a plain hub_connection.
//
// Before any timing: 1,000 notifications must become events of the generator's types and
// subjects in its order, the texts must decode, and every timed run must count exactly the
// events generated with no decode error; otherwise the program fails.

#include "counting_delivery.hpp"

#include <eventwire/bench/emulator_thread.hpp>
#include <eventwire/bench/fail.hpp>
#include <eventwire/bench/run_benchmarks.hpp>
#include <eventwire/bench/run_until.hpp>
#include <eventwire/bench/timed_runs.hpp>
#include <eventwire/emulator/portos_emulator.hpp>
#include <eventwire/event/memory_delivery.hpp>
#include <eventwire/portos/notification.hpp>
#include <eventwire/portos/notification_decoder.hpp>
#include <eventwire/signalr/hub_connection.hpp>
#include <eventwire/source/portos_source.hpp>

#include <benchmark/benchmark.h>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <exception>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace {

namespace asio = boost::asio;
namespace bench = eventwire::bench;
namespace emulator = eventwire::emulator;
namespace portos = eventwire::portos;
namespace signalr = eventwire::signalr;

constexpr std::uint64_t notifications_per_run = 100'000;
constexpr std::uint64_t checked_notifications = 1'000;

// Everything the generator sends: every resource change and the licence activations.
std::vector<portos::subscription> every_generated_notification() {
  return {{std::string(portos::resources_changed_event), {}}, {std::string(portos::licence_activated_event), {}}};
}

void rethrow(std::exception_ptr e) {
  if (e) std::rethrow_exception(e);
}

// The Portos emulator on its own thread.
struct portos_server {
  explicit portos_server(std::size_t records_per_message) {
    url = thread.call([&] {
      emulator::portos_emulator_options o;
      o.hub.max_queued_bytes = std::size_t{1} << 30;  // a whole run is queued at once
      emulator.emplace(thread.executor(), o);
      emulator::signalr_hub_faults layout;
      layout.records_per_message = records_per_message;
      emulator->hub().set_faults(layout);
      return emulator->url();
    });
  }
  ~portos_server() {
    thread.call([this] { emulator->hub().stop_now(); });
    thread.call([this] { emulator.reset(); });
  }
  portos_server(const portos_server&) = delete;
  portos_server& operator=(const portos_server&) = delete;

  // Queues n notifications to the one subscribed connection (rendered now, sent from now on).
  void generate(std::uint64_t n) {
    const std::uint64_t delivered = thread.await([this, n] { return emulator->generate(n, 0); });
    if (delivered != n) bench::fail("the emulator queued " + std::to_string(delivered) + " of " + std::to_string(n));
  }

  bench::emulator_thread thread;
  std::optional<emulator::portos_emulator> emulator;
  std::string url;
};

// A portos_source on this thread, connected and subscribed, publishing to `out`.
struct source_setup {
  source_setup(std::size_t records_per_message, eventwire::event::delivery& out) : server(records_per_message) {
    eventwire::source::portos_options o;
    o.name = "pos";
    o.hub.url = server.url;
    o.subscriptions = every_generated_notification();
    source.emplace(io.get_executor(), o);
    asio::co_spawn(io, source->run(out), [this](std::exception_ptr e, std::error_code ec) {
      rethrow(e);
      result = ec;
    });
    bench::run_until(io, [&] { return source->statistics().connected || result; }, "the source's subscriptions");
    if (result) bench::fail("the source did not connect: " + result->message());
  }
  ~source_setup() {
    asio::co_spawn(io, source->stop(), rethrow);
    bench::run_until(io, [&] { return result.has_value(); }, "the source's end");
  }
  source_setup(const source_setup&) = delete;
  source_setup& operator=(const source_setup&) = delete;

  // Fails unless the source published exactly `expected` events and decoded everything.
  void check(std::uint64_t published, std::uint64_t expected) const {
    if (published != expected || source->portos_counters().decode_errors != 0 || source->statistics().errors != 0)
      bench::fail("the source published " + std::to_string(published) + " events (" +
                  std::to_string(source->statistics().errors) + " errors), not " + std::to_string(expected));
  }

  portos_server server;
  asio::io_context io;
  std::optional<eventwire::source::portos_source> source;
  std::optional<std::error_code> result;
};

// The event of the generator's i-th notification (portos_emulator::generate): every tenth a
// licence activation, the others changes of door-, camera-, user- and zone-<i % 1000> in turn.
bool is_generated(const eventwire::event::memory_delivery::stored_event& e, std::uint64_t i) {
  static const char* const kinds[] = {"door", "camera", "user", "zone"};
  if ((i + 1) % 10 == 0) return e.type == portos::licence_activated_event && e.subject.empty();
  return e.type == portos::resources_changed_event && e.subject == kinds[i % 4] + ("-" + std::to_string(i % 1000));
}

// The OnEvent arguments of n generated notifications, as a plain hub_connection receives them.
std::vector<std::string> notification_texts(std::uint64_t n) {
  portos_server server(1);
  asio::io_context io;
  signalr::hub_options o;
  o.url = server.url;
  signalr::hub_connection hub(io.get_executor(), o);
  std::vector<std::string> texts;
  hub.on("OnEvent", [&](const signalr::invocation& invocation) {
    for (std::string_view argument : invocation.arguments) texts.emplace_back(argument);
  });
  bool subscribed = false;
  asio::co_spawn(io, [&]() -> asio::awaitable<void> {
    const std::error_code started = co_await hub.start();
    if (started) bench::fail("the capturing connection: " + hub.last_error_detail());
    for (const auto& s : every_generated_notification()) {
      const std::string payload = portos::encode_subscription(s);
      auto [ec, answer] = co_await hub.invoke("Subscribe", payload);
      if (ec) bench::fail("Subscribe: " + ec.message());
    }
    subscribed = true;
  }, rethrow);
  bench::run_until(io, [&] { return subscribed; }, "the capturing connection");
  server.generate(n);
  bench::run_until(io, [&] { return texts.size() >= n; }, "the notification texts");
  bool stopped = false;
  asio::co_spawn(io, [&]() -> asio::awaitable<void> {
    co_await hub.stop();
    stopped = true;
  }, rethrow);
  bench::run_until(io, [&] { return stopped; }, "the capturing connection's end");
  return texts;
}

// The reference's input, made in check_then_capture().
std::vector<std::string> texts;

// Events of the generator's types and subjects in its order through the source, and texts that
// decode.
void check_then_capture() {
  {
    asio::io_context unused;  // the delivery's timer: nothing waits on it here
    eventwire::event::memory_delivery delivery(unused.get_executor());
    source_setup s(1, delivery);
    s.server.generate(checked_notifications);
    bench::run_until(s.io, [&] { return delivery.events().size() >= checked_notifications; }, "the checked events");
    s.check(delivery.events().size(), checked_notifications);
    for (std::uint64_t i = 0; i < checked_notifications; ++i)
      if (!is_generated(delivery.events()[i], i)) bench::fail("event " + std::to_string(i) + " is not the generator's");
  }
  texts = notification_texts(checked_notifications);
  portos::notification_decoder decoder;
  portos::notification decoded;
  for (const auto& t : texts)
    if (decoder.decode(t, decoded)) bench::fail("a notification text does not decode: " + decoder.describe_error());
  if (texts.size() != checked_notifications) bench::fail("caught " + std::to_string(texts.size()) + " texts");
  std::fprintf(stderr, "portos_source: %llu events checked in order; %zu notification texts decode\n",
               static_cast<unsigned long long>(checked_notifications), texts.size());
}

void portos_source(benchmark::State& state) {
  bench::counting_delivery delivery;
  source_setup s(static_cast<std::size_t>(state.range(0)), delivery);
  std::uint64_t expected = 0;
  bench::timed_runs(
      state, notifications_per_run,
      [&] {
        s.server.generate(notifications_per_run);
        expected += notifications_per_run;
      },
      [&] { bench::run_until(s.io, [&] { return delivery.events() >= expected || s.result; }, "the source's events"); },
      [&] { s.check(delivery.events(), expected); });
}
BENCHMARK(portos_source)->ArgName("layout")->Arg(1)->Arg(0)->Unit(benchmark::kMillisecond);

void portos_decode_only(benchmark::State& state) {
  portos::notification_decoder decoder;
  portos::notification decoded;
  std::uint64_t total = 0;
  for (auto _ : state) {
    for (const auto& t : texts) {
      if (decoder.decode(t, decoded)) bench::fail("a notification text stopped decoding");
      benchmark::DoNotOptimize(decoded);
    }
    total += texts.size();
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(total));
}
BENCHMARK(portos_decode_only)->Unit(benchmark::kMicrosecond);

}  // namespace

int main(int argc, char** argv) {
  check_then_capture();
  return bench::run_benchmarks(argc, argv,
                               {{"portos_source/layout:1", "portos_decode_only"},
                                {"portos_source/layout:0", "portos_decode_only"}});
}
