#pragma once

#include <eventwire/net/url.hpp>

#include <string>
#include <string_view>

namespace eventwire::net {

// A URL fit for logs and error texts: the values of query parameters that carry credentials
// (access_token, token, id - SignalR's connection token -, code, password, key, signature, ...)
// become "***", and so does the password of a user:password@ part. Works on any text, parsable
// or not, so a bad URL can still be quoted safely.
std::string redact(std::string_view url_text);
std::string redact(const url& u);

// True for query parameter names whose values redact() masks (case-insensitive).
bool is_secret_parameter(std::string_view name) noexcept;

}  // namespace eventwire::net
