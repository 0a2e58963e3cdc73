#include <eventwire/websdk/detail/call_text.hpp>
#include <eventwire/websdk/entity_query.hpp>

namespace eventwire::websdk {
namespace {

void append_two_digits(std::string& out, std::int64_t v) {
  out += static_cast<char>('0' + v / 10);
  out += static_cast<char>('0' + v % 10);
}

// A .NET TimeSpan: [d.]hh:mm:ss.
std::error_code append_timespan(std::string& out, std::chrono::seconds delay) {
  constexpr std::int64_t day = 86400;
  const std::int64_t s = delay.count();
  if (s < 0 || s > 9999 * day) return error::out_of_range;
  if (s >= day) {
    detail::append_uint(out, static_cast<std::uint64_t>(s / day));
    out += '.';
  }
  append_two_digits(out, s % day / 3600);
  out += ':';
  append_two_digits(out, s % 3600 / 60);
  out += ':';
  append_two_digits(out, s % 60);
  return {};
}

std::error_code guid_call(std::string& call, std::string_view method, std::string_view guid) {
  call += method;
  call += '(';
  const std::error_code ec = detail::append_guid(call, guid, false);
  call += ')';
  return ec;
}

}  // namespace

std::error_code entity_query::commit(std::error_code ec, const std::string& call,
                                     http_method method) {
  if (ec) return ec;
  std::string prefix;
  if (query_.empty()) {
    prefix = "entity=";
    if (const std::error_code bad = detail::append_entity(prefix, target_, false, false))
      return bad;
  }
  if (query_.size() + prefix.size() + 1 + call.size() > max_query_size_)
    return error::query_too_long;
  query_ += prefix;
  query_ += ',';
  query_ += call;
  if (method == http_method::post) method_ = http_method::post;
  return {};
}

std::error_code entity_query::recipients_add(std::string_view user_or_group_guid,
                                             std::chrono::seconds forward_delay) {
  std::string call = "Recipients.Add(";
  std::error_code ec = detail::append_guid(call, user_or_group_guid, false);
  call += ',';
  if (!ec) ec = append_timespan(call, forward_delay);
  call += ')';
  return commit(ec, call, http_method::post);
}

std::error_code entity_query::recipients_remove(std::string_view user_or_group_guid) {
  std::string call;
  const std::error_code ec = guid_call(call, "Recipients.Remove", user_or_group_guid);
  return commit(ec, call, http_method::post);
}

std::error_code entity_query::recipients_clear() {
  return commit({}, "Recipients.Clear()", http_method::post);
}

std::error_code entity_query::is_recipient(std::string_view user_or_group_guid) {
  std::string call;
  const std::error_code ec = guid_call(call, "IsRecipient", user_or_group_guid);
  return commit(ec, call, http_method::get);
}

std::error_code entity_query::recipients_contains(std::string_view user_guid) {
  std::string call;
  const std::error_code ec = guid_call(call, "Recipients.Contains", user_guid);
  return commit(ec, call, http_method::post);
}

std::error_code entity_query::supported_events() {
  return commit({}, "SupportedEvents", http_method::get);
}

std::error_code entity_query::custom_events_add(std::int64_t event_id, std::string_view name,
                                                std::string_view entity_type) {
  std::string call = "CustomEvents.Add(";
  std::error_code ec = detail::append_id(call, event_id);
  if (!ec && !detail::is_call_text(name, false)) ec = error::invalid_text;
  if (!ec && !detail::is_name(entity_type)) ec = error::invalid_name;
  call += ',';
  call += name;
  call += ',';
  call += entity_type;
  call += ')';
  return commit(ec, call, http_method::post);
}

std::error_code entity_query::custom_events_remove(std::int64_t event_id) {
  std::string call = "CustomEvents-";
  const std::error_code ec = detail::append_id(call, event_id);
  return commit(ec, call, http_method::post);
}

std::error_code entity_query::custom_events() {
  return commit({}, "CustomEvents", http_method::get);
}

std::error_code entity_query::supported_custom_events() {
  return commit({}, "SupportedCustomEvents", http_method::get);
}

request entity_query::to_request() const { return {method_, {"entity"}, false, query_}; }

}  // namespace eventwire::websdk
