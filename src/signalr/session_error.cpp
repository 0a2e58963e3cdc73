#include <eventwire/codec/error_table.hpp>
#include <eventwire/signalr/session_error.hpp>

#include <ostream>

namespace eventwire::signalr {
namespace {

using codec::meaning;

// Entry i-1 describes error i.
constexpr codec::meaning_entry table[] = {
    {"connection stopped", meaning::operation_canceled},
    {"Invocation canceled due to the underlying connection being closed.", meaning::own},
    {"the hub connection is not connected", meaning::own},
    {"the hub connection was already started", meaning::own},
    {"the hub URL is not a valid http, https, ws or wss URL", meaning::invalid_argument},
    {"negotiate failed with an HTTP status other than 200", meaning::own},
    {"the server refused the negotiate request", meaning::own},
    {"Negotiate redirection limit exceeded.", meaning::limit_exceeded},
    {"the server does not offer WebSockets with the Text transfer format", meaning::own},
    {"the server refused the access token (401), also after a refresh", meaning::own},
    {"the access token source failed", meaning::own},
    {"the server did not answer the handshake within the handshake timeout", meaning::timed_out},
    {"Server timeout elapsed without receiving a message from the server.", meaning::timed_out},
    {"the server closed the connection", meaning::own},
    {"Server returned an error on close", meaning::own},
    {"the server answered the invocation with an error", meaning::own},
    {"the invocation was cancelled", meaning::operation_canceled},
    {"the send queue is full", meaning::limit_exceeded},
    {"gave up reconnecting: the reconnect policy is exhausted", meaning::own},
};

}  // namespace

const std::error_category& session_error_category() noexcept {
  static const codec::meaning_table_category category("eventwire.signalr.session", table);
  return category;
}

std::ostream& operator<<(std::ostream& os, session_error e) {
  return os << make_error_code(e).message();
}

}  // namespace eventwire::signalr
