// Throughput of the multipart splitter on ~1 MiB of Genetec Web SDK event parts, fed whole and in
// 4 KiB and 64 KiB reads, against a memmem loop that only counts the delimiter (the ceiling).
// The splitter's output is checked against what was generated before anything is timed.

#include <eventwire/bench/feed_in_reads.hpp>
#include <eventwire/bench/run_benchmarks.hpp>
#include <eventwire/multipart/part_assembler.hpp>
#include <eventwire/multipart/splitter.hpp>

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>

namespace {

using namespace eventwire::multipart;
using eventwire::codec::status;

constexpr std::string_view boundary = "--GENETECBOUNDARY";

// A CameraMotion event from the Web SDK documentation (shared/seeds/001).
constexpr std::string_view event_json =
    R"json({"Rsp":{"Status":"Ok","Result":{"Event":{"Condition":"","VideoEncoderDevice":"00000000-0000-0000-0000-000000000000","SourceTimeZone":{"Id":"Singapore Standard Time","DisplayName":"(UTC+08:00) Kuala Lumpur, Singapore","StandardName":"Malay Peninsula Standard Time","DaylightName":"Malay Peninsula Daylight Time","BaseUtcOffset":"08:00:00","AdjustmentRules":null,"SupportsDaylightSavingTime":false},"EventName":2535,"Coordinates":null,"SourceEntity":"00000001-0000-babe-0000-2bddb61cced4","GroupId":"00000000-0000-0000-0000-000000000000","SourceEntityTypes":["Camera"],"Timestamp":"2026-03-15T11:05:44Z","OfflinePeriod":"None","Type":"CameraMotion","RelatedEntities":["00000001-0000-babe-0000-2bddb61cced4"]},"EventType":"CameraMotion","SourceGuid":"00000001-0000-babe-0000-2bddb61cced4","Timestamp":"2026-03-15T11:05:44.3322672Z","GroupId":"00000000-0000-0000-0000-000000000000"}}})json";

struct tally {
  std::size_t parts = 0;
  std::size_t body_bytes = 0;
  std::size_t heartbeats = 0;

  friend bool operator==(const tally&, const tally&) = default;
};

struct stream {
  std::string bytes;
  tally expected;
};

stream make_stream(std::size_t at_least) {
  stream s;
  s.bytes = std::string(boundary) + "\r\n";
  while (s.bytes.size() < at_least) {
    s.bytes.append("Content-type: text/json\r\n\r\n").append(event_json);
    s.bytes.append("\r\n").append(boundary).append("\r\n");
    ++s.expected.parts;
    s.expected.body_bytes += event_json.size();
    if (s.expected.parts % 8 == 0) {  // an idle moment now and then
      s.bytes.append("KeepAlive\r\n");
      ++s.expected.heartbeats;
    }
  }
  return s;
}

const stream& genetec_stream() {
  static const stream s = make_stream(1 << 20);
  return s;
}

tally split(std::string_view bytes, std::size_t read_size) {
  splitter s(boundary);
  tally t;
  const bool ok = eventwire::bench::feed_in_reads(s, bytes, read_size, [&](const event& e) {
    if (e.kind == event_kind::part_end) ++t.parts;
    else if (e.kind == event_kind::body) t.body_bytes += e.bytes.size();
    else if (e.kind == event_kind::heartbeat) ++t.heartbeats;
  });
  return ok ? t : tally{};
}

tally assemble(std::string_view bytes) {
  part_assembler a(boundary);
  tally t;
  for (;;) {
    const auto r = a.feed(bytes);
    bytes.remove_prefix(r.consumed);
    if (r.state != status::event) break;
    if (a.current().kind == assembled_kind::part) {
      ++t.parts;
      t.body_bytes += a.current().body.size();
    } else if (a.current().kind == assembled_kind::heartbeat) {
      ++t.heartbeats;
    }
  }
  return t;
}

std::size_t count_delimiters(std::string_view bytes) {
  std::size_t n = 0;
  const char* at = bytes.data();
  const char* const end = bytes.data() + bytes.size();
  while (const void* hit = memmem(at, static_cast<std::size_t>(end - at), boundary.data(),
                                  boundary.size())) {
    ++n;
    at = static_cast<const char*>(hit) + boundary.size();
  }
  return n;
}

void report(benchmark::State& state) {
  const stream& s = genetec_stream();
  eventwire::bench::report_throughput(state, s.bytes.size(), s.expected.parts);
}

void splitter_reads(benchmark::State& state) {
  const stream& s = genetec_stream();
  const std::size_t read_size = eventwire::bench::read_size_of(state, s.bytes.size());
  for (auto _ : state) benchmark::DoNotOptimize(split(s.bytes, read_size));
  report(state);
}
BENCHMARK(splitter_reads)->Arg(0)->Arg(4 << 10)->Arg(64 << 10)->ArgName("read");

void assembler_whole(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(assemble(genetec_stream().bytes));
  report(state);
}
BENCHMARK(assembler_whole);

void memmem_reference(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(count_delimiters(genetec_stream().bytes));
  report(state);
}
BENCHMARK(memmem_reference);

bool output_is_right() {
  const stream& s = genetec_stream();
  bool ok = count_delimiters(s.bytes) == s.expected.parts + 1;
  for (const std::size_t read : {s.bytes.size(), std::size_t{4 << 10}, std::size_t{64 << 10},
                                 std::size_t{1}})
    ok = ok && split(s.bytes, read) == s.expected;
  ok = ok && assemble(s.bytes) == s.expected;
  std::fprintf(stderr, "multipart bench input: %zu bytes, %zu parts, %zu body bytes, %zu heartbeats: %s\n",
               s.bytes.size(), s.expected.parts, s.expected.body_bytes, s.expected.heartbeats,
               ok ? "output checked" : "OUTPUT MISMATCH");
  return ok;
}

}  // namespace

int main(int argc, char** argv) {
  if (!output_is_right()) return EXIT_FAILURE;
  return eventwire::bench::run_benchmarks(argc, argv,
                                          {{"splitter_reads/read:0", "memmem_reference"},
                                           {"splitter_reads/read:4096", "memmem_reference"},
                                           {"splitter_reads/read:65536", "memmem_reference"}});
}
