#pragma once

// What the hub reads from an HTTP request: path and query, the access token, and fresh ids.

#include <boost/beast/http/fields.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace eventwire::emulator::detail {

struct request_target {
  std::string_view path;
  std::string_view query;  // without '?'
};

request_target split_target(std::string_view target);

// The decoded value of the first `key` parameter of `query`; std::nullopt when absent.
std::optional<std::string> query_parameter(std::string_view query, std::string_view key);

// The token a client presents, as ASP.NET Core's JWT bearer handler configured for hubs reads
// it: the `access_token` query parameter when present, else `Authorization: Bearer`.
std::optional<std::string> presented_token(const boost::beast::http::fields& headers,
                                           std::string_view query);

// A fresh random id of 22 URL-safe characters, as ASP.NET Core makes connection ids and tokens.
std::string make_connection_id();

// ASCII case-insensitive comparison, for hub method names.
bool iequals(std::string_view a, std::string_view b) noexcept;
struct iless {
  using is_transparent = void;
  bool operator()(std::string_view a, std::string_view b) const noexcept;
};

}  // namespace eventwire::emulator::detail
