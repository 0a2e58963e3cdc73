// The ReceiveMessage decoder (unescape into a reused buffer, then one pull-reader walk) beside
// what a naive client does with Boost.JSON: parse the argument into a DOM, then parse the string
// inside it into a second DOM. Same ~300-byte escaped argument, same run; every output is
// checked before any timing.

#include <eventwire/clay/message_decoder.hpp>
#include <eventwire/json/reader.hpp>
#include <eventwire/json/writer.hpp>

#include <benchmark/benchmark.h>
#include <boost/json/parse.hpp>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace {

namespace clay = eventwire::clay;

// An incident message; escaped as the argument it is about 300 bytes.
constexpr std::string_view message_json =
    R"({"id":"5b0e7c1a-3f2d-4e8b-9a6c-0d1e2f3a4b5c","type":"DoorLeftOpen",)"
    R"("time":"2024-05-14T09:21:37.512Z","collectionId":"a1b2c3d4-e5f6-4711-8899-aabbccddeeff",)"
    R"("lock":{"id":"7f3e","name":"Gate 7"},"severity":2,"acknowledged":false})";

const std::string& argument() {
  static const std::string text = [] {
    std::string out;
    eventwire::json::append_string(out, message_json);
    return out;
  }();
  return text;
}

[[noreturn]] void mismatch(const char* what) {
  std::fprintf(stderr, "clay benchmark: %s does not give the expected fields\n", what);
  std::abort();
}

boost::json::value naive_parse(std::string_view arg) {
  const boost::json::value outer = boost::json::parse(arg);
  return boost::json::parse(outer.get_string());
}

void check() {
  clay::message_decoder decoder;
  std::string buffer;
  clay::message m;
  if (decoder.decode(argument(), clay::hub::incident, buffer, m) || m.json != message_json ||
      !m.id || m.id->text.escaped != "5b0e7c1a-3f2d-4e8b-9a6c-0d1e2f3a4b5c" || !m.type ||
      m.type->escaped != "DoorLeftOpen" || !m.time || !m.collection_id)
    mismatch("the Clay decoder");
  const boost::json::value v = naive_parse(argument());
  if (v.at("id") != "5b0e7c1a-3f2d-4e8b-9a6c-0d1e2f3a4b5c" || v.at("type") != "DoorLeftOpen" ||
      v.at("lock").at("name") != "Gate 7")
    mismatch("Boost.JSON parse");
}

void count(benchmark::State& state) {
  state.SetItemsProcessed(state.iterations());
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(argument().size()));
  state.counters["argument_bytes"] = static_cast<double>(argument().size());
}

void clay_decode(benchmark::State& state) {
  clay::message_decoder decoder;
  std::string buffer;
  clay::message m;
  const std::string& arg = argument();
  for (auto _ : state) {
    const std::error_code ec = decoder.decode(arg, clay::hub::incident, buffer, m);
    benchmark::DoNotOptimize(ec);
    benchmark::DoNotOptimize(m);
  }
  count(state);
}

void boost_json_dom_parse_twice(benchmark::State& state) {
  const std::string& arg = argument();
  for (auto _ : state) {
    auto value = naive_parse(arg);
    benchmark::DoNotOptimize(value);
  }
  count(state);
}

// The two halves of clay_decode, to see where the time goes.
void clay_unescape_only(benchmark::State& state) {
  const std::string& arg = argument();
  std::string buffer(arg.size(), '\0');
  for (auto _ : state) {
    eventwire::json::reader r(arg);
    eventwire::json::raw_string s;
    std::size_t n = 0;
    const bool ok = r.read_string(s) && s.decode_into(buffer.data(), buffer.size(), n);
    benchmark::DoNotOptimize(ok);
    benchmark::DoNotOptimize(n);
  }
  count(state);
}

void clay_decode_message_only(benchmark::State& state) {
  clay::message_decoder decoder;
  clay::message m;
  for (auto _ : state) {
    const std::error_code ec = decoder.decode_message(message_json, clay::hub::incident, m);
    benchmark::DoNotOptimize(ec);
    benchmark::DoNotOptimize(m);
  }
  count(state);
}

BENCHMARK(clay_decode);
BENCHMARK(clay_unescape_only);
BENCHMARK(clay_decode_message_only);
BENCHMARK(boost_json_dom_parse_twice);

}  // namespace

int main(int argc, char** argv) {
  check();
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
