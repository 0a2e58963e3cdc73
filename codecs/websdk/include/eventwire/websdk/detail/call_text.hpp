#pragma once

// Writing call-language arguments, each checked first. Internal to the codec.

#include <eventwire/websdk/entity_ref.hpp>
#include <eventwire/websdk/error.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <system_error>

namespace eventwire::websdk::detail {

// The largest instance id, custom event id or condition id: .NET's int.
inline constexpr std::int64_t max_int32 = 2147483647;

// A name the call language can carry bare: [A-Za-z0-9_]+ (entity and event types, methods).
bool is_name(std::string_view text) noexcept;

// Free text inside a call (a context, a custom event name): no `( ) { } ,` and no control
// characters, which would end or split the argument. May be empty when `allow_empty`.
bool is_call_text(std::string_view text, bool allow_empty) noexcept;

// Appends a GUID (checked), in braces when `braced` (the /alarm methods' form).
std::error_code append_guid(std::string& out, std::string_view guid, bool braced);

// Appends an entity reference; `allow_type` admits an entity type (subscriptions only).
std::error_code append_entity(std::string& out, const entity_ref& e, bool braced_guid,
                              bool allow_type);

// Appends a decimal integer in [0, max_int32].
std::error_code append_id(std::string& out, std::int64_t value);

void append_uint(std::string& out, std::uint64_t value);

}  // namespace eventwire::websdk::detail
