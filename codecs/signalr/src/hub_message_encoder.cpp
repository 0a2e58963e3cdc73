#include <eventwire/json/writer.hpp>
#include <eventwire/signalr/hub_message_encoder.hpp>
#include <eventwire/signalr/record_framer.hpp>

namespace eventwire::signalr {
namespace {

// Starts a record: {"type":N
void open(std::string& out, char type) {
  out.append(R"({"type":)");
  out.push_back(type);
}

void close_record(std::string& out) {
  out.push_back('}');
  out.push_back(record_separator);
}

void append_string_member(std::string& out, std::string_view name, std::string_view value) {
  out.append(",\"").append(name).append("\":");
  json::append_string(out, value);
}

void append_raw_member(std::string& out, std::string_view name, std::string_view json_text) {
  out.append(",\"").append(name).append("\":").append(json_text);
}

void append_call(std::string& out, const call& c) {
  append_string_member(out, "target", c.target);
  out.append(R"(,"arguments":[)");
  for (std::size_t i = 0; i < c.arguments.size(); ++i) {
    if (i != 0) out.push_back(',');
    out.append(c.arguments[i]);
  }
  out.push_back(']');
  if (!c.stream_ids.empty()) {
    out.append(R"(,"streamIds":[)");
    for (std::size_t i = 0; i < c.stream_ids.size(); ++i) {
      if (i != 0) out.push_back(',');
      json::append_string(out, c.stream_ids[i]);
    }
    out.push_back(']');
  }
  if (!c.headers.empty()) {
    out.append(R"(,"headers":{)");
    for (std::size_t i = 0; i < c.headers.size(); ++i) {
      if (i != 0) out.push_back(',');
      json::append_string(out, c.headers[i].name);
      out.push_back(':');
      json::append_string(out, c.headers[i].value);
    }
    out.push_back('}');
  }
  close_record(out);
}

void append_id_only(std::string& out, char type, std::string_view invocation_id) {
  open(out, type);
  append_string_member(out, "invocationId", invocation_id);
  close_record(out);
}

void append_sequence_id(std::string& out, char type, std::uint64_t sequence_id) {
  open(out, type);
  out.append(R"(,"sequenceId":)");
  json::append_uint(out, sequence_id);
  close_record(out);
}

}  // namespace

void append_invocation(std::string& out, const call& c) {
  open(out, '1');
  append_call(out, c);
}

void append_invocation(std::string& out, std::string_view invocation_id, const call& c) {
  open(out, '1');
  append_string_member(out, "invocationId", invocation_id);
  append_call(out, c);
}

void append_stream_invocation(std::string& out, std::string_view invocation_id, const call& c) {
  open(out, '4');
  append_string_member(out, "invocationId", invocation_id);
  append_call(out, c);
}

void append_stream_item(std::string& out, std::string_view invocation_id, std::string_view item) {
  open(out, '2');
  append_string_member(out, "invocationId", invocation_id);
  append_raw_member(out, "item", item);
  close_record(out);
}

void append_completion(std::string& out, std::string_view invocation_id) {
  append_id_only(out, '3', invocation_id);
}

void append_completion_result(std::string& out, std::string_view invocation_id, std::string_view result) {
  open(out, '3');
  append_string_member(out, "invocationId", invocation_id);
  append_raw_member(out, "result", result);
  close_record(out);
}

void append_completion_error(std::string& out, std::string_view invocation_id, std::string_view error) {
  open(out, '3');
  append_string_member(out, "invocationId", invocation_id);
  append_string_member(out, "error", error);
  close_record(out);
}

void append_cancel_invocation(std::string& out, std::string_view invocation_id) {
  append_id_only(out, '5', invocation_id);
}

void append_ping(std::string& out) {
  open(out, '6');
  close_record(out);
}

void append_close(std::string& out, std::optional<std::string_view> error, std::optional<bool> allow_reconnect) {
  open(out, '7');
  if (error) append_string_member(out, "error", *error);
  if (allow_reconnect) out.append(*allow_reconnect ? R"(,"allowReconnect":true)" : R"(,"allowReconnect":false)");
  close_record(out);
}

void append_ack(std::string& out, std::uint64_t sequence_id) { append_sequence_id(out, '8', sequence_id); }

void append_sequence(std::string& out, std::uint64_t sequence_id) { append_sequence_id(out, '9', sequence_id); }

}  // namespace eventwire::signalr
