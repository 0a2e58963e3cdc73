// The JSON reader validating a whole document (skip) against Boost.JSON parsing it into a DOM,
// on the seeds' own documents, in the same run.

#include <eventwire/json/reader.hpp>

#include <benchmark/benchmark.h>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <cstdio>
#include <cstdlib>
#include <string>

namespace {

// The Webroot Unity fetch response from the seed, with its two notifications.
const std::string unity_page = R"({"SubscriptionId":"222c9efe-c76d-41a9-a41b-c86a955a5529","Count":2,"NextPosition":"qZZBBqiWQQZ7uJSD9dHaCCkJAAAAAAAAMjIyYzllZmUtYzc2ZC00MWE5LWE0MWItYzg2YTk1NWE1NTI5","MoreAvailable":false,"Notifications":[{"EventType":"WebThreatShield.UrlAction","EventObjectName":"WtsUrlActionEvent","UnityAPIEventId":"848d1460-985a-46a4-bdf4-62b09354d963","WtsUrlActionEvent":{"Timestamp":"2022-11-29T10:33:06.9036303Z","GSMKey":null,"GSMConsoleName":null,"SiteKey":"B9CD0CCA3C1B4B938B1D","SiteId":null,"SiteName":null,"MachineId":"41655E5D44CE4024B5756D8948C0C335:::DAEA108BDA734368BD5BD214745EC81F:::DAEA108BDA734368BD5BD214745EC81F","HostName":"MyComputer1","PublicIP":"95.225.121.41","BlockDetails":{"ActionTaken":"BLOCK","BlockedUrl":"http://www.category-domain1.com","BlockReasonId":57,"BlockReasonName":"Phishing and Other Frauds","BCRI":10}}},{"EventType":"Endpoint.FileDetection","EventObjectName":"EndpointFileDetectionEvent","UnityAPIEventId":"32368861-91ae-4c01-862f-d601c0a00c97","EndpointFileDetectionEvent":{"Timestamp":"2022-11-29T10:32:07Z","GSMKey":"B6A023E42C5C48359DCB","GSMConsoleName":"My Management Console","SiteKey":"A755D2940F9B416885E2","SiteId":"691c1c52-637c-fe11-4d33-1edde4dabcea","SiteName":"My GSM Site 2","MachineId":"5FFCF1561C6B419E8AE55E392D9311E9:::8C0DC7B51508467E950CCFBEB2745E51:::8C0DC7B51508467E950CCFBEB2745E51","HostName":"MyComputer2","PublicIP":"95.98.109.185","ScanInfo":{"ScanId":"7b74f9c7-766a-4846-ab5c-9b11bce0eda5","ScanType":"RT"},"DetectionInfo":{"FileName":"eicar.com","FilePath":"c:\\users\\user2\\desktop","FileSize":68,"FileMD5":"44d88612fea8a8f36de82e1278abb02f","FileSHA256":"275a021bbfb6489e54d471899f7db9d1663fc695ec2fe2a2c4538aabf651fd0f","Determination":"B","MalwareGroup":"Anti-Malware Testfile"}}}]})";

// The Genetec Web SDK camera motion event from the seed.
const std::string websdk_event = R"({"Rsp":{"Status":"Ok","Result":{"Event":{"Condition":"","VideoEncoderDevice":"00000000-0000-0000-0000-000000000000","SourceTimeZone":{"Id":"Singapore Standard Time","DisplayName":"(UTC+08:00) Kuala Lumpur, Singapore","StandardName":"Malay Peninsula Standard Time","DaylightName":"Malay Peninsula Daylight Time","BaseUtcOffset":"08:00:00","AdjustmentRules":null,"SupportsDaylightSavingTime":false},"EventName":2535,"Coordinates":null,"SourceEntity":"00000001-0000-babe-0000-2bddb61cced4","GroupId":"00000000-0000-0000-0000-000000000000","SourceEntityTypes":["Camera"],"Timestamp":"2026-03-15T11:05:44Z","OfflinePeriod":"None","Type":"CameraMotion","RelatedEntities":["00000001-0000-babe-0000-2bddb61cced4"]},"EventType":"CameraMotion","SourceGuid":"00000001-0000-babe-0000-2bddb61cced4","Timestamp":"2026-03-15T11:05:44.3322672Z","GroupId":"00000000-0000-0000-0000-000000000000"}}})";

const std::string& document(int which) { return which == 0 ? unity_page : websdk_event; }

void check_documents() {
  for (int which = 0; which < 2; ++which) {
    eventwire::json::reader r(document(which));
    std::string_view raw;
    if (!r.skip(&raw) || !r.finish() || raw.size() != document(which).size()) {
      std::fprintf(stderr, "json reader rejected benchmark document %d\n", which);
      std::abort();
    }
  }
}

void reader_validate(benchmark::State& state) {
  const std::string& doc = document(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    eventwire::json::reader r(doc);
    const bool ok = r.skip() && r.finish();
    benchmark::DoNotOptimize(ok);
  }
  state.SetItemsProcessed(state.iterations());
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(doc.size()));
}

void boost_json_dom_parse(benchmark::State& state) {
  const std::string& doc = document(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    auto value = boost::json::parse(doc);
    benchmark::DoNotOptimize(value);
  }
  state.SetItemsProcessed(state.iterations());
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(doc.size()));
}

// Argument 0: the Unity page (1.9 KB), 1: the Web SDK event (0.9 KB).
BENCHMARK(reader_validate)->Arg(0)->Arg(1);
BENCHMARK(boost_json_dom_parse)->Arg(0)->Arg(1);

}  // namespace

int main(int argc, char** argv) {
  check_documents();
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
