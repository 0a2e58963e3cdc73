#include <eventwire/auth/error.hpp>
#include <eventwire/codec/condition.hpp>

#include <iterator>
#include <ostream>
#include <string>

namespace eventwire::auth {
namespace {

enum class kind { missing, invalid_input, timeout, limit, protocol, refused, failed };

struct entry {
  const char* message;
  kind is;
};

// Entry i-1 describes error i.
constexpr entry table[] = {
    {"environment variable is not set", kind::missing},
    {"secret is empty", kind::missing},
    {"secret file cannot be read", kind::missing},
    {"secret is larger than its size limit", kind::limit},
    {"secret command could not be started", kind::failed},
    {"secret command exited with a failure status", kind::failed},
    {"secret command was ended by a signal", kind::failed},
    {"secret command did not finish within its timeout", kind::timeout},
    {"OAuth2 settings are incomplete", kind::invalid_input},
    {"the token endpoint answered with an unexpected HTTP status", kind::failed},
    {"the token endpoint's answer is not a valid token response", kind::protocol},
    {"the token endpoint issued a token type other than Bearer", kind::protocol},
    {"the token endpoint rejected the request as malformed (invalid_request)", kind::failed},
    {"the token endpoint rejected the client credentials (invalid_client)", kind::refused},
    {"the token endpoint rejected the grant: credentials or refresh token invalid or expired "
     "(invalid_grant)",
     kind::refused},
    {"the client is not allowed to use this grant type (unauthorized_client)", kind::refused},
    {"the token endpoint does not support this grant type (unsupported_grant_type)", kind::failed},
    {"the requested scope is invalid or not allowed (invalid_scope)", kind::failed},
    {"the token endpoint answered with an OAuth2 error", kind::failed},
};

class category_impl final : public std::error_category {
 public:
  const char* name() const noexcept override { return "eventwire.auth"; }

  std::string message(int code) const override {
    if (const entry* e = find(code)) return e->message;
    return "eventwire.auth error " + std::to_string(code);
  }

  std::error_condition default_error_condition(int code) const noexcept override {
    const entry* e = find(code);
    if (!e) return {code, *this};
    switch (e->is) {
      case kind::invalid_input: return std::make_error_condition(std::errc::invalid_argument);
      case kind::timeout: return std::make_error_condition(std::errc::timed_out);
      case kind::limit: return codec::make_error_condition(codec::condition::limit_exceeded);
      case kind::protocol: return codec::make_error_condition(codec::condition::protocol_violation);
      case kind::refused: return std::make_error_condition(std::errc::permission_denied);
      case kind::missing:
      case kind::failed: break;
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

}  // namespace eventwire::auth
