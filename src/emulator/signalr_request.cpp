#include "signalr_request.hpp"

#include <algorithm>
#include <random>

namespace eventwire::emulator::detail {

namespace {

int hex_value(char c) noexcept {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// application/x-www-form-urlencoded decoding: %XX escapes, '+' for a space; a malformed escape
// stays as it is.
std::string percent_decoded(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '+') {
      out.push_back(' ');
    } else if (c == '%' && i + 2 < text.size() && hex_value(text[i + 1]) >= 0 && hex_value(text[i + 2]) >= 0) {
      out.push_back(static_cast<char>(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2])));
      i += 2;
    } else {
      out.push_back(c);
    }
  }
  return out;
}

char lower(char c) noexcept { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }
}  // namespace

request_target split_target(std::string_view target) {
  const auto question = target.find('?');
  if (question == std::string_view::npos) return {target, {}};
  return {target.substr(0, question), target.substr(question + 1)};
}

// Boost 1.81's parse_query reads its input up to a NUL byte, past the view's end; so by hand.
std::optional<std::string> query_parameter(std::string_view query, std::string_view key) {
  while (!query.empty()) {
    const auto amp = query.find('&');
    const std::string_view pair = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    const auto equals = pair.find('=');
    if (percent_decoded(pair.substr(0, equals)) != key) continue;
    return equals == std::string_view::npos ? std::string() : percent_decoded(pair.substr(equals + 1));
  }
  return std::nullopt;
}

std::optional<std::string> presented_token(const boost::beast::http::fields& headers,
                                           std::string_view query) {
  if (auto token = query_parameter(query, "access_token"); token && !token->empty()) return token;
  const auto found = headers.find(boost::beast::http::field::authorization);
  if (found == headers.end()) return std::nullopt;
  const std::string_view value = found->value();
  constexpr std::string_view scheme = "bearer ";
  if (value.size() <= scheme.size() || !iequals(value.substr(0, scheme.size()), scheme)) {
    return std::nullopt;
  }
  return std::string(value.substr(scheme.size()));
}

std::string make_connection_id() {
  static constexpr std::string_view alphabet =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  thread_local std::mt19937_64 random{std::random_device{}()};
  std::string id(22, ' ');
  for (char& c : id) c = alphabet[random() % alphabet.size()];
  return id;
}

bool iequals(std::string_view a, std::string_view b) noexcept {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return lower(x) == lower(y); });
}

bool iless::operator()(std::string_view a, std::string_view b) const noexcept {
  return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end(),
                                      [](char x, char y) { return lower(x) < lower(y); });
}

}  // namespace eventwire::emulator::detail
