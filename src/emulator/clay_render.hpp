#pragma once

#include <eventwire/clay/hub.hpp>
#include <eventwire/emulator/clay_emulator.hpp>

#include <chrono>
#include <string>
#include <string_view>

namespace eventwire::emulator::detail {

// The message JSON of one Clay event (inferred shape; see clay_emulator.hpp) into `message`,
// then the `ReceiveMessage` argument list holding it as one JSON string into `arguments`.
void render_clay_message(std::string& message, std::string& arguments, clay::hub h, const clay_message& m,
                         std::string_view id, std::chrono::system_clock::time_point now);

// The value of `name` in a query string ("a=1&b=2"), percent-decoded; empty when absent.
std::string clay_query_parameter(std::string_view query, std::string_view name);

}  // namespace eventwire::emulator::detail
