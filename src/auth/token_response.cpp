#include <eventwire/auth/error.hpp>
#include <eventwire/auth/token_response.hpp>
#include <eventwire/json/reader.hpp>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdint>

namespace eventwire::auth {
namespace {

constexpr std::int64_t ten_years = 10LL * 365 * 24 * 3600;

bool read_string(json::reader& r, std::string& out) {
  json::raw_string raw;
  if (!r.read_string(raw)) return false;
  out.clear();
  raw.append_to(out);
  return true;
}

// A non-negative whole number of seconds from a JSON number or a string of digits.
bool read_seconds(json::reader& r, std::optional<std::chrono::seconds>& out) {
  std::string_view text;
  std::string scratch;
  if (r.peek() == json::value_kind::string) {
    json::raw_string raw;
    if (!r.read_string(raw)) return false;
    text = raw.decode(scratch);
  } else if (!r.read_number(text)) {
    return false;
  }
  if (text.empty() || text.front() == '-') return false;
  const auto integral = text.substr(0, std::min(text.find_first_of(".eE"), text.size()));
  double value = 0;
  if (integral.size() == text.size()) {
    std::int64_t whole = 0;
    auto [end, ec] = std::from_chars(integral.data(), integral.data() + integral.size(), whole);
    if (ec == std::errc::result_out_of_range)
      whole = ten_years;
    else if (ec != std::errc{} || end != integral.data() + integral.size())
      return false;
    value = static_cast<double>(std::min(whole, ten_years));
  } else {
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || end != text.data() + text.size() || !(value >= 0)) return false;
  }
  out = std::chrono::seconds(static_cast<std::int64_t>(std::min(value, double(ten_years))));
  return true;
}

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

}  // namespace

std::error_code parse_token_response(std::string_view body, token_response& out) {
  out = {};
  const std::error_code invalid = error::invalid_token_response;
  json::reader r(body);
  if (!r.begin_object()) return invalid;
  for (json::raw_string key; r.next_member(key);) {
    bool ok = true;
    if (key.equals("access_token"))
      ok = read_string(r, out.access_token);
    else if (key.equals("token_type"))
      ok = read_string(r, out.token_type);
    else if (key.equals("refresh_token"))
      ok = r.try_null() || read_string(r, out.refresh_token);
    else if (key.equals("scope"))
      ok = r.try_null() || read_string(r, out.scope);
    else if (key.equals("expires_in"))
      ok = r.try_null() || read_seconds(r, out.expires_in);
    else
      ok = r.skip();
    if (!ok) return invalid;
  }
  if (!r.ok() || !r.finish() || out.access_token.empty()) return invalid;
  if (!out.token_type.empty() && !equals_ignoring_case(out.token_type, "bearer"))
    return error::unsupported_token_type;
  return {};
}

bool parse_oauth2_error(std::string_view body, oauth2_error_response& out) {
  out = {};
  json::reader r(body);
  if (!r.begin_object()) return false;
  for (json::raw_string key; r.next_member(key);) {
    bool ok = true;
    if (key.equals("error"))
      ok = read_string(r, out.error);
    else if (key.equals("error_description"))
      ok = r.try_null() || read_string(r, out.description);
    else
      ok = r.skip();
    if (!ok) return false;
  }
  return r.ok() && r.finish() && !out.error.empty();
}

std::error_code oauth2_error_code(std::string_view name) noexcept {
  if (name == "invalid_request") return error::invalid_request;
  if (name == "invalid_client") return error::invalid_client;
  if (name == "invalid_grant") return error::invalid_grant;
  if (name == "unauthorized_client") return error::unauthorized_client;
  if (name == "unsupported_grant_type") return error::unsupported_grant_type;
  if (name == "invalid_scope") return error::invalid_scope;
  return error::oauth2_error;
}

}  // namespace eventwire::auth
