#pragma once

#include <eventwire/emulator/portos_emulator.hpp>

#include <chrono>
#include <string>
#include <string_view>

namespace eventwire::emulator::detail {

// The `OnEvent` argument list ("[{...}]") of one Portos notification, with the seed's short keys.
// The sender (`s`) is `sender_connection` acting as a user; the payload of
// portos.resources.changed follows the seed, that of portos.licence.activated is inferred
// ({"l":"<licence id>"}, the seed gives none).
void render_resource_changed(std::string& out, const portos_change& change, std::string_view sender_connection,
                             std::string_view reference, std::chrono::system_clock::time_point now);
void render_licence_activated(std::string& out, std::string_view licence_id, std::string_view reference,
                              std::chrono::system_clock::time_point now);

}  // namespace eventwire::emulator::detail
