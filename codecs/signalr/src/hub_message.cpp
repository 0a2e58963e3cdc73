#include <eventwire/signalr/hub_message.hpp>

#include <ostream>

namespace eventwire::signalr {
namespace {

// Strings print as JSON strings: their escaped text between quotes.
void print(std::ostream& os, const json::raw_string& s) { os << '"' << s.escaped << '"'; }

template <class T>
void print_optional(std::ostream& os, const char* name, const std::optional<T>& value) {
  if (!value) return;
  os << ", " << name << '=';
  if constexpr (std::is_same_v<T, json::raw_string>) {
    print(os, *value);
  } else if constexpr (std::is_same_v<T, bool>) {
    os << (*value ? "true" : "false");
  } else {
    os << *value;
  }
}

void print_id(std::ostream& os, const json::raw_string& id) {
  os << "invocationId=";
  print(os, id);
}

void print_extras(std::ostream& os, const string_list& stream_ids, const string_map& headers) {
  if (stream_ids.present()) os << ", streamIds=" << stream_ids.text();
  if (headers.present()) os << ", headers=" << headers.text();
}

template <class Call>
void print_call(std::ostream& os, const Call& m) {
  os << "target=";
  print(os, m.target);
  os << ", arguments=" << (m.arguments.present() ? m.arguments.text() : "[]");
  print_extras(os, m.stream_ids, m.headers);
}

}  // namespace

std::ostream& operator<<(std::ostream& os, message_type t) {
  switch (t) {
    case message_type::invocation: return os << "invocation";
    case message_type::stream_item: return os << "stream_item";
    case message_type::completion: return os << "completion";
    case message_type::stream_invocation: return os << "stream_invocation";
    case message_type::cancel_invocation: return os << "cancel_invocation";
    case message_type::ping: return os << "ping";
    case message_type::close: return os << "close";
    case message_type::ack: return os << "ack";
    case message_type::sequence: return os << "sequence";
  }
  return os << "message_type(" << static_cast<int>(t) << ')';
}

std::ostream& operator<<(std::ostream& os, const invocation& m) {
  os << "invocation{";
  if (m.invocation_id) {
    print_id(os, *m.invocation_id);
    os << ", ";
  }
  print_call(os, m);
  return os << '}';
}

std::ostream& operator<<(std::ostream& os, const stream_item& m) {
  os << "stream_item{";
  print_id(os, m.invocation_id);
  os << ", item=" << m.item;
  print_extras(os, {}, m.headers);
  return os << '}';
}

std::ostream& operator<<(std::ostream& os, const completion& m) {
  os << "completion{";
  print_id(os, m.invocation_id);
  print_optional(os, "result", m.result);
  print_optional(os, "error", m.error);
  print_extras(os, {}, m.headers);
  return os << '}';
}

std::ostream& operator<<(std::ostream& os, const stream_invocation& m) {
  os << "stream_invocation{";
  print_id(os, m.invocation_id);
  os << ", ";
  print_call(os, m);
  return os << '}';
}

std::ostream& operator<<(std::ostream& os, const cancel_invocation& m) {
  os << "cancel_invocation{";
  print_id(os, m.invocation_id);
  print_extras(os, {}, m.headers);
  return os << '}';
}

std::ostream& operator<<(std::ostream& os, const ping&) { return os << "ping{}"; }

std::ostream& operator<<(std::ostream& os, const close& m) {
  os << "close{";
  if (m.error) {
    os << "error=";
    print(os, *m.error);
  }
  if (m.allow_reconnect) os << (m.error ? ", " : "") << "allowReconnect=" << (*m.allow_reconnect ? "true" : "false");
  return os << '}';
}

std::ostream& operator<<(std::ostream& os, const ack& m) {
  return os << "ack{sequenceId=" << m.sequence_id << '}';
}

std::ostream& operator<<(std::ostream& os, const sequence& m) {
  return os << "sequence{sequenceId=" << m.sequence_id << '}';
}

std::ostream& operator<<(std::ostream& os, const unknown_message& m) {
  return os << "unknown_message{type=" << m.type << '}';
}

std::ostream& operator<<(std::ostream& os, const hub_message& m) {
  std::visit([&os](const auto& message) { os << message; }, m);
  return os;
}

}  // namespace eventwire::signalr
