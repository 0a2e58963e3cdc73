#include "portos_render.hpp"

#include <eventwire/json/writer.hpp>
#include <eventwire/portos/notification.hpp>
#include <eventwire/time/timestamp.hpp>

namespace eventwire::emulator::detail {
namespace {

void append_time(std::string& out, std::chrono::system_clock::time_point now) {
  out += '"';
  time::append_rfc3339(out, std::chrono::time_point_cast<time::ticks>(now));
  out += '"';
}

void append_resource(std::string& out, const portos_change& change) {
  out += "{\"i\":";
  json::append_string(out, change.resource_id);
  out += ",\"n\":";
  if (change.resource_name.empty()) {
    json::append_string(out, change.kind + " " + change.resource_id);
  } else {
    json::append_string(out, change.resource_name);
  }
  out += ",\"v\":";
  json::append_int(out, change.version);
  out += '}';
}

}  // namespace

void render_resource_changed(std::string& out, const portos_change& change, std::string_view sender_connection,
                             std::string_view reference, std::chrono::system_clock::time_point now) {
  out += "[{\"e\":";
  json::append_string(out, portos::resources_changed_event);
  out += ",\"s\":{\"c\":";
  json::append_string(out, sender_connection);
  out += ",\"u\":{\"u\":\"operator\",\"d\":\"Workstation-1\"}},\"r\":";
  json::append_string(out, reference);
  out += ",\"ca\":";
  append_time(out, now);
  out += ",\"p\":{\"u\":{\"u\":\"7d1f0c52\",\"d\":\"Operator\"},\"n\":";
  json::append_string(out, change.kind);
  out += ",\"a\":";
  json::append_int(out, static_cast<int>(change.action));
  out += ",\"i\":";
  append_resource(out, change);
  out += ",\"r\":[";
  append_resource(out, change);
  out += "]}}]";
}

void render_licence_activated(std::string& out, std::string_view licence_id, std::string_view reference,
                              std::chrono::system_clock::time_point now) {
  out += "[{\"e\":";
  json::append_string(out, portos::licence_activated_event);
  out += ",\"s\":{\"c\":\"server\",\"u\":{\"u\":\"System\",\"d\":\"System\",\"f\":\"Licensing\"}},\"r\":";
  json::append_string(out, reference);
  out += ",\"ca\":";
  append_time(out, now);
  out += ",\"p\":{\"l\":";
  json::append_string(out, licence_id);
  out += "}}]";
}

}  // namespace eventwire::emulator::detail
