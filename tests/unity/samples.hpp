#pragma once

// Unity fetch pages after the seed, and helpers that decode and edit them for the tests.

#include <eventwire/unity/fetch_page_decoder.hpp>

#include <boost/json.hpp>

#include <algorithm>
#include <cstring>
#include <memory>
#include <ostream>
#include <sstream>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

namespace unity_samples {

// The seed's sample answer, byte for byte.
inline constexpr std::string_view seed_page =
    R"({"SubscriptionId":"222c9efe-c76d-41a9-a41b-c86a955a5529","Count":2,"NextPosition":"qZZBBqiWQQZ7uJSD9dHaCCkJAAAAAAAAMjIyYzllZmUtYzc2ZC00MWE5LWE0MWItYzg2YTk1NWE1NTI5","MoreAvailable":false,"Notifications":[{"EventType":"WebThreatShield.UrlAction","EventObjectName":"WtsUrlActionEvent","UnityAPIEventId":"848d1460-985a-46a4-bdf4-62b09354d963","WtsUrlActionEvent":{"Timestamp":"2022-11-29T10:33:06.9036303Z","GSMKey":null,"GSMConsoleName":null,"SiteKey":"B9CD0CCA3C1B4B938B1D","SiteId":null,"SiteName":null,"MachineId":"41655E5D44CE4024B5756D8948C0C335:::DAEA108BDA734368BD5BD214745EC81F:::DAEA108BDA734368BD5BD214745EC81F","HostName":"MyComputer1","PublicIP":"95.225.121.41","BlockDetails":{"ActionTaken":"BLOCK","BlockedUrl":"http://www.category-domain1.com","BlockReasonId":57,"BlockReasonName":"Phishing and Other Frauds","BCRI":10}}},{"EventType":"Endpoint.FileDetection","EventObjectName":"EndpointFileDetectionEvent","UnityAPIEventId":"32368861-91ae-4c01-862f-d601c0a00c97","EndpointFileDetectionEvent":{"Timestamp":"2022-11-29T10:32:07Z","GSMKey":"B6A023E42C5C48359DCB","GSMConsoleName":"My Management Console","SiteKey":"A755D2940F9B416885E2","SiteId":"691c1c52-637c-fe11-4d33-1edde4dabcea","SiteName":"My GSM Site 2","MachineId":"5FFCF1561C6B419E8AE55E392D9311E9:::8C0DC7B51508467E950CCFBEB2745E51:::8C0DC7B51508467E950CCFBEB2745E51","HostName":"MyComputer2","PublicIP":"95.98.109.185","ScanInfo":{"ScanId":"7b74f9c7-766a-4846-ab5c-9b11bce0eda5","ScanType":"RT"},"DetectionInfo":{"FileName":"eicar.com","FilePath":"c:\\users\\user2\\desktop","FileSize":68,"FileMD5":"44d88612fea8a8f36de82e1278abb02f","FileSHA256":"275a021bbfb6489e54d471899f7db9d1663fc695ec2fe2a2c4538aabf651fd0f","Determination":"B","MalwareGroup":"Anti-Malware Testfile"}}}]})";

// The same page with nothing more to fetch: no notifications.
inline constexpr std::string_view empty_page =
    R"({"SubscriptionId":"222c9efe-c76d-41a9-a41b-c86a955a5529","Count":0,"NextPosition":"qZZBBqiWQQZ7uJSD9dHaCCkJAAAAAAAAMjIyYzllZmUtYzc2ZC00MWE5LWE0MWItYzg2YTk1NWE1NTI5","MoreAvailable":false,"Notifications":[]})";

// The seed page's first notification alone.
inline std::string first_notification() {
  return boost::json::serialize(boost::json::parse(seed_page).at("Notifications").at(0));
}

// What a decode gave: the error (none on success) and the key path.
struct outcome {
  std::error_code code;
  std::string path;
  friend bool operator==(const outcome&, const outcome&) = default;
  friend std::ostream& operator<<(std::ostream& os, const outcome& o) {
    return os << (o.code ? o.code.message() : "success") << " at '" << o.path << '\'';
  }
};

// Decodes a heap copy of exactly `json`'s size, so ASan sees any read past its end.
inline outcome decode_exact(std::string_view json,
                            const eventwire::unity::fetch_page_decoder::limits& limits = {}) {
  const auto copy = std::make_unique<char[]>(json.size() + (json.empty() ? 1 : 0));
  std::memcpy(copy.get(), json.data(), json.size());
  eventwire::unity::fetch_page_decoder decoder(limits);
  eventwire::unity::fetch_page page;
  const std::error_code code = decoder.decode(std::string_view(copy.get(), json.size()), page);
  return {code, std::string(decoder.error_path())};
}

// The decoded page printed, or the error with its path.
inline std::string decode_printed(eventwire::unity::fetch_page_decoder& decoder,
                                  std::string_view json) {
  eventwire::unity::fetch_page page;
  std::ostringstream os;
  if (const std::error_code code = decoder.decode(json, page))
    os << "error: " << code.message() << " at '" << decoder.error_path() << '\'';
  else
    os << page;
  return os.str();
}

inline std::string decode_printed(std::string_view json) {
  eventwire::unity::fetch_page_decoder decoder;
  return decode_printed(decoder, json);
}

// The value at a key path such as `Notifications[1].EventType` (the decoder's path syntax); its
// parent must exist. Returns the parent and the last step: a key, or an index when `key` is empty.
struct location {
  boost::json::value* parent;
  std::string key;
  std::size_t index;
};

inline std::vector<location> steps_of(std::string_view path) {
  std::vector<location> steps;
  std::size_t i = 0;
  while (i < path.size()) {
    if (path[i] == '.') ++i;
    if (path[i] == '[') {
      const std::size_t close = path.find(']', i);
      steps.push_back({nullptr, {}, std::stoul(std::string(path.substr(i + 1, close - i - 1)))});
      i = close + 1;
    } else {
      const std::size_t end = std::min(path.find_first_of(".[", i), path.size());
      steps.push_back({nullptr, std::string(path.substr(i, end - i)), 0});
      i = end;
    }
  }
  return steps;
}

inline location locate(boost::json::value& root, std::string_view path) {
  const std::vector<location> steps = steps_of(path);
  boost::json::value* at = &root;
  for (std::size_t k = 0; k + 1 < steps.size(); ++k)
    at = steps[k].key.empty() ? &at->as_array().at(steps[k].index)
                              : &at->as_object().at(steps[k].key);
  return {at, steps.back().key, steps.back().index};
}

// `json` as Boost.JSON serialises it.
inline std::string normalized(std::string_view json) {
  return boost::json::serialize(boost::json::parse(json));
}

// `json` with the key at `path` removed.
inline std::string without(std::string_view json, std::string_view path) {
  boost::json::value root = boost::json::parse(json);
  const location loc = locate(root, path);
  loc.parent->as_object().erase(loc.key);
  return boost::json::serialize(root);
}

// `json` with the value at `path` replaced by (or, for a new key, set to) `value_json`.
inline std::string with(std::string_view json, std::string_view path, std::string_view value_json) {
  boost::json::value root = boost::json::parse(json);
  const location loc = locate(root, path);
  boost::json::value v = boost::json::parse(value_json);
  if (loc.key.empty())
    loc.parent->as_array().at(loc.index) = std::move(v);
  else
    loc.parent->as_object()[loc.key] = std::move(v);
  return boost::json::serialize(root);
}

// A page of `n` notifications after the seed's two kinds, alternating, each with its own id,
// time and host; Count is n.
inline std::string page_of(std::size_t n, bool more_available = false) {
  boost::json::value root = boost::json::parse(seed_page);
  boost::json::array& list = root.at("Notifications").as_array();
  const boost::json::array kinds = list;
  list.clear();
  for (std::size_t i = 0; i < n; ++i) {
    boost::json::value element = kinds[i % 2];
    char id[64];
    std::snprintf(id, sizeof id, "%08zx-0000-4000-8000-%012zx", i, i * 7919);
    element.at("UnityAPIEventId") = id;
    boost::json::object& event =
        element.at(element.at("EventObjectName").as_string()).as_object();
    char when[64];
    std::snprintf(when, sizeof when, "2022-11-29T10:%02zu:%02zu.%07zuZ", i / 60 % 60, i % 60,
                  i * 13 % 10000000);
    event["Timestamp"] = when;
    event["HostName"] = "Host" + std::to_string(i);
    list.push_back(std::move(element));
  }
  root.at("Count") = n;
  root.at("MoreAvailable") = more_available;
  return boost::json::serialize(root);
}

}  // namespace unity_samples
