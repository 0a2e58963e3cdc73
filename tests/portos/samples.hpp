#pragma once

// Portos notifications shaped after the seed, and helpers that decode them for the tests.

#include <eventwire/portos/notification_decoder.hpp>

#include <boost/json.hpp>

#include <algorithm>
#include <ostream>
#include <sstream>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

namespace portos_samples {

// portos.resources.changed with every optional key set.
inline constexpr std::string_view resources_changed =
    R"({"e":"portos.resources.changed",)"
    R"("s":{"c":"Yb3kQ9x2T1mZ-8wH4nLp0A","u":{"u":"jana.novakova","d":"POS-02 Bratislava","f":"Inventory"}},)"
    R"("r":"c0a8f7e2-5d1b-4c3e-9f00-3b7d2a1e6c44",)"
    R"("ca":"2024-05-14T09:21:37.5123456+02:00","ea":"2024-05-14T10:21:37Z",)"
    R"("p":{"u":{"u":"8f14e45f-ceea-467f","d":"Jana Nov\u00e1kov\u00e1","f":"Sync"},"n":"door","a":2,)"
    R"("i":{"i":"1042","n":"Front entrance","v":7},)"
    R"("r":[{"i":"1042","n":"Front entrance","v":7},{"i":"311","n":"Lobby zone"}]}})";

// portos.licence.activated, sent by the system, optional keys null.
inline constexpr std::string_view licence_activated =
    R"({"e":"portos.licence.activated",)"
    R"("s":{"c":"server-1","u":{"u":"System","d":"System","f":"Licensing"}},)"
    R"("r":null,"ca":"2024-05-14T07:00:00Z","ea":null,)"
    R"("p":{"licenceId":"PRT-2024-0042","validTo":"2025-05-14","modules":["pos","stock"]}})";

// What a decode gave: the error (none on success) and the key path.
struct outcome {
  std::error_code code;
  std::string path;
  friend bool operator==(const outcome&, const outcome&) = default;
  friend std::ostream& operator<<(std::ostream& os, const outcome& o) {
    return os << (o.code ? o.code.message() : "success") << " at '" << o.path << '\'';
  }
};

inline outcome decode_outcome(std::string_view json) {
  eventwire::portos::notification_decoder decoder;
  eventwire::portos::notification n;
  const std::error_code code = decoder.decode(json, n);
  return {code, std::string(decoder.error_path())};
}

// The decoded notification printed, or the error with its path.
inline std::string decode_printed(eventwire::portos::notification_decoder& decoder,
                                  std::string_view json) {
  eventwire::portos::notification n;
  std::ostringstream os;
  if (const std::error_code code = decoder.decode(json, n))
    os << "error: " << code.message() << " at '" << decoder.error_path() << '\'';
  else
    os << n;
  return os.str();
}

inline std::string decode_printed(std::string_view json) {
  eventwire::portos::notification_decoder decoder;
  return decode_printed(decoder, json);
}

// The value at a key path such as `p.r[1].i` (the decoder's path syntax); its parent must exist.
// Returns the parent and the last step: a key, or an index when `key` is empty.
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

// `json` as Boost.JSON serialises it (escapes of printable characters are written out, as with()
// and without() do).
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

}  // namespace portos_samples
