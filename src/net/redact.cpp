#include <eventwire/net/redact.hpp>

#include <algorithm>
#include <array>
#include <cctype>

namespace eventwire::net {
namespace {

constexpr std::string_view mask = "***";

bool same_ignoring_case(std::string_view a, std::string_view b) noexcept {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

// Masks the password of "scheme://user:password@host".
void redact_userinfo(std::string& text) {
  const auto authority = text.find("://");
  if (authority == std::string::npos) return;
  const auto start = authority + 3;
  const auto end = text.find_first_of("/?#", start);
  const auto at = text.rfind('@', end == std::string::npos ? std::string::npos : end);
  if (at == std::string::npos || at < start) return;
  const auto colon = text.find(':', start);
  if (colon == std::string::npos || colon > at) return;
  text.replace(colon + 1, at - colon - 1, mask);
}

}  // namespace

bool is_secret_parameter(std::string_view name) noexcept {
  constexpr std::array<std::string_view, 16> secrets = {
      "access_token", "token",     "id",     "id_token",      "refresh_token", "code",
      "password",     "passwd",    "secret", "client_secret", "key",           "apikey",
      "api_key",      "signature", "sig",    "auth"};
  return std::any_of(secrets.begin(), secrets.end(),
                     [&](std::string_view s) { return same_ignoring_case(s, name); });
}

std::string redact(std::string_view url_text) {
  std::string text(url_text);
  redact_userinfo(text);
  const auto query = text.find('?');
  if (query == std::string::npos) return text;
  const auto fragment = text.find('#', query);
  const auto query_end = fragment == std::string::npos ? text.size() : fragment;

  std::string out = text.substr(0, query + 1);
  std::size_t pos = query + 1;
  while (pos <= query_end) {
    auto amp = text.find('&', pos);
    if (amp == std::string::npos || amp > query_end) amp = query_end;
    const std::string_view pair(text.data() + pos, amp - pos);
    const auto eq = pair.find('=');
    if (eq != std::string_view::npos && is_secret_parameter(pair.substr(0, eq)))
      out.append(pair.substr(0, eq + 1)).append(mask);
    else
      out.append(pair);
    if (amp == query_end) break;
    out.append(1, '&');
    pos = amp + 1;
  }
  out.append(text, query_end, std::string::npos);
  return out;
}

std::string redact(const url& u) { return redact(u.to_string()); }

}  // namespace eventwire::net
