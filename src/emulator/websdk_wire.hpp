#pragma once

// What the Web SDK emulator writes and reads: the Rsp JSON answers and stream parts, and the
// q= call language split into calls.

#include <eventwire/emulator/websdk_emulator.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace eventwire::emulator::detail {

inline constexpr std::string_view websdk_boundary = "--GENETECBOUNDARY";
// The event type of a raised custom event (inferred: the seed names none; subscribing to one
// custom event alone is not supported, so event(source,CustomEvent) receives them all).
inline constexpr std::string_view custom_event_type = "CustomEvent";

void append_json_string(std::string& out, std::string_view text);
std::string websdk_now();  // RFC 3339 UTC with 100 ns digits

std::string rsp_ok(std::string_view result_json);    // {"Rsp":{"Status":"Ok","Result":...}}
std::string rsp_ok_empty();                          // {"Rsp":{"Status":"Ok"}}
std::string rsp_fail(std::string_view message);      // Status Fail, Result.Message

// `event_members`: more members of the Event object, e.g. `"CustomEventId":1,"Message":"x"`.
std::string event_part_json(std::string_view event_type, const websdk_entity* entity,
                            std::string_view source_guid, std::string_view event_members = {});
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
// Splits `text` at the commas outside parentheses and braces (one piece when there is none).
std::vector<std::string_view> split_top_level(std::string_view text);
// "{g}", "g" or "{g1,g2}" -> the GUIDs; false when any is not one.
bool parse_guid_list(std::string_view text, std::vector<std::string>& out);
// LogicalID(Type,N)
bool parse_logical_id(std::string_view text, std::string& type, std::uint32_t& id);
bool parse_u32(std::string_view text, std::uint32_t& out);
bool parse_i64(std::string_view text, std::int64_t& out);
bool iequal(std::string_view a, std::string_view b) noexcept;  // ASCII, without regard to case
std::string lower(std::string_view text);                        // ASCII

}  // namespace eventwire::emulator::detail
