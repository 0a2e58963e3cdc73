#include "table.hpp"

#include <cstdio>

namespace eventwire::faults {

namespace {

std::string fixed(double v, const char* unit) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f %s", v, unit);
  return text;
}

// A note may hold anything the program logged: keep the table's cells intact.
std::string cell(std::string text) {
  constexpr std::size_t longest = 200;
  if (text.size() > longest) text = text.substr(0, longest) + "...";
  for (auto& c : text)
    if (c == '|' || c == '\n') c = ' ';
  return text;
}

}  // namespace

std::string table_header() {
  return "| source | fault | recovered | time to recover | sent | delivered | duplicates | missed while "
         "disconnected | lost | disconnected for | result | notes |\n"
         "|---|---|---|---|---|---|---|---|---|---|---|---|\n";
}

std::string table_row(const row& r) {
  const bool refusal = r.kind == scenario_kind::tls_mismatch;
  std::string out = "| " + r.source + (r.pull ? " (pull)" : " (push)") + " | " + std::string(name(r.kind)) + " | ";
  out += refusal ? "n/a" : (r.recovered ? "yes" : "**no**");
  out += " | " + (r.recover_seconds ? fixed(*r.recover_seconds, "s") : std::string("-"));
  out += " | " + std::to_string(r.sent) + " | " + std::to_string(r.delivered) + " | " + std::to_string(r.duplicates);
  out += " | " + (r.pull ? std::string("-") : std::to_string(r.missed));
  if (refusal) {
    out += " | -";
  } else {
    out += " | " + (r.lost ? "**" + std::to_string(r.lost) + "**" : std::string("0"));
  }
  out += " | " + (r.disconnected_seconds ? fixed(*r.disconnected_seconds, "s") : std::string("-"));
  out += " | " + std::string(r.passed ? "ok" : "**FAIL**") + " | " + cell(r.note) + " |\n";
  return out;
}

}  // namespace eventwire::faults
