#include "numbered_events.hpp"

#include "delivery_log.hpp"

#include <eventwire/emulator/unity_emulator.hpp>
#include <eventwire/missioncontrol/event_type.hpp>

#include <charconv>

namespace eventwire::faults {

namespace {

// The string value of the first `"key":"` after `from`.
std::string_view string_after(std::string_view text, std::string_view key, std::size_t from = 0) {
  const auto at = text.find(key, from);
  if (at == std::string_view::npos) return {};
  const auto start = at + key.size();
  const auto end = text.find('"', start);
  return end == std::string_view::npos ? std::string_view() : text.substr(start, end - start);
}

// "id":"xxxxxxxx-xxxx-4xxx-8xxx-<12 hex digits of the notification number>": the number less one.
std::optional<std::uint64_t> unity_sequence(std::string_view line) {
  const std::string_view id = string_after(line, R"("id":")");
  if (id.size() != 36) return std::nullopt;
  std::uint64_t number = 0;
  const auto [end, ec] = std::from_chars(id.data() + 24, id.data() + 36, number, 16);
  if (ec != std::errc{} || end != id.data() + 36 || number == 0) return std::nullopt;
  if (emulator::unity_emulator::event_id(number) != id) return std::nullopt;
  return number - 1;
}

// Incident inc-K, its k-th type (Created first, then the other 23): (K - 1) * 24 + k.
std::optional<std::uint64_t> missioncontrol_sequence(std::string_view line) {
  const auto incident = number_after(line, R"("IncidentId":"inc-)");
  const std::string_view type = string_after(line, R"("Type":")");
  const auto types = missioncontrol::known_event_types();
  if (!incident || *incident == 0 || type.empty()) return std::nullopt;
  for (std::size_t k = 0; k < types.size(); ++k) {
    auto at_k = types[k];  // as missioncontrol_emulator::notify_generated swaps Created to the front
    if (k == 0) {
      at_k = missioncontrol::event_type::created;
    } else if (at_k == missioncontrol::event_type::created) {
      at_k = types[0];
    }
    if (missioncontrol::event_type_name(at_k) == type) return (*incident - 1) * types.size() + k;
  }
  return std::nullopt;
}

// Resource KIND-(N % 1000) at version N / 1000 + 1, or licence LIC-(N + 1).
std::optional<std::uint64_t> portos_sequence(std::string_view line) {
  if (const auto licence = number_after(line, "LIC-")) {
    if (*licence == 0) return std::nullopt;
    return *licence - 1;
  }
  const auto changed = line.find(R"("i":{"i":")");
  if (changed == std::string_view::npos) return std::nullopt;
  const std::string_view resource = string_after(line, R"("i":{"i":")", changed);
  const auto dash = resource.rfind('-');
  const auto version = number_after(line.substr(changed), R"("v":)");
  if (dash == std::string_view::npos || !version || *version == 0) return std::nullopt;
  const auto number = number_after(resource.substr(dash), "-");
  if (!number || *number >= 1000) return std::nullopt;
  return (*version - 1) * 1000 + *number;
}

}  // namespace

std::optional<std::uint64_t> numbered_sequence(std::string_view type, std::string_view line) {
  if (type == "genetec-websdk") return number_after(line, R"("Sequence":)");
  if (type == "signalr") return number_after(line, R"("sequence":)");
  if (type == "clay") return number_after(line, R"("id":"M)");
  if (type == "webroot-unity") return unity_sequence(line);
  if (type == "genetec-missioncontrol") return missioncontrol_sequence(line);
  if (type == "portos") return portos_sequence(line);
  return std::nullopt;
}

std::string_view emulated_system_of(std::string_view type) noexcept {
  if (type == "genetec-websdk") return "websdk";
  if (type == "genetec-missioncontrol") return "missioncontrol";
  if (type == "webroot-unity") return "unity";
  if (type == "clay" || type == "portos" || type == "signalr") return type;
  return {};
}

}  // namespace eventwire::faults
