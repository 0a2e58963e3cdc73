// SignalR codec benchmarks: the record framer against a bare memchr loop, hub message decoding
// (envelope plus the walk to the argument's raw view) against a Boost.JSON DOM parse of the same
// record, and invocation encoding. Every output is checked before any timing; a mismatch aborts.

#include <eventwire/json/reader.hpp>
#include <eventwire/signalr/hub_message_decoder.hpp>
#include <eventwire/signalr/hub_message_encoder.hpp>
#include <eventwire/signalr/record_framer.hpp>

#include <benchmark/benchmark.h>
#include <boost/json.hpp>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>

namespace {

using namespace eventwire;
using namespace eventwire::signalr;

constexpr std::size_t record_count = 64 * 1024;
constexpr std::size_t record_size = 300;  // without the separator

void require(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "signalr_bench: output check failed: %s\n", what);
    std::abort();
  }
}

// A Clay-like ReceiveMessage invocation of exactly `size` bytes: one string argument holding
// escaped JSON, padded to length.
std::string clay_record(std::size_t size, int id) {
  const std::string head = R"({"type":1,"target":"ReceiveMessage","arguments":["{\"id\":)" + std::to_string(id) +
                           R"(,\"type\":\"incident\",\"collectionId\":\"site-42\",\"message\":\")";
  const std::string tail = R"(\"}"]})";
  std::string record = head;
  if (record.size() + tail.size() < size) record.append(size - record.size() - tail.size(), 'x');
  record += tail;
  return record;
}

const std::string portos_record =
    R"({"type":1,"target":"OnEvent","arguments":[{"e":"portos.resources.changed","s":{"c":"conn-1","u":{"u":"admin","d":"POS-1"}},"ca":"2024-05-01T10:00:00.123+02:00","p":{"u":{"u":"42","d":"Jane"},"n":"door","a":1,"i":{"i":"17","n":"door","v":3},"r":[{"i":"17","n":"door","v":3}]}}]})";

const std::string& stream() {
  static const std::string s = [] {
    std::string out;
    out.reserve(record_count * (record_size + 1));
    for (std::size_t i = 0; i < record_count; ++i) out.append(clay_record(record_size, static_cast<int>(i % 1000))) += '\x1e';
    return out;
  }();
  return s;
}

// Frames `input` in chunks of `chunk` bytes; calls on_record for each record.
template <class OnRecord>
void frame_chunks(record_framer& framer, std::string_view input, std::size_t chunk, OnRecord&& on_record) {
  while (!input.empty()) {
    std::string_view piece = input.substr(0, chunk);
    input.remove_prefix(piece.size());
    for (;;) {
      const codec::feed_result r = framer.feed(piece);
      if (r.state != codec::status::event) break;
      piece.remove_prefix(r.consumed);
      on_record(framer.record());
    }
  }
}

// The part of a decode that a handler pays for: the envelope and the raw view of argument 0.
std::string_view first_argument(std::string_view record) {
  hub_message m;
  if (decode_hub_message(record, m)) return {};
  const auto* inv = std::get_if<invocation>(&m);
  if (inv == nullptr) return {};
  auto it = inv->arguments.begin();
  return it == inv->arguments.end() ? std::string_view{} : *it;
}

void check_outputs() {
  const std::string& s = stream();
  for (std::size_t chunk : {s.size(), std::size_t{4096}, std::size_t{65536}}) {
    record_framer framer;
    std::size_t n = 0;
    bool same = true;
    frame_chunks(framer, s, chunk, [&](std::string_view r) {
      same = same && r == std::string_view(s).substr(n * (record_size + 1), record_size);
      ++n;
    });
    require(same && n == record_count && !framer.finish(), "framer records");
  }
  std::size_t separators = 0;
  for (const char* p = s.data(), *end = p + s.size(); (p = static_cast<const char*>(std::memchr(p, '\x1e', end - p))); ++p)
    ++separators;
  require(separators == record_count, "memchr count");

  for (const std::string& record : {portos_record, clay_record(record_size, 7)}) {
    const boost::json::value dom = boost::json::parse(record);
    const std::string_view argument = first_argument(record);
    require(!argument.empty(), "decode");
    require(boost::json::parse(argument) == dom.at("arguments").at(0), "argument 0 equals the DOM's");
    std::string encoded;
    append_invocation(encoded, call{"OnEvent", std::span(&argument, 1)});
    require(boost::json::parse(std::string_view(encoded).substr(0, encoded.size() - 1)).at("arguments") ==
                dom.at("arguments"),
            "encode");
  }
}

void BM_framer(benchmark::State& state) {
  const std::string& s = stream();
  const auto chunk = static_cast<std::size_t>(state.range(0));
  record_framer framer;
  for (auto _ : state) {
    std::size_t n = 0;
    frame_chunks(framer, s, chunk == 0 ? s.size() : chunk, [&n](std::string_view r) {
      benchmark::DoNotOptimize(r.data());
      ++n;
    });
    if (n != record_count) state.SkipWithError("wrong record count");
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * s.size()));
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * record_count));
}
BENCHMARK(BM_framer)->Arg(0)->Arg(4096)->Arg(65536)->ArgName("chunk")->Unit(benchmark::kMicrosecond);

void BM_memchr_count(benchmark::State& state) {
  const std::string& s = stream();
  for (auto _ : state) {
    std::size_t n = 0;
    for (const char* p = s.data(), *end = p + s.size();
         (p = static_cast<const char*>(std::memchr(p, '\x1e', static_cast<std::size_t>(end - p)))); ++p)
      ++n;
    benchmark::DoNotOptimize(n);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * s.size()));
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * record_count));
}
BENCHMARK(BM_memchr_count)->Unit(benchmark::kMicrosecond);

void decode_bench(benchmark::State& state, const std::string& record) {
  for (auto _ : state) {
    const std::string_view argument = first_argument(record);
    benchmark::DoNotOptimize(argument.data());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * record.size()));
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}

void boost_dom_bench(benchmark::State& state, const std::string& record) {
  for (auto _ : state) {
    boost::json::value dom = boost::json::parse(record);
    benchmark::DoNotOptimize(dom);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * record.size()));
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}

void BM_decode_portos(benchmark::State& state) { decode_bench(state, portos_record); }
void BM_boost_json_dom_portos(benchmark::State& state) { boost_dom_bench(state, portos_record); }
void BM_decode_clay(benchmark::State& state) { decode_bench(state, clay_record(record_size, 7)); }
void BM_boost_json_dom_clay(benchmark::State& state) { boost_dom_bench(state, clay_record(record_size, 7)); }
BENCHMARK(BM_decode_portos);
BENCHMARK(BM_boost_json_dom_portos);
BENCHMARK(BM_decode_clay);
BENCHMARK(BM_boost_json_dom_clay);

// A Clay handler's whole job after the decode: unescape the string argument and read its "id".
void BM_decode_clay_and_read_id(benchmark::State& state) {
  const std::string record = clay_record(record_size, 7);
  std::string scratch;
  for (auto _ : state) {
    json::reader outer(first_argument(record));
    json::raw_string message;
    outer.read_string(message);
    json::reader inner(message.decode(scratch));
    std::int64_t id = -1;
    inner.begin_object();
    for (json::raw_string key; inner.next_member(key);) {
      if (key.equals("id")) inner.read_int64(id);
      else inner.skip();
    }
    if (id != 7) state.SkipWithError("wrong id");
    benchmark::DoNotOptimize(id);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
BENCHMARK(BM_decode_clay_and_read_id);

void BM_encode_invocation(benchmark::State& state) {
  const std::string_view argument = first_argument(portos_record);
  std::string out;
  for (auto _ : state) {
    out.clear();
    append_invocation(out, call{"OnEvent", std::span(&argument, 1)});
    benchmark::DoNotOptimize(out.data());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * out.size()));
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
BENCHMARK(BM_encode_invocation);

}  // namespace

int main(int argc, char** argv) {
  check_outputs();
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
