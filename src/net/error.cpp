#include <eventwire/codec/condition.hpp>
#include <eventwire/net/error.hpp>

#include <iterator>
#include <ostream>
#include <string>

namespace eventwire::net {
namespace {

enum class kind { invalid_input, timeout, limit, refused, protocol, closed };

struct entry {
  const char* message;
  kind is;
};

// Entry i-1 describes error i.
constexpr entry table[] = {
    {"invalid URL", kind::invalid_input},
    {"URL has no scheme", kind::invalid_input},
    {"URL scheme is not http, https, ws or wss", kind::invalid_input},
    {"URL port is not a number from 1 to 65535", kind::invalid_input},
    {"URL has no host", kind::invalid_input},
    {"certificate pin is not a SHA-256 fingerprint (64 hex digits, colons allowed)",
     kind::invalid_input},
    {"CA file could not be loaded", kind::invalid_input},
    {"connecting took longer than the connect timeout", kind::timeout},
    {"the TLS or WebSocket handshake took longer than the handshake timeout", kind::timeout},
    {"sending took longer than the write timeout", kind::timeout},
    {"nothing arrived within the read timeout", kind::timeout},
    {"the server's TLS certificate failed verification", kind::refused},
    {"the server's TLS certificate does not match the pinned SHA-256 fingerprint", kind::refused},
    {"too many redirects", kind::limit},
    {"redirect response without a usable Location header", kind::protocol},
    {"redirect from https to http refused", kind::refused},
    {"response body larger than the body limit", kind::limit},
    {"response header larger than the header limit", kind::limit},
    {"WebSocket message larger than the message limit", kind::limit},
    {"the server refused the WebSocket upgrade", kind::refused},
    {"the WebSocket was closed (by the peer, or by close() during a read)", kind::closed},
    {"the peer closed the connection", kind::closed},
    {"the response body ended", kind::closed},
    {"no connection is open", kind::closed},
};

class category_impl final : public std::error_category {
 public:
  const char* name() const noexcept override { return "eventwire.net"; }

  std::string message(int code) const override {
    if (const entry* e = find(code)) return e->message;
    return "eventwire.net error " + std::to_string(code);
  }

  std::error_condition default_error_condition(int code) const noexcept override {
    const entry* e = find(code);
    if (!e) return {code, *this};
    switch (e->is) {
      case kind::invalid_input: return std::make_error_condition(std::errc::invalid_argument);
      case kind::timeout: return std::make_error_condition(std::errc::timed_out);
      case kind::limit: return codec::make_error_condition(codec::condition::limit_exceeded);
      case kind::protocol: return codec::make_error_condition(codec::condition::protocol_violation);
      case kind::refused:
      case kind::closed: break;
    }
    return {code, *this};
  }

 private:
  static const entry* find(int code) noexcept {
    if (code < 1 || code > static_cast<int>(std::size(table))) return nullptr;
    return &table[code - 1];
  }
};

}  // namespace

const std::error_category& error_category() noexcept {
  static const category_impl category;
  return category;
}

std::ostream& operator<<(std::ostream& os, error e) { return os << make_error_code(e).message(); }

}  // namespace eventwire::net
