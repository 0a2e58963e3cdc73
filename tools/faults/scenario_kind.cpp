#include "scenario_kind.hpp"

namespace eventwire::faults {

namespace {

struct entry {
  scenario_kind kind;
  std::string_view name;
};

constexpr entry entries[] = {
    {scenario_kind::restart, "restart"},           {scenario_kind::cut, "cut"},
    {scenario_kind::silence, "silence"},           {scenario_kind::half_open, "half-open"},
    {scenario_kind::unauthorized, "401"},          {scenario_kind::expiry, "expiry"},
    {scenario_kind::throttled, "429"},             {scenario_kind::server_error, "5xx"},
    {scenario_kind::tls_mismatch, "tls-mismatch"}, {scenario_kind::sink_restart, "sink-restart"},
    {scenario_kind::process_pause, "sigstop"},     {scenario_kind::process_kill, "sigkill"},
};

}  // namespace

std::string_view name(scenario_kind k) noexcept {
  for (const auto& e : entries)
    if (e.kind == k) return e.name;
  return "?";
}

std::optional<scenario_kind> scenario_from_name(std::string_view text) noexcept {
  for (const auto& e : entries)
    if (e.name == text) return e.kind;
  return std::nullopt;
}

std::vector<scenario_kind> all_scenarios() {
  std::vector<scenario_kind> out;
  for (const auto& e : entries) out.push_back(e.kind);
  return out;
}

}  // namespace eventwire::faults
