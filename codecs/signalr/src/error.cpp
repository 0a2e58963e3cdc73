#include <eventwire/codec/error_table.hpp>
#include <eventwire/signalr/error.hpp>

namespace eventwire::signalr {
namespace {

using codec::condition;

constexpr codec::error_entry table[] = {
    {"SignalR record exceeds the maximum record size", condition::limit_exceeded},
    {"connection ended inside a record", condition::protocol_violation},
    {"SignalR handshake response exceeds the maximum size", condition::limit_exceeded},
    {"connection ended before the handshake response was complete", condition::protocol_violation},
    {"expected a handshake response from the server", condition::protocol_violation},
    {"the server rejected the handshake", condition::protocol_violation},
    {"the handshake response's 'error' property is not a string", condition::protocol_violation},
    {"hub message without a 'type'", condition::protocol_violation},
    {"hub message 'type' is not an integer", condition::protocol_violation},
    {"invocation without a target", condition::protocol_violation},
    {"invocation 'target' is not a string", condition::protocol_violation},
    {"invocation without an 'arguments' array", condition::protocol_violation},
    {"invocation 'arguments' is not an array", condition::protocol_violation},
    {"hub message 'invocationId' is not a string", condition::protocol_violation},
    {"invocation 'streamIds' is not an array of strings", condition::protocol_violation},
    {"hub message 'headers' is not an object of strings", condition::protocol_violation},
    {"stream invocation without an invocationId", condition::protocol_violation},
    {"stream item without an invocationId", condition::protocol_violation},
    {"stream item without an 'item'", condition::protocol_violation},
    {"completion without an invocationId", condition::protocol_violation},
    {"the 'error' and 'result' properties are mutually exclusive", condition::protocol_violation},
    {"cancel invocation without an invocationId", condition::protocol_violation},
    {"hub message 'error' is not a string", condition::protocol_violation},
    {"close message 'allowReconnect' is not a boolean", condition::protocol_violation},
    {"hub message 'sequenceId' is not a non-negative integer", condition::protocol_violation},
    {"ack without a sequenceId", condition::protocol_violation},
    {"sequence message without a sequenceId", condition::protocol_violation},
    {"the server rejected the negotiation", condition::protocol_violation},
    {"the server is classic ASP.NET SignalR (its negotiate response has 'ProtocolVersion'); only "
     "ASP.NET Core SignalR is supported",
     condition::protocol_violation},
    {"negotiate response without a connectionId", condition::protocol_violation},
    {"negotiate response (version 1 or later) without a connectionToken",
     condition::protocol_violation},
    {"negotiate response property has the wrong type", condition::protocol_violation},
    {"negotiate 'availableTransports' is not an array of {transport, transferFormats} objects",
     condition::protocol_violation},
};

}  // namespace

const std::error_category& error_category() noexcept {
  static const codec::table_category category("eventwire.signalr", table);
  return category;
}

}  // namespace eventwire::signalr
