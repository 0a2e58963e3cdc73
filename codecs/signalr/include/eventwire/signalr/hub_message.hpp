#pragma once

#include <eventwire/json/raw_string.hpp>
#include <eventwire/signalr/raw_views.hpp>

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string_view>
#include <variant>

namespace eventwire::signalr {

// The messages of the SignalR JSON hub protocol, as decoded from one record. Every member is a
// view into that record and lives as long as it; strings stay escaped until decoded on demand,
// and JSON values (arguments, items, results) are kept as their exact text.

enum class message_type : std::uint8_t {
  invocation = 1,
  stream_item = 2,
  completion = 3,
  stream_invocation = 4,
  cancel_invocation = 5,
  ping = 6,
  close = 7,
  ack = 8,
  sequence = 9,
};

// 1: call `target` with `arguments`. Without an invocationId the caller expects no completion.
struct invocation {
  std::optional<json::raw_string> invocation_id;
  json::raw_string target;
  raw_array arguments;
  string_list stream_ids;
  string_map headers;
};

// 2: one item of a stream; `item` is the item's JSON text (possibly "null").
struct stream_item {
  json::raw_string invocation_id;
  std::string_view item;
  string_map headers;
};

// 3: the end of an invocation or stream: a result, an error, or neither (void).
struct completion {
  json::raw_string invocation_id;
  std::optional<std::string_view> result;  // the result's JSON text
  std::optional<json::raw_string> error;
  string_map headers;
};

// 4: call a streaming method; the id names the stream.
struct stream_invocation {
  json::raw_string invocation_id;
  json::raw_string target;
  raw_array arguments;
  string_list stream_ids;
  string_map headers;
};

// 5: stop the stream (or invocation) with this id.
struct cancel_invocation {
  json::raw_string invocation_id;
  string_map headers;
};

// 6: keep-alive.
struct ping {};

// 7: the peer is closing, with an optional reason.
struct close {
  std::optional<json::raw_string> error;
  std::optional<bool> allow_reconnect;
};

// 8: stateful reconnect, every message up to `sequence_id` was received.
struct ack {
  std::uint64_t sequence_id = 0;
};

// 9: stateful reconnect, the next message has `sequence_id`.
struct sequence {
  std::uint64_t sequence_id = 0;
};

// A valid record whose type this codec does not know; the protocol says to skip it.
struct unknown_message {
  std::int64_t type = 0;
};

using hub_message = std::variant<invocation, stream_item, completion, stream_invocation,
                                 cancel_invocation, ping, close, ack, sequence, unknown_message>;

std::ostream& operator<<(std::ostream& os, message_type t);
std::ostream& operator<<(std::ostream& os, const invocation& m);
std::ostream& operator<<(std::ostream& os, const stream_item& m);
std::ostream& operator<<(std::ostream& os, const completion& m);
std::ostream& operator<<(std::ostream& os, const stream_invocation& m);
std::ostream& operator<<(std::ostream& os, const cancel_invocation& m);
std::ostream& operator<<(std::ostream& os, const ping& m);
std::ostream& operator<<(std::ostream& os, const close& m);
std::ostream& operator<<(std::ostream& os, const ack& m);
std::ostream& operator<<(std::ostream& os, const sequence& m);
std::ostream& operator<<(std::ostream& os, const unknown_message& m);
std::ostream& operator<<(std::ostream& os, const hub_message& m);

}  // namespace eventwire::signalr
