#include "unity_state.hpp"

#include <eventwire/time/timestamp.hpp>

#include <cstdio>

namespace eventwire::emulator::detail {

namespace {

std::uint64_t mix(std::uint64_t x) noexcept {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ULL;
  x ^= x >> 33;
  return x;
}

std::string hex(std::uint64_t value, int digits) {
  std::string out(static_cast<std::size_t>(digits), '0');
  for (int i = digits - 1; i >= 0; --i, value >>= 4) out[static_cast<std::size_t>(i)] = "0123456789abcdef"[value & 15];
  return out;
}

std::string upper_hex(std::uint64_t value, int digits) {
  auto s = hex(value, digits);
  for (auto& c : s)
    if (c >= 'a') c = static_cast<char>(c - 'a' + 'A');
  return s;
}

void append_time(std::string& out, std::chrono::system_clock::time_point at) {
  time::append_rfc3339(out, std::chrono::time_point_cast<time::ticks>(at));
}

constexpr const char* reasons[] = {"Phishing and Other Frauds", "Malware Sites", "Spyware and Adware",
                                   "Bot Nets", "Keyloggers and Monitoring"};
constexpr int reason_ids[] = {57, 56, 67, 59, 62};

}  // namespace

std::string unity_event_id(std::uint64_t sequence) {
  // 8-4-4-4-12 hex digits; the last group holds the sequence number, so ids sort as sequence.
  const std::uint64_t h = mix(sequence);
  return hex(h >> 32, 8) + "-" + hex((h >> 16) & 0xffff, 4) + "-4" + hex(h & 0xfff, 3) + "-8" +
         hex(mix(h) & 0xfff, 3) + "-" + hex(sequence, 12);
}

void render_notification(std::string& out, std::uint64_t n, std::chrono::system_clock::time_point at) {
  const std::uint64_t h = mix(n);
  const std::string host = "MyComputer" + std::to_string(1 + h % 50);
  const std::string machine = upper_hex(mix(h % 50), 16) + upper_hex(mix(h % 50 + 1), 16);
  const std::string ip = "95." + std::to_string(h % 256) + "." + std::to_string((h >> 8) % 256) + "." +
                         std::to_string(1 + (h >> 16) % 254);
  const bool url_action = n % 2 == 1;
  out += url_action
             ? R"({"EventType":"WebThreatShield.UrlAction","EventObjectName":"WtsUrlActionEvent","UnityAPIEventId":")"
             : R"({"EventType":"Endpoint.FileDetection","EventObjectName":"EndpointFileDetectionEvent","UnityAPIEventId":")";
  out += unity_event_id(n);
  out += url_action ? R"(","WtsUrlActionEvent":{"Timestamp":")" : R"(","EndpointFileDetectionEvent":{"Timestamp":")";
  append_time(out, at);
  if (url_action) {
    const std::size_t r = h % 5;
    out += R"(","GSMKey":null,"GSMConsoleName":null,"SiteKey":"B9CD0CCA3C1B4B938B1D","SiteId":null,"SiteName":null,"MachineId":")";
    out += machine + ":::" + machine.substr(0, 32) + R"(","HostName":")" + host + R"(","PublicIP":")" + ip;
    out += R"(","BlockDetails":{"ActionTaken":"BLOCK","BlockedUrl":"http://www.category-domain)";
    out += std::to_string(n) + R"(.com","BlockReasonId":)" + std::to_string(reason_ids[r]);
    out += R"(,"BlockReasonName":")";
    out += reasons[r];
    out += R"(","BCRI":)" + std::to_string(h % 100) + "}}}";
  } else {
    out += R"(","GSMKey":"B6A023E42C5C48359DCB","GSMConsoleName":"My Management Console","SiteKey":"A755D2940F9B416885E2","SiteId":"691c1c52-637c-fe11-4d33-1edde4dabcea","SiteName":"My GSM Site 2","MachineId":")";
    out += machine + ":::" + machine.substr(0, 32) + R"(","HostName":")" + host + R"(","PublicIP":")" + ip;
    out += R"(","ScanInfo":{"ScanId":")" + unity_event_id(mix(n + 1)) + R"(","ScanType":")";
    out += (h % 3 == 0) ? "Scheduled" : "RT";
    out += R"("},"DetectionInfo":{"FileName":"eicar)" + std::to_string(n) + R"(.com","FilePath":"c:\\users\\user)";
    out += std::to_string(1 + h % 9) + R"(\\desktop","FileSize":68,"FileMD5":"44d88612fea8a8f36de82e1278abb02f",)";
    out += R"("FileSHA256":"275a021bbfb6489e54d471899f7db9d1663fc695ec2fe2a2c4538aabf651fd0f","Determination":"B","MalwareGroup":"Anti-Malware Testfile"}}})";
  }
}

}  // namespace eventwire::emulator::detail
