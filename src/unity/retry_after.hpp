#pragma once

#include <chrono>
#include <optional>
#include <string_view>

namespace eventwire::unity::detail {

// A Retry-After header in delay-seconds (RFC 9110 10.2.3); an HTTP-date or anything else is
// std::nullopt. Values beyond `cap` are `cap`.
std::optional<std::chrono::seconds> parse_retry_after(std::string_view value, std::chrono::seconds cap);

}  // namespace eventwire::unity::detail
