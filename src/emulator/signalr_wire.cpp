#include "signalr_wire.hpp"

#include <eventwire/json/reader.hpp>
#include <eventwire/json/writer.hpp>
#include <eventwire/signalr/record_framer.hpp>

namespace eventwire::emulator::detail {

std::optional<std::string> decode_handshake_request(std::string_view record, handshake_request& out) {
  json::reader reader(record);
  bool has_protocol = false;
  bool has_version = false;
  if (reader.begin_object()) {
    for (json::raw_string key; reader.next_member(key);) {
      if (key.equals("protocol") && reader.peek() == json::value_kind::string) {
        json::raw_string protocol;
        has_protocol = reader.read_string(protocol);
        out.protocol.clear();
        protocol.append_to(out.protocol);
      } else if (key.equals("version") && reader.peek() == json::value_kind::number) {
        has_version = reader.read_int64(out.version);
      } else {
        reader.skip();
      }
    }
  }
  if (!reader.finish()) return "Handshake request is not valid JSON.";
  if (!has_protocol) return "Missing 'protocol' property in the handshake request.";
  if (!has_version) return "Missing 'version' property in the handshake request.";
  return std::nullopt;
}

std::optional<std::string> judge_handshake_request(const handshake_request& request,
                                                   std::int64_t max_version) {
  if (request.protocol != "json") return "The protocol '" + request.protocol + "' is not supported.";
  if (request.version < 0 || request.version > max_version) {
    return "The server does not support version " + std::to_string(request.version) +
           " of the 'json' protocol.";
  }
  return std::nullopt;
}

void append_handshake_response(std::string& out, std::optional<std::string_view> error) {
  out.push_back('{');
  if (error) {
    out.append(R"("error":)");
    json::append_string(out, *error);
  }
  out.push_back('}');
  out.push_back(signalr::record_separator);
}

void append_negotiate_response(std::string& out, int negotiate_version,
                               std::string_view connection_id, std::string_view connection_token) {
  out.append(R"({"negotiateVersion":)");
  json::append_int(out, negotiate_version);
  out.append(R"(,"connectionId":)");
  json::append_string(out, connection_id);
  if (negotiate_version >= 1) {
    out.append(R"(,"connectionToken":)");
    json::append_string(out, connection_token);
  }
  out.append(R"(,"availableTransports":[{"transport":"WebSockets","transferFormats":["Text","Binary"]}]})");
}

void append_invocation_record(std::string& out, std::string_view invocation_id,
                              std::string_view target, std::string_view arguments_json) {
  out.append(R"({"type":1,)");
  if (!invocation_id.empty()) {
    out.append(R"("invocationId":)");
    json::append_string(out, invocation_id);
    out.push_back(',');
  }
  out.append(R"("target":)");
  json::append_string(out, target);
  out.append(R"(,"arguments":)");
  out.append(arguments_json);
  out.push_back('}');
  out.push_back(signalr::record_separator);
}

bool is_json_array(std::string_view text) {
  json::reader reader(text);
  return reader.peek() == json::value_kind::array && reader.skip() && reader.finish();
}

}  // namespace eventwire::emulator::detail
