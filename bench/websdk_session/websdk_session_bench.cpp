// Genetec Web SDK events per second from the emulator's stream through websdk::event_stream to a
// counting on_message handler, beside two references on the same bytes in the same run:
//   decode-only: the multipart splitter and the websdk stream decoder, part by part, as the
//                stream does them, without sockets (the goal: the stream at >= 0.5x of it);
//   splitter:    the multipart splitter alone.
//
// The emulator runs on its own thread (real sockets on 127.0.0.1). The stream subscribes to
// every event type the emulator generates; each iteration queues N events (generate(N), not
// timed) and times their arrival. CPU time is the stream's thread alone; the wall_per_s counter
// is events per second of elapsed time, the emulator's writing included. The references' bytes
// are the parts of a checked run, framed as the emulator frames them (src/emulator/websdk_wire),
// fed in reads of the stream's read_buffer_size.
//
// Before any timing: 2,000 events must arrive in the generator's order (each from the entity the
// generator cycles to), the references must find every part, and every timed run must count
// exactly the events generated with nothing skipped; otherwise the program fails.

#include <eventwire/bench/emulator_thread.hpp>
#include <eventwire/bench/fail.hpp>
#include <eventwire/bench/run_benchmarks.hpp>
#include <eventwire/bench/run_until.hpp>
#include <eventwire/bench/timed_runs.hpp>
#include <eventwire/emulator/websdk_emulator.hpp>
#include <eventwire/multipart/boundary.hpp>
#include <eventwire/multipart/splitter.hpp>
#include <eventwire/websdk/event_stream.hpp>
#include <eventwire/websdk/stream_decoder.hpp>

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
#include <string_view>
#include <variant>
#include <vector>

namespace {

namespace asio = boost::asio;
namespace bench = eventwire::bench;
namespace emulator = eventwire::emulator;
namespace multipart = eventwire::multipart;
namespace websdk = eventwire::websdk;
using eventwire::codec::status;

constexpr std::uint64_t events_per_run = 100'000;
constexpr std::uint64_t checked_events = 2'000;
constexpr std::string_view content_type = "multipart/mixed; boundary=--GENETECBOUNDARY";

// Every event type the emulator's generator raises, from every entity of its type.
std::vector<websdk::stream_subscription> every_generated_event() {
  using s = websdk::stream_subscription;
  return {s::every("Camera", "CameraMotion"), s::every("Camera", "CameraMotionOff"),
          s::every("Door", "AccessGranted"), s::every("Door", "DoorOpened"), s::every("Door", "DoorClosed"),
          s::every("Cardholder", "CardholderAccessGranted"), s::every("Cardholder", "CardholderAccessRefused")};
}

// The emulator on its thread and one open event_stream on this one, counting events.
struct websdk_setup {
  using inspector = std::function<void(const websdk::event_notification&, std::string_view part)>;

  explicit websdk_setup(inspector inspect = {}) : inspect_(std::move(inspect)) {
    const auto url = server.call([this] {
      emulator::websdk_emulator_options o;
      o.max_queued_bytes = std::size_t{1} << 30;  // a whole run is queued at once
      emulator.emplace(server.executor(), o);
      for (const auto& e : emulator->entities()) source_guids.push_back(e.guid);
      return emulator->base_url().to_string();
    });
    websdk::event_stream_options o;
    o.url = url;
    o.username = "admin";
    o.application_id = "eventwire";
    o.password = "admin";
    o.subscriptions = every_generated_event();
    stream.emplace(io.get_executor(), o);
    stream->on_message([this](const websdk::stream_message& m, std::string_view part) {
      const auto* e = std::get_if<websdk::event_notification>(&m);
      if (e == nullptr) return;
      ++events;
      if (inspect_) inspect_(*e, part);
    });
    asio::co_spawn(io, stream->run(), [this](std::exception_ptr e, std::error_code ec) {
      if (e) std::rethrow_exception(e);
      result = ec;
    });
    bench::run_until(io, [&] { return stream->connected() || result; }, "the stream's connect");
    if (result) bench::fail("the stream did not connect: " + stream->last_error_detail());
  }
  ~websdk_setup() {
    asio::co_spawn(io, stream->stop(), [](std::exception_ptr e) { if (e) std::rethrow_exception(e); });
    bench::run_until(io, [&] { return result.has_value(); }, "the stream's end");
    server.call([this] { emulator->stop(); });
    server.call([this] { emulator.reset(); });
  }
  websdk_setup(const websdk_setup&) = delete;
  websdk_setup& operator=(const websdk_setup&) = delete;

  // Queues n events on the stream (the emulator renders them now); returns the events expected.
  std::uint64_t generate(std::uint64_t n) {
    if (server.call([&] { return emulator->generate(n); }) != n) bench::fail("the emulator did not queue every event");
    generated += n;
    return generated;
  }

  // Reads until `expected` events were handed out; fails on more, on skipped parts, on an end.
  void receive(std::uint64_t expected) {
    bench::run_until(io, [&] { return events >= expected || result; }, "the stream's events");
    if (result) bench::fail("the stream ended: " + stream->last_error_detail());
    if (events != expected || stream->statistics().skipped != 0)
      bench::fail("the stream counted " + std::to_string(events) + " events (" +
                  std::to_string(stream->statistics().skipped) + " parts skipped), not " + std::to_string(expected));
  }

  bench::emulator_thread server;
  std::optional<emulator::websdk_emulator> emulator;
  std::vector<std::string> source_guids;  // entities in the generator's order
  asio::io_context io;
  std::optional<websdk::event_stream> stream;
  std::uint64_t generated = 0;
  std::uint64_t events = 0;
  std::optional<std::error_code> result;

 private:
  inspector inspect_;
};

// The references' input: the stream bytes of a checked run, made in check_then_capture().
std::string stream_bytes;
std::uint64_t stream_parts = 0;

// Feeds `bytes` to a splitter in reads of the stream's size; `on_event` sees every event.
template <class OnEvent>
void split(std::string_view bytes, OnEvent on_event) {
  std::error_code ec;
  multipart::splitter splitter(multipart::parse_boundary(content_type, ec));
  const std::size_t read_size = websdk::event_stream_options{}.read_buffer_size;
  for (std::size_t at = 0; at < bytes.size(); at += read_size) {
    std::string_view in = bytes.substr(at, read_size);
    for (;;) {
      const auto r = splitter.feed(in);
      in.remove_prefix(r.consumed);
      if (r.state == status::error) bench::fail("the splitter refused the stream bytes");
      if (r.state != status::event) break;
      on_event(splitter.current());
    }
  }
}

std::uint64_t splitter_parts(std::string_view bytes) {
  std::uint64_t parts = 0;
  split(bytes, [&](const multipart::event& e) { parts += e.kind == multipart::event_kind::part_end; });
  return parts;
}

// What the stream does without sockets: each part's body gathered, decoded, events counted.
struct decode_only {
  std::string part;
  websdk::stream_decoder decoder;
  websdk::stream_message message;

  std::uint64_t events(std::string_view bytes) {
    std::uint64_t n = 0;
    split(bytes, [&](const multipart::event& e) {
      if (e.kind == multipart::event_kind::part_begin) part.clear();
      if (e.kind == multipart::event_kind::body) part.append(e.bytes);
      if (e.kind != multipart::event_kind::part_end) return;
      if (decoder.decode(part, message)) bench::fail("a part does not decode: " + decoder.describe_error());
      n += std::holds_alternative<websdk::event_notification>(message);
    });
    return n;
  }
};

// Events in the generator's order through the stream; their parts, framed as the emulator frames
// them, are the references' bytes, which both references must split into every part.
void check_then_capture() {
  std::vector<std::string> sources;
  stream_bytes = "--GENETECBOUNDARY\r\n";
  {
    std::string scratch;
    websdk_setup s([&](const websdk::event_notification& e, std::string_view part) {
      sources.emplace_back(e.source_guid.decode(scratch));
      stream_bytes.append("Content-type: text/json\r\n\r\n").append(part).append("\r\n--GENETECBOUNDARY\r\n");
    });
    s.receive(s.generate(checked_events));
    for (std::size_t i = 0; i < sources.size(); ++i)
      if (sources[i] != s.source_guids[i % s.source_guids.size()]) bench::fail("event " + std::to_string(i) + " out of order");
  }
  stream_parts = checked_events;
  if (splitter_parts(stream_bytes) != stream_parts || decode_only{}.events(stream_bytes) != stream_parts)
    bench::fail("the references do not find every part of the stream bytes");
  std::fprintf(stderr, "websdk_session: %llu events checked in order; references' input %zu bytes\n",
               static_cast<unsigned long long>(checked_events), stream_bytes.size());
}

void websdk_event_stream(benchmark::State& state) {
  websdk_setup s;
  std::uint64_t expected = 0;
  bench::timed_runs(
      state, events_per_run, [&] { expected = s.generate(events_per_run); }, [&] { s.receive(expected); }, [] {});
}
BENCHMARK(websdk_event_stream)->Unit(benchmark::kMillisecond);

void websdk_decode_only(benchmark::State& state) {
  decode_only d;
  std::uint64_t total = 0;
  for (auto _ : state) total += d.events(stream_bytes);
  if (total != state.iterations() * stream_parts) bench::fail("the decode-only loop lost events");
  state.SetItemsProcessed(static_cast<std::int64_t>(total));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * stream_bytes.size()));
}
BENCHMARK(websdk_decode_only)->Unit(benchmark::kMicrosecond);

void multipart_splitter_only(benchmark::State& state) {
  std::uint64_t total = 0;
  for (auto _ : state) total += splitter_parts(stream_bytes);
  if (total != state.iterations() * stream_parts) bench::fail("the splitter loop lost parts");
  state.SetItemsProcessed(static_cast<std::int64_t>(total));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * stream_bytes.size()));
}
BENCHMARK(multipart_splitter_only)->Unit(benchmark::kMicrosecond);

}  // namespace

int main(int argc, char** argv) {
  check_then_capture();
  return bench::run_benchmarks(argc, argv,
                               {{"websdk_event_stream", "websdk_decode_only"},
                                {"websdk_event_stream", "multipart_splitter_only"}});
}
