#pragma once

#include <string_view>

namespace eventwire::websdk {

// The GUID Security Center uses for "no entity" (the source of a TriggerAlarm with none).
inline constexpr std::string_view nil_guid = "00000000-0000-0000-0000-000000000000";
// The system configuration entity that owns custom events.
inline constexpr std::string_view system_configuration_guid =
    "00000000-0000-0000-0000-000000000007";

// Whether `text` is a GUID as the Web SDK writes them: 8-4-4-4-12 hexadecimal digits (either
// case), no braces.
bool is_guid(std::string_view text) noexcept;

}  // namespace eventwire::websdk
