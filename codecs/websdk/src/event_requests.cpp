#include <eventwire/websdk/detail/call_text.hpp>
#include <eventwire/websdk/event_requests.hpp>
#include <eventwire/websdk/guid.hpp>

#include <ostream>
#include <utility>

namespace eventwire::websdk {
namespace {

std::error_code events_query(std::string_view method, std::span<const event_filter> events,
                             request& out, std::size_t max_query_size) {
  if (events.empty()) return error::empty_list;
  std::string q;
  for (const event_filter& f : events) {
    if (!q.empty()) q += ',';
    q += "event(";
    if (const std::error_code ec = detail::append_entity(q, f.source, false, true)) return ec;
    if (!detail::is_name(f.event_type)) return error::invalid_name;
    q += ',';
    q += f.event_type;
    q += ')';
    if (q.size() > max_query_size) return error::query_too_long;
  }
  out = request{http_method::get, {"events", std::string(method)}, false, std::move(q)};
  return {};
}

std::error_code entity_segment(const entity_ref& entity, std::string& out) {
  return detail::append_entity(out, entity, false, false);
}

}  // namespace

std::error_code subscribe_request(std::span<const event_filter> events, request& out,
                                  std::size_t max_query_size) {
  return events_query("subscribe", events, out, max_query_size);
}

std::error_code unsubscribe_request(std::span<const event_filter> events, request& out,
                                    std::size_t max_query_size) {
  return events_query("unsubscribe", events, out, max_query_size);
}

request subscribed_request() { return {http_method::get, {"events", "subscribed"}, false, {}}; }

request open_stream_request() { return {http_method::get, {"events"}, false, {}}; }

request alarm_monitoring_request(bool on) {
  return {http_method::post, {"events", "alarmMonitoring", on ? "on" : "off"}, false, {}};
}

std::error_code close_connection_request(std::string_view connection_id, request& out) {
  if (!is_guid(connection_id)) return error::invalid_guid;
  out = {http_method::post, {"events", "closeconnection", std::string(connection_id)}, false, {}};
  return {};
}

std::error_code raise_event_request(std::string_view event_type, const entity_ref& entity,
                                    request& out) {
  if (!detail::is_name(event_type)) return error::invalid_name;
  std::string source;
  if (const std::error_code ec = entity_segment(entity, source)) return ec;
  out = {http_method::post, {"events", "RaiseEvent", std::string(event_type), std::move(source)},
         false, {}};
  return {};
}

std::error_code raise_custom_event_request(std::int64_t custom_event_id, const entity_ref& entity,
                                           std::string_view message, request& out) {
  std::string id;
  if (const std::error_code ec = detail::append_id(id, custom_event_id)) return ec;
  std::string source;
  if (const std::error_code ec = entity_segment(entity, source)) return ec;
  request r{http_method::post, {"events", "RaiseCustomEvent", std::move(id), std::move(source)},
            message.empty(), {}};
  if (!message.empty()) r.path.emplace_back(message);
  out = std::move(r);
  return {};
}

std::ostream& operator<<(std::ostream& os, const event_filter& f) {
  return os << "event(" << f.source << ',' << f.event_type << ')';
}

}  // namespace eventwire::websdk
