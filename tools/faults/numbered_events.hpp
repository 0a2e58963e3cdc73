#pragma once

// The sequence number of an event that `eventwire emulate` generated, read from the CloudEvents
// line the program delivered (where each system carries it: emulate's --help).

#include <cstdint>
#include <optional>
#include <string_view>

namespace eventwire::faults {

// `type`: the source type (genetec-websdk, genetec-missioncontrol, clay, webroot-unity, portos,
// signalr); std::nullopt when the line carries no number.
std::optional<std::uint64_t> numbered_sequence(std::string_view type, std::string_view line);

// The system `eventwire emulate` serves for a source type ("websdk" for genetec-websdk); empty
// for an unknown type.
std::string_view emulated_system_of(std::string_view type) noexcept;

}  // namespace eventwire::faults
