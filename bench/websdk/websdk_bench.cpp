// The Web SDK decoders beside a Boost.JSON DOM parse (boost::json::parse) of the same input in
// the same run: the seed's camera event and alarm (stream parts) and its /activealarms answer.
// Every decoder's output is checked before any timing.

#include <eventwire/websdk/active_alarms_decoder.hpp>
#include <eventwire/websdk/stream_decoder.hpp>

#include <benchmark/benchmark.h>
#include <boost/json/parse.hpp>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace {

namespace websdk = eventwire::websdk;

constexpr std::string_view camera_motion =
    R"({"Rsp":{"Status":"Ok","Result":{"Event":{"Condition":"","VideoEncoderDevice":"00000000-0000-0000-0000-000000000000","SourceTimeZone":{"Id":"Singapore Standard Time","DisplayName":"(UTC+08:00) Kuala Lumpur, Singapore","StandardName":"Malay Peninsula Standard Time","DaylightName":"Malay Peninsula Daylight Time","BaseUtcOffset":"08:00:00","AdjustmentRules":null,"SupportsDaylightSavingTime":false},"EventName":2535,"Coordinates":null,"SourceEntity":"00000001-0000-babe-0000-2bddb61cced4","GroupId":"00000000-0000-0000-0000-000000000000","SourceEntityTypes":["Camera"],"Timestamp":"2026-03-15T11:05:44Z","OfflinePeriod":"None","Type":"CameraMotion","RelatedEntities":["00000001-0000-babe-0000-2bddb61cced4"]},"EventType":"CameraMotion","SourceGuid":"00000001-0000-babe-0000-2bddb61cced4","Timestamp":"2026-03-15T11:05:44.3322672Z","GroupId":"00000000-0000-0000-0000-000000000000"}}})";

constexpr std::string_view alarm_triggered =
    R"({"Rsp":{"Status":"Ok","Result":{"AlarmTriggered":{"AlarmGuid":"8f1f727f-38d9-41e9-ac4d-fe1d41a4a6da","CreationTimestamp":"2026-03-15T11:17:23.7152364Z","InstanceId":18,"OfflinePeriod":"None","PropagationLevel":0,"HasSourceCondition":false,"SourceGuid":"00000001-0000-babe-0000-2bddb61cced4","SourceName":"GUSTAV Unit 10Mbps - Camera - 01","TriggerEvent":"ManualAction","TriggerTimestamp":"2026-03-15T11:17:23.7381299Z","DynamicAlarmContent":{"AttachedEntities":[],"Context":"Alarm with recipient","ForwardedRecipients":[],"Priority":0,"Urls":[]}}}}})";

constexpr std::string_view active_alarm_item =
    R"({"InstanceID":42,"Guid":"c319de11-3fb9-4c42-b4ee-1745c7287799","TriggerTime":"2025-11-15T11:04:36.000Z","TriggerEntity":"00000000-0000-0000-0000-000000000003","TriggerEvent":1,"TriggerEventSubType":0,"CreationTime":"2025-11-15T11:04:35.000Z","AckTime":null,"AckBy":"00000000-0000-0000-0000-000000000000","AckByString":null,"AckReason":28673,"ExternalInstanceID":-1,"OfflinePeriod":0,"State":1,"InvestigatedBy":"00000000-0000-0000-0000-000000000000","InvestigatedTime":null,"HasSourceCondition":false,"DynamicContent":"<DynamicContent xmlns:i=\"http://www.w3.org/2001/XMLSchema-instance\"><AttachedEntities xmlns:a=\"http://schemas.microsoft.com/2003/10/Serialization/Arrays\" /><Context>Server breach</Context><ForwardedRecipients xmlns:a=\"http://schemas.microsoft.com/2003/10/Serialization/Arrays\" /><Priority>0</Priority><Urls xmlns:a=\"http://schemas.microsoft.com/2003/10/Serialization/Arrays\" /></DynamicContent>","Priority":1,"Latitude":null,"Longitude":null,"DynamicContextBy":"00000000-0000-0000-0000-000000000000","DynamicContextByString":null,"SourceDynamicContextBy":"00000000-0000-0000-0000-000000000000","SourceDynamicContextByString":null,"SourceAckBy":"00000000-0000-0000-0000-000000000000","SourceAckByString":null,"ForwardInformation":null})";

constexpr int alarms_per_answer = 20;

// /activealarms with 20 alarms; items are alarms.
const std::string& active_alarms() {
  static const std::string text = [] {
    std::string t = R"({"Rsp":{"Status":"Ok","Result":[)";
    for (int i = 0; i < alarms_per_answer; ++i) (t += i ? "," : "") += active_alarm_item;
    return t + "]}}";
  }();
  return text;
}

[[noreturn]] void mismatch(const char* what) {
  std::fprintf(stderr, "websdk benchmark: %s does not give the expected fields\n", what);
  std::abort();
}

std::string decoded(const eventwire::json::raw_string& s) {
  std::string out;
  s.append_to(out);
  return out;
}

void check_stream_decoder() {
  websdk::stream_decoder decoder;
  websdk::stream_message m;
  if (decoder.decode(camera_motion, m)) mismatch("the stream decoder (event)");
  const auto* e = std::get_if<websdk::event_notification>(&m);
  if (!e || decoded(e->event_type) != "CameraMotion" ||
      decoded(e->source_guid) != "00000001-0000-babe-0000-2bddb61cced4" || !e->details ||
      e->details->event_name != 2535 || e->details->related_entities.size() != 1)
    mismatch("the stream decoder (event)");
  if (decoder.decode(alarm_triggered, m)) mismatch("the stream decoder (alarm)");
  const auto* a = std::get_if<websdk::alarm_triggered>(&m);
  if (!a || a->instance_id != 18 || !a->content || decoded(*a->content->context) != "Alarm with recipient")
    mismatch("the stream decoder (alarm)");
}

void check_active_alarms_decoder() {
  websdk::active_alarms_decoder decoder;
  websdk::active_alarms_answer a;
  if (decoder.decode(active_alarms(), a) || a.alarms.size() != alarms_per_answer ||
      a.alarms[19].context != std::string_view("Server breach") || a.alarms[19].instance_id != 42)
    mismatch("the active alarms decoder");
}

void check_boost_dom() {
  const boost::json::value e = boost::json::parse(camera_motion);
  const boost::json::value a = boost::json::parse(alarm_triggered);
  const boost::json::value l = boost::json::parse(active_alarms());
  if (e.at("Rsp").at("Result").at("EventType") != "CameraMotion" ||
      a.at("Rsp").at("Result").at("AlarmTriggered").at("InstanceId") != 18 ||
      l.at("Rsp").at("Result").as_array().size() != alarms_per_answer)
    mismatch("Boost.JSON parse");
}

void count(benchmark::State& state, std::size_t bytes, int items = 1) {
  state.SetItemsProcessed(state.iterations() * items);
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(bytes));
}

void stream_decode(benchmark::State& state, std::string_view json) {
  websdk::stream_decoder decoder;
  websdk::stream_message m;
  for (auto _ : state) {
    const std::error_code ec = decoder.decode(json, m);
    benchmark::DoNotOptimize(ec);
    benchmark::DoNotOptimize(m);
  }
  count(state, json.size());
}

void dom_parse(benchmark::State& state, std::string_view json, int items) {
  for (auto _ : state) {
    auto value = boost::json::parse(json);
    benchmark::DoNotOptimize(value);
  }
  count(state, json.size(), items);
}

void websdk_event_decode(benchmark::State& state) { stream_decode(state, camera_motion); }
void boost_json_dom_parse_event(benchmark::State& state) { dom_parse(state, camera_motion, 1); }
void websdk_alarm_decode(benchmark::State& state) { stream_decode(state, alarm_triggered); }
void boost_json_dom_parse_alarm(benchmark::State& state) { dom_parse(state, alarm_triggered, 1); }

void websdk_active_alarms_decode(benchmark::State& state) {
  websdk::active_alarms_decoder decoder;
  websdk::active_alarms_answer a;
  for (auto _ : state) {
    const std::error_code ec = decoder.decode(active_alarms(), a);
    benchmark::DoNotOptimize(ec);
    benchmark::DoNotOptimize(a);
  }
  count(state, active_alarms().size(), alarms_per_answer);
}
void boost_json_dom_parse_active_alarms(benchmark::State& state) {
  dom_parse(state, active_alarms(), alarms_per_answer);
}

BENCHMARK(websdk_event_decode);
BENCHMARK(boost_json_dom_parse_event);
BENCHMARK(websdk_alarm_decode);
BENCHMARK(boost_json_dom_parse_alarm);
BENCHMARK(websdk_active_alarms_decode);
BENCHMARK(boost_json_dom_parse_active_alarms);

}  // namespace

int main(int argc, char** argv) {
  check_stream_decoder();
  check_active_alarms_decoder();
  check_boost_dom();
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
