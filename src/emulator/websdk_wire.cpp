#include "websdk_wire.hpp"

#include <eventwire/time/timestamp.hpp>

#include <cctype>
#include <charconv>
#include <chrono>
#include <cstdio>

namespace eventwire::emulator::detail {

void append_json_string(std::string& out, std::string_view text) {
  out += '"';
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (u < 0x20) {
      char escaped[8];
      std::snprintf(escaped, sizeof escaped, "\\u%04x", u);
      out += escaped;
    } else {
      out += c;
    }
  }
  out += '"';
}

std::string websdk_now() {
  std::string out;
  time::append_rfc3339(out, std::chrono::time_point_cast<time::ticks>(std::chrono::system_clock::now()));
  return out;
}

std::string rsp_ok(std::string_view result_json) {
  std::string out = R"({"Rsp":{"Status":"Ok","Result":)";
  out += result_json;
  out += "}}";
  return out;
}

std::string rsp_ok_empty() { return R"({"Rsp":{"Status":"Ok"}})"; }

std::string rsp_fail(std::string_view message) {
  std::string out = R"({"Rsp":{"Status":"Fail","Result":{"Message":)";
  append_json_string(out, message);
  out += "}}}";
  return out;
}

namespace {

constexpr std::string_view nil_guid = "00000000-0000-0000-0000-000000000000";

std::int64_t event_number(std::string_view type) {
  if (type == "CameraMotion") return 2535;  // as the seed's sample
  if (type == "AccessGranted") return 1;
  if (type == "AccessRefused") return 2;
  if (type == "DoorOpenedForTooLong") return 3;
  return 0;
}

}  // namespace

std::string event_part_json(std::string_view event_type, const websdk_entity* entity,
                            std::string_view source_guid, std::string_view event_members) {
  const std::string now = websdk_now();
  std::string out = R"({"Rsp":{"Status":"Ok","Result":{"Event":{"Condition":"","EventName":)";
  out += std::to_string(event_number(event_type));
  out += R"(,"Coordinates":null,"SourceEntity":)";
  append_json_string(out, source_guid);
  out += R"(,"GroupId":")";
  out += nil_guid;
  out += R"(","SourceEntityTypes":[)";
  if (entity) append_json_string(out, entity->type);
  out += R"(],"Timestamp":)";
  append_json_string(out, now);
  out += R"(,"OfflinePeriod":"None","Type":)";
  append_json_string(out, event_type);
  out += R"(,"RelatedEntities":[)";
  append_json_string(out, source_guid);
  out += ']';
  if (!event_members.empty()) {
    out += ',';
    out += event_members;
  }
  out += R"(},"EventType":)";
  append_json_string(out, event_type);
  out += R"(,"SourceGuid":)";
  append_json_string(out, source_guid);
  out += R"(,"Timestamp":)";
  append_json_string(out, now);
  out += R"(,"GroupId":")";
  out += nil_guid;
  out += R"("}}})";
  return out;
}

std::string alarm_triggered_json(const websdk_alarm_instance& a, std::string_view source_name) {
  const std::string now = websdk_now();
  std::string out = R"({"Rsp":{"Status":"Ok","Result":{"AlarmTriggered":{"AlarmGuid":)";
  append_json_string(out, a.alarm_guid);
  out += R"(,"CreationTimestamp":)";
  append_json_string(out, now);
  out += R"(,"InstanceId":)";
  out += std::to_string(a.instance_id);
  out += R"(,"OfflinePeriod":"None","PropagationLevel":0,"HasSourceCondition":false,"SourceGuid":)";
  append_json_string(out, a.source_guid.empty() ? std::string(nil_guid) : a.source_guid);
  out += R"(,"SourceName":)";
  append_json_string(out, source_name);
  out += R"(,"TriggerEvent":"ManualAction","TriggerTimestamp":)";
  append_json_string(out, now);
  out += R"(,"DynamicAlarmContent":{"AttachedEntities":[],"Context":)";
  append_json_string(out, a.context);
  out += R"(,"ForwardedRecipients":[)";
  for (std::size_t i = 0; i < a.forwarded_to.size(); ++i) {
    if (i) out += ',';
    append_json_string(out, a.forwarded_to[i]);
  }
  out += R"(],"Priority":)";
  out += std::to_string(a.priority);
  out += R"(,"Urls":[]}}}}})";
  return out;
}

std::string alarm_acknowledged_json(const websdk_alarm_instance& a) {
  std::string out = R"({"Rsp":{"Status":"Ok","Result":{"AlarmAcknowledge":{"AlarmGuid":)";
  append_json_string(out, a.alarm_guid);
  out += R"(,"InstanceId":)";
  out += std::to_string(a.instance_id);
  out += "}}}}";
  return out;
}

std::string active_alarm_json(const websdk_alarm_instance& a, bool legacy) {
  std::string out = R"({"InstanceID":)";
  out += std::to_string(a.instance_id);
  out += legacy ? R"(,"Alarm":)" : R"(,"Guid":)";
  append_json_string(out, a.alarm_guid);
  out += R"(,"TriggerEntity":)";
  append_json_string(out, a.source_guid.empty() ? std::string(nil_guid) : a.source_guid);
  out += R"(,"TriggerEvent":1,"State":)";
  out += std::to_string(a.state);
  out += R"(,"Priority":)";
  out += std::to_string(a.priority);
  if (legacy) {
    out += R"(,"DynamicContext":)";
    append_json_string(out, a.context);
  } else {
    std::string xml =
        R"(<DynamicContent xmlns:i="http://www.w3.org/2001/XMLSchema-instance"><AttachedEntities xmlns:a="http://schemas.microsoft.com/2003/10/Serialization/Arrays" /><Context>)";
    for (const char c : a.context) {
      if (c == '<') xml += "&lt;";
      else if (c == '>') xml += "&gt;";
      else if (c == '&') xml += "&amp;";
      else xml += c;
    }
    xml += R"(</Context><ForwardedRecipients xmlns:a="http://schemas.microsoft.com/2003/10/Serialization/Arrays" /><Priority>0</Priority><Urls xmlns:a="http://schemas.microsoft.com/2003/10/Serialization/Arrays" /></DynamicContent>)";
    out += R"(,"DynamicContent":)";
    append_json_string(out, xml);
    out += R"(,"HasSourceCondition":false,"ForwardInformation":null)";
  }
  out += '}';
  return out;
}

std::string part_bytes(std::string_view json) {
  std::string out = "Content-type: text/json\r\n\r\n";
  out += json;
  out += "\r\n";
  out += websdk_boundary;
  out += "\r\n";
  return out;
}

bool parse_calls(std::string_view text, std::vector<websdk_call>& out) {
  out.clear();
  std::size_t i = 0;
  while (i < text.size()) {
    websdk_call call;
    while (i < text.size() && text[i] != '(') call.name += text[i++];
    if (i == text.size() || call.name.empty()) return false;
    ++i;  // '('
    int depth = 0;
    std::string arg;
    bool closed = false;
    for (; i < text.size(); ++i) {
      const char c = text[i];
      if ((c == ')' || c == '}') && depth == 0) {
        if (c != ')') return false;
        if (!arg.empty() || !call.args.empty()) call.args.push_back(std::move(arg));
        ++i;
        closed = true;
        break;
      }
      if (c == '(' || c == '{') ++depth;
      if (c == ')' || c == '}') --depth;
      if (c == ',' && depth == 0) {
        call.args.push_back(std::move(arg));
        arg.clear();
        continue;
      }
      arg += c;
    }
    if (!closed) return false;
    out.push_back(std::move(call));
    if (i < text.size()) {
      if (text[i] != ',') return false;
      ++i;
    }
  }
  return !out.empty();
}

bool is_guid(std::string_view t) noexcept {
  if (t.size() != 36) return false;
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (i == 8 || i == 13 || i == 18 || i == 23) {
      if (t[i] != '-') return false;
    } else if (!std::isxdigit(static_cast<unsigned char>(t[i]))) {
      return false;
    }
  }
  return true;
}

bool unbrace_guid(std::string_view text, std::string& out) {
  if (text.size() >= 2 && text.front() == '{' && text.back() == '}')
    text = text.substr(1, text.size() - 2);
  if (!is_guid(text)) return false;
  out.assign(text);
  return true;
}

std::vector<std::string_view> split_top_level(std::string_view text) {
  std::vector<std::string_view> out;
  int depth = 0;
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '(' || c == '{') ++depth;
    if ((c == ')' || c == '}') && depth > 0) --depth;
    if (c == ',' && depth == 0) {
      out.push_back(text.substr(start, i - start));
      start = i + 1;
    }
  }
  out.push_back(text.substr(start));
  return out;
}

bool parse_guid_list(std::string_view text, std::vector<std::string>& out) {
  out.clear();
  if (text.size() >= 2 && text.front() == '{' && text.back() == '}') text = text.substr(1, text.size() - 2);
  for (;;) {
    const auto comma = text.find(',');
    const std::string_view item = text.substr(0, comma);
    if (!is_guid(item)) return false;
    out.emplace_back(item);
    if (comma == std::string_view::npos) return true;
    text.remove_prefix(comma + 1);
  }
}

bool parse_u32(std::string_view text, std::uint32_t& out) {
  const auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && p == text.data() + text.size();
}

bool parse_i64(std::string_view text, std::int64_t& out) {
  const auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && p == text.data() + text.size();
}

bool parse_logical_id(std::string_view text, std::string& type, std::uint32_t& id) {
  std::vector<websdk_call> calls;
  if (!parse_calls(text, calls) || calls.size() != 1 || calls[0].name != "LogicalID" ||
      calls[0].args.size() != 2)
    return false;
  type = calls[0].args[0];
  return parse_u32(calls[0].args[1], id);
}

bool iequal(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i])))
      return false;
  return true;
}

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace eventwire::emulator::detail
