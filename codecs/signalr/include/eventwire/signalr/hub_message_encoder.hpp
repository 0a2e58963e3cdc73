#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace eventwire::signalr {

// Writers of JSON hub protocol records. Each appends one complete record, 0x1E included, to
// `out`, so one buffer can collect many records and be reused. Strings are plain text, escaped
// here; JSON values (arguments, items, results) are passed already encoded and must be valid JSON
// (valid JSON never holds a raw 0x1E), and are copied as they are.

struct header {
  std::string_view name;
  std::string_view value;
};

// What an invocation or stream invocation calls.
struct call {
  std::string_view target;
  std::span<const std::string_view> arguments;  // each an encoded JSON value
  std::span<const std::string_view> stream_ids = {};
  std::span<const header> headers = {};
};

// 1 without an invocationId: the callee sends no completion.
void append_invocation(std::string& out, const call& c);
// 1 with an invocationId: the callee answers with a completion.
void append_invocation(std::string& out, std::string_view invocation_id, const call& c);
// 4
void append_stream_invocation(std::string& out, std::string_view invocation_id, const call& c);
// 2
void append_stream_item(std::string& out, std::string_view invocation_id, std::string_view item);
// 3 without a result (void).
void append_completion(std::string& out, std::string_view invocation_id);
// 3 with a result.
void append_completion_result(std::string& out, std::string_view invocation_id, std::string_view result);
// 3 with an error.
void append_completion_error(std::string& out, std::string_view invocation_id, std::string_view error);
// 5
void append_cancel_invocation(std::string& out, std::string_view invocation_id);
// 6
void append_ping(std::string& out);
// 7
void append_close(std::string& out, std::optional<std::string_view> error = std::nullopt,
                  std::optional<bool> allow_reconnect = std::nullopt);
// 8
void append_ack(std::string& out, std::uint64_t sequence_id);
// 9
void append_sequence(std::string& out, std::uint64_t sequence_id);

}  // namespace eventwire::signalr
