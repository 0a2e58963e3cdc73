// The IncidentNotification and WebToken decoders beside a Boost.JSON DOM parse of the same text,
// in the same run. Every output is checked before any timing.

#include <eventwire/missioncontrol/notification_decoder.hpp>
#include <eventwire/missioncontrol/web_token_decoder.hpp>

#include <benchmark/benchmark.h>
#include <boost/json/parse.hpp>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace {

namespace mc = eventwire::missioncontrol;

// A StateChanged notification of about 250 bytes, shaped after the decoder's inferred envelope.
constexpr std::string_view notification_json =
    R"({"Type":"StateChanged","IncidentId":"6c3f2a9e-8d1b-4f7a-9b2e-1f0d4c5a7e21",)"
    R"("Timestamp":"2024-05-14T09:21:37.1234567Z","State":"InProgress","PreviousState":"New",)"
    R"("User":{"Id":"0b8e6c1d-2f3a-4e5b-8c7d-9e0f1a2b3c4d","Name":"Operator 7"},"Priority":2})";

constexpr std::string_view web_token_json =
    R"({"Token":"eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJvcGVyYXRvciJ9.c2lnbmF0dXJl",)"
    R"("ValidUntil":"2024-05-14T10:21:37.5Z","MillisecondsValid":3600000})";

[[noreturn]] void mismatch(const char* what) {
  std::fprintf(stderr, "missioncontrol benchmark: %s does not give the expected fields\n", what);
  std::abort();
}

void check() {
  mc::notification_decoder decoder;
  mc::incident_notification n;
  if (decoder.decode(notification_json, n) || n.type != mc::event_type::state_changed ||
      !n.incident_id || n.incident_id->escaped != "6c3f2a9e-8d1b-4f7a-9b2e-1f0d4c5a7e21" ||
      !n.timestamp || n.payload_json != notification_json)
    mismatch("the notification decoder");
  const boost::json::value v = boost::json::parse(notification_json);
  if (v.at("Type") != "StateChanged" || v.at("User").at("Name") != "Operator 7")
    mismatch("Boost.JSON parse");
  mc::web_token_decoder token_decoder;
  mc::web_token t;
  if (token_decoder.decode(web_token_json, t) || !t.valid_until || !t.valid_for ||
      t.valid_for->count() != 3600000)
    mismatch("the web token decoder");
}

void count(benchmark::State& state, std::string_view input) {
  state.SetItemsProcessed(state.iterations());
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(input.size()));
}

void missioncontrol_notification_decode(benchmark::State& state) {
  mc::notification_decoder decoder;
  mc::incident_notification n;
  for (auto _ : state) {
    const std::error_code ec = decoder.decode(notification_json, n);
    benchmark::DoNotOptimize(ec);
    benchmark::DoNotOptimize(n);
  }
  count(state, notification_json);
}

void boost_json_dom_parse_notification(benchmark::State& state) {
  for (auto _ : state) {
    auto value = boost::json::parse(notification_json);
    benchmark::DoNotOptimize(value);
  }
  count(state, notification_json);
}

void missioncontrol_web_token_decode(benchmark::State& state) {
  mc::web_token_decoder decoder;
  mc::web_token t;
  for (auto _ : state) {
    const std::error_code ec = decoder.decode(web_token_json, t);
    benchmark::DoNotOptimize(ec);
    benchmark::DoNotOptimize(t);
  }
  count(state, web_token_json);
}

void boost_json_dom_parse_web_token(benchmark::State& state) {
  for (auto _ : state) {
    auto value = boost::json::parse(web_token_json);
    benchmark::DoNotOptimize(value);
  }
  count(state, web_token_json);
}

BENCHMARK(missioncontrol_notification_decode);
BENCHMARK(boost_json_dom_parse_notification);
BENCHMARK(missioncontrol_web_token_decode);
BENCHMARK(boost_json_dom_parse_web_token);

}  // namespace

int main(int argc, char** argv) {
  check();
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
