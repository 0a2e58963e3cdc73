#include <eventwire/auth/access_token.hpp>

#include <ctime>
#include <ostream>

namespace eventwire::auth {

std::ostream& operator<<(std::ostream& os, const access_token& token) {
  if (token.value.empty()) return os << "access_token(empty)";
  if (!token.expires_at) return os << "access_token(**** expiry unknown)";
  const std::time_t seconds = std::chrono::system_clock::to_time_t(*token.expires_at);
  std::tm utc{};
  char text[32] = "?";
  if (::gmtime_r(&seconds, &utc)) std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return os << "access_token(**** expires " << text << ")";
}

}  // namespace eventwire::auth
