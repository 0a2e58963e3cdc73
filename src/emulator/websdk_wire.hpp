#pragma once

// What the Web SDK emulator writes and reads: the Rsp JSON answers and stream parts, and the
// q= call language split into calls.

#include <eventwire/emulator/websdk_emulator.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace eventwire::emulator::detail {

inline constexpr std::string_view websdk_boundary = "--GENETECBOUNDARY";

void append_json_string(std::string& out, std::string_view text);
std::string websdk_now();  // RFC 3339 UTC with 100 ns digits

std::string rsp_ok(std::string_view result_json);    // {"Rsp":{"Status":"Ok","Result":...}}
std::string rsp_ok_empty();                          // {"Rsp":{"Status":"Ok"}}
std::string rsp_fail(std::string_view message);      // Status Fail, Result.Message

std::string event_part_json(std::string_view event_type, const websdk_entity* entity,
                            std::string_view source_guid);
std::string alarm_triggered_json(const websdk_alarm_instance& a, std::string_view source_name);
std::string alarm_acknowledged_json(const websdk_alarm_instance& a);
std::string active_alarm_json(const websdk_alarm_instance& a, bool legacy);

// "Content-type: text/json\r\n\r\n{json}\r\n--GENETECBOUNDARY\r\n": one part after a delimiter.
std::string part_bytes(std::string_view json);

// One call of the q= language: Name(arg,arg,...), arguments split at top-level commas.
struct websdk_call {
  std::string name;
  std::vector<std::string> args;
};
// Splits `Name(a,b),Name2(...)`; false when the text is not that shape.
bool parse_calls(std::string_view text, std::vector<websdk_call>& out);
// "{guid}" or "guid" -> guid; false when not a GUID.
bool unbrace_guid(std::string_view text, std::string& out);
bool is_guid(std::string_view text) noexcept;

}  // namespace eventwire::emulator::detail
