#include <eventwire/auth/error.hpp>
#include <eventwire/codec/error_table.hpp>

#include <ostream>

namespace eventwire::auth {
namespace {

using codec::meaning;

// Entry i-1 describes error i.
constexpr codec::meaning_entry table[] = {
    {"environment variable is not set", meaning::own},
    {"secret is empty", meaning::own},
    {"secret file cannot be read", meaning::own},
    {"secret is larger than its size limit", meaning::limit_exceeded},
    {"secret command could not be started", meaning::own},
    {"secret command exited with a failure status", meaning::own},
    {"secret command was ended by a signal", meaning::own},
    {"secret command did not finish within its timeout", meaning::timed_out},
    {"OAuth2 settings are incomplete", meaning::invalid_argument},
    {"the token endpoint answered with an unexpected HTTP status", meaning::own},
    {"the token endpoint's answer is not a valid token response", meaning::protocol_violation},
    {"the token endpoint issued a token type other than Bearer", meaning::protocol_violation},
    {"the token endpoint rejected the request as malformed (invalid_request)", meaning::own},
    {"the token endpoint rejected the client credentials (invalid_client)", meaning::permission_denied},
    {"the token endpoint rejected the grant: credentials or refresh token invalid or expired "
     "(invalid_grant)",
     meaning::permission_denied},
    {"the client is not allowed to use this grant type (unauthorized_client)", meaning::permission_denied},
    {"the token endpoint does not support this grant type (unsupported_grant_type)", meaning::own},
    {"the requested scope is invalid or not allowed (invalid_scope)", meaning::own},
    {"the token endpoint answered with an OAuth2 error", meaning::own},
};

}  // namespace

const std::error_category& error_category() noexcept {
  static const codec::meaning_table_category category("eventwire.auth", table);
  return category;
}

std::ostream& operator<<(std::ostream& os, error e) { return os << make_error_code(e).message(); }

}  // namespace eventwire::auth
