// The Unity fetch page decoder against a Boost.JSON DOM parse of the same page, in the same run:
// a full page of 1000 notifications (WebThreatShield URL blocks and Endpoint file detections
// shaped after the seed: about 580 and 1000 bytes, 789 on average). Items are notifications.
// Both outputs are checked before any timing.

#include <eventwire/unity/fetch_page_decoder.hpp>

#include <benchmark/benchmark.h>
#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace {

namespace unity = eventwire::unity;

constexpr std::size_t page_size = 1000;

const char* const hosts[] = {"FIN-LT-0231", "MyComputer1", "WS-RECEPTION", "SRV-FILE-02"};
const char* const reasons[] = {"Phishing and Other Frauds", "Malware Sites", "Spyware and Adware",
                               "Proxy Avoidance and Anonymizers"};
const char* const files[] = {"eicar.com", "invoice_0932.pdf.exe", "setup_crack.msi", "upd.js"};

std::string notification(std::size_t i) {
  char id[64];
  std::snprintf(id, sizeof id, "%08zx-%04zx-4%03zx-8%03zx-%012zx", i * 2654435761u % 0xffffffffu,
                i % 0xffff, i % 0xfff, (i * 7) % 0xfff, i * 104729);
  char when[64];
  std::snprintf(when, sizeof when, "2022-11-29T%02zu:%02zu:%02zu.%07zuZ", 10 + i / 3600 % 12,
                i / 60 % 60, i % 60, i * 7919 % 10000000);
  const std::string host = std::string(hosts[i % 4]) + "-" + std::to_string(i);
  char text[2048];
  if (i % 2 == 0) {
    std::snprintf(
        text, sizeof text,
        R"({"EventType":"WebThreatShield.UrlAction","EventObjectName":"WtsUrlActionEvent",)"
        R"("UnityAPIEventId":"%s","WtsUrlActionEvent":{"Timestamp":"%s","GSMKey":null,)"
        R"("GSMConsoleName":null,"SiteKey":"B9CD0CCA3C1B4B938B1D","SiteId":null,"SiteName":null,)"
        R"("MachineId":"41655E5D44CE4024B5756D8948C0C335:::DAEA108BDA734368BD5BD214745EC81F:::%032zX",)"
        R"("HostName":"%s","PublicIP":"95.225.%zu.%zu","BlockDetails":{"ActionTaken":"BLOCK",)"
        R"("BlockedUrl":"http://www.category-domain%zu.com/path?q=%zu","BlockReasonId":%zu,)"
        R"("BlockReasonName":"%s","BCRI":%zu}}})",
        id, when, i * 31337, host.c_str(), i % 256, i * 7 % 256, i % 97, i, 50 + i % 20,
        reasons[i % 4], i % 100);
  } else {
    std::snprintf(
        text, sizeof text,
        R"({"EventType":"Endpoint.FileDetection","EventObjectName":"EndpointFileDetectionEvent",)"
        R"("UnityAPIEventId":"%s","EndpointFileDetectionEvent":{"Timestamp":"%s",)"
        R"("GSMKey":"B6A023E42C5C48359DCB","GSMConsoleName":"My Management Console",)"
        R"("SiteKey":"A755D2940F9B416885E2","SiteId":"691c1c52-637c-fe11-4d33-1edde4dabcea",)"
        R"("SiteName":"My GSM Site 2","MachineId":"5FFCF1561C6B419E8AE55E392D9311E9:::%032zX:::)"
        R"(8C0DC7B51508467E950CCFBEB2745E51","HostName":"%s","PublicIP":"95.98.%zu.%zu",)"
        R"("ScanInfo":{"ScanId":"7b74f9c7-766a-4846-ab5c-%012zx","ScanType":"RT"},)"
        R"("DetectionInfo":{"FileName":"%s","FilePath":"c:\\users\\user%zu\\downloads",)"
        R"("FileSize":%zu,"FileMD5":"44d88612fea8a8f36de82e1278abb02f",)"
        R"("FileSHA256":"275a021bbfb6489e54d471899f7db9d1663fc695ec2fe2a2c4538aabf651fd0f",)"
        R"("Determination":"B","MalwareGroup":"Anti-Malware Testfile"}}})",
        id, when, i * 31337, host.c_str(), i % 256, i * 3 % 256, i, files[i % 4], i % 50,
        68 + i * 17);
  }
  return text;
}

const std::string& page_json() {
  static const std::string page = [] {
    std::string out =
        R"({"SubscriptionId":"222c9efe-c76d-41a9-a41b-c86a955a5529","Count":)" +
        std::to_string(page_size) +
        R"(,"NextPosition":"qZZBBqiWQQZ7uJSD9dHaCCkJAAAAAAAAMjIyYzllZmUtYzc2ZC00MWE5LWE0MWItYzg2YTk1NWE1NTI5",)"
        R"("MoreAvailable":true,"Notifications":[)";
    for (std::size_t i = 0; i < page_size; ++i) out += (i ? "," : "") + notification(i);
    return out + "]}";
  }();
  return page;
}

[[noreturn]] void mismatch(const char* what) {
  std::fprintf(stderr, "unity benchmark: %s does not give the expected fields\n", what);
  std::abort();
}

std::string decoded(const eventwire::json::raw_string& s) {
  std::string out;
  s.append_to(out);
  return out;
}

// --- Checks, before any timing: the decoder agrees with the DOM on every notification. ---

void check() {
  const std::string& body = page_json();
  const boost::json::value dom = boost::json::parse(body);
  const boost::json::array& list = dom.at("Notifications").as_array();
  if (list.size() != page_size || dom.at("MoreAvailable") != true) mismatch("Boost.JSON parse");
  unity::fetch_page_decoder decoder;
  unity::fetch_page page;
  if (decoder.decode(body, page) || page.notifications.size() != page_size || !page.more_available ||
      decoded(page.next_position) != dom.at("NextPosition").as_string())
    mismatch("the Unity decoder");
  for (std::size_t i = 0; i < page_size; ++i) {
    const unity::notification& n = page.notifications[i];
    const boost::json::value& r = list[i];
    const boost::json::value& event = r.at(r.at("EventObjectName").as_string());
    if (decoded(n.event_id) != r.at("UnityAPIEventId").as_string() ||
        decoded(n.event_type) != r.at("EventType").as_string() ||
        decoded(n.time.text) != event.at("Timestamp").as_string() ||
        boost::json::parse(n.event_json) != event)
      mismatch("the Unity decoder");
  }
  std::fprintf(stderr, "unity benchmark: page of %zu notifications, %zu bytes (%zu a notification)\n",
               page_size, body.size(), body.size() / page_size);
}

// --- Timing. ---

void count(benchmark::State& state) {
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(page_size));
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(page_json().size()));
}

void unity_fetch_page_decode(benchmark::State& state) {
  const std::string& body = page_json();
  unity::fetch_page_decoder decoder;
  unity::fetch_page page;
  for (auto _ : state) {
    const std::error_code ec = decoder.decode(body, page);
    benchmark::DoNotOptimize(ec);
    benchmark::DoNotOptimize(page);
  }
  count(state);
}

void boost_json_dom_parse(benchmark::State& state) {
  const std::string& body = page_json();
  for (auto _ : state) {
    auto value = boost::json::parse(body);
    benchmark::DoNotOptimize(value);
  }
  count(state);
}

BENCHMARK(unity_fetch_page_decode);
BENCHMARK(boost_json_dom_parse);

}  // namespace

int main(int argc, char** argv) {
  check();
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
