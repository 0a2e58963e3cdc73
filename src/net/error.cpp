#include <eventwire/codec/error_table.hpp>
#include <eventwire/net/error.hpp>

#include <ostream>

namespace eventwire::net {
namespace {

using codec::meaning;

// Entry i-1 describes error i.
constexpr codec::meaning_entry table[] = {
    {"invalid URL", meaning::invalid_argument},
    {"URL has no scheme", meaning::invalid_argument},
    {"URL scheme is not http, https, ws or wss", meaning::invalid_argument},
    {"URL port is not a number from 1 to 65535", meaning::invalid_argument},
    {"URL has no host", meaning::invalid_argument},
    {"certificate pin is not a SHA-256 fingerprint (64 hex digits, colons allowed)",
     meaning::invalid_argument},
    {"CA file could not be loaded", meaning::invalid_argument},
    {"connecting took longer than the connect timeout", meaning::timed_out},
    {"the TLS or WebSocket handshake took longer than the handshake timeout", meaning::timed_out},
    {"sending took longer than the write timeout", meaning::timed_out},
    {"nothing arrived within the read timeout", meaning::timed_out},
    {"the server's TLS certificate failed verification", meaning::own},
    {"the server's TLS certificate does not match the pinned SHA-256 fingerprint", meaning::own},
    {"too many redirects", meaning::limit_exceeded},
    {"redirect response without a usable Location header", meaning::protocol_violation},
    {"redirect from https to http refused", meaning::own},
    {"response body larger than the body limit", meaning::limit_exceeded},
    {"response header larger than the header limit", meaning::limit_exceeded},
    {"WebSocket message larger than the message limit", meaning::limit_exceeded},
    {"the server refused the WebSocket upgrade", meaning::own},
    {"the WebSocket was closed (by the peer, or by close() during a read)", meaning::own},
    {"the peer closed the connection", meaning::own},
    {"the response body ended", meaning::own},
    {"no connection is open", meaning::own},
    {"the server's answer to the WebSocket upgrade is not a valid switch to WebSocket",
     meaning::protocol_violation},
};

}  // namespace

const std::error_category& error_category() noexcept {
  static const codec::meaning_table_category category("eventwire.net", table);
  return category;
}

std::ostream& operator<<(std::ostream& os, error e) { return os << make_error_code(e).message(); }

}  // namespace eventwire::net
