#include "clay_render.hpp"

#include <eventwire/json/writer.hpp>
#include <eventwire/time/timestamp.hpp>

namespace eventwire::emulator::detail {
namespace {

int hex(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

void member(std::string& out, std::string_view key, std::string_view value) {
  json::append_string(out, key);
  out += ':';
  json::append_string(out, value);
}

}  // namespace

void render_clay_message(std::string& message, std::string& arguments, clay::hub h, const clay_message& m,
                         std::string_view id, std::chrono::system_clock::time_point now) {
  const bool incident = h == clay::hub::incident;
  message.clear();
  message += '{';
  member(message, "id", id);
  message += ',';
  member(message, "type", !m.type.empty() ? std::string_view(m.type) : incident ? "IncidentRaised" : "EntryGranted");
  message += ",\"time\":\"";
  time::append_rfc3339(message, std::chrono::time_point_cast<time::ticks>(now));
  message += "\",";
  member(message, "collectionId", m.collection_id);
  if (incident) {
    message += ",\"incident\":{";
    member(message, "lockId", "lock-" + std::string(id));
    message += ',';
    member(message, "lockName", "Main entrance \"A\"");
    message += ',';
    member(message, "description", "Door left open");
    message += ",\"severity\":2}}";
  } else {
    message += ",\"entry\":{";
    member(message, "userId", "user-" + std::string(id));
    message += ',';
    member(message, "userName", "Alice");
    message += ',';
    member(message, "lockName", "Office/2nd floor");
    message += ',';
    member(message, "method", "Tag");
    message += ",\"granted\":true}}";
  }
  arguments.clear();
  arguments += '[';
  json::append_string(arguments, message);
  arguments += ']';
}

std::string clay_query_parameter(std::string_view query, std::string_view name) {
  while (!query.empty()) {
    const auto amp = query.find('&');
    const std::string_view pair = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view{} : query.substr(amp + 1);
    const auto eq = pair.find('=');
    if (pair.substr(0, eq) != name) continue;
    const std::string_view value = eq == std::string_view::npos ? std::string_view{} : pair.substr(eq + 1);
    std::string out;
    for (std::size_t i = 0; i < value.size(); ++i) {
      if (value[i] == '%' && i + 2 < value.size() && hex(value[i + 1]) >= 0 && hex(value[i + 2]) >= 0) {
        out += static_cast<char>(hex(value[i + 1]) * 16 + hex(value[i + 2]));
        i += 2;
      } else if (value[i] == '+') {
        out += ' ';
      } else {
        out += value[i];
      }
    }
    return out;
  }
  return {};
}

}  // namespace eventwire::emulator::detail
