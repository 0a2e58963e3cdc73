#include <eventwire/websdk/error.hpp>
#include <eventwire/websdk/guid.hpp>
#include <eventwire/websdk/stream_subscription.hpp>

#include <cctype>
#include <charconv>
#include <ostream>

namespace eventwire::websdk {

namespace {

bool is_name(std::string_view s) noexcept {
  if (s.empty()) return false;
  for (const char c : s)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_') return false;
  return true;
}

std::string_view trim(std::string_view s) noexcept {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

}  // namespace

stream_subscription stream_subscription::entity(std::string guid, std::string event_type) {
  return {entity_ref::kind::guid, std::move(guid), 0, std::move(event_type)};
}

stream_subscription stream_subscription::logical(std::string entity_type, std::uint32_t id,
                                                 std::string event_type) {
  return {entity_ref::kind::logical_id, std::move(entity_type), id, std::move(event_type)};
}

stream_subscription stream_subscription::every(std::string entity_type, std::string event_type) {
  return {entity_ref::kind::entity_type, std::move(entity_type), 0, std::move(event_type)};
}

event_filter stream_subscription::filter() const noexcept {
  switch (source_kind) {
    case entity_ref::kind::guid:
      return {entity_ref::guid(source), event_type};
    case entity_ref::kind::logical_id:
      return {entity_ref::logical_id(source, logical_id), event_type};
    case entity_ref::kind::entity_type:
      break;
  }
  return {entity_ref::entity_type(source), event_type};
}

std::error_code parse_subscription(std::string_view text, stream_subscription& out) {
  text = trim(text);
  constexpr std::string_view head = "event(";
  if (text.size() <= head.size() + 1 || text.substr(0, head.size()) != head || text.back() != ')')
    return error::invalid_name;
  std::string_view inner = text.substr(head.size(), text.size() - head.size() - 1);
  const auto comma = inner.rfind(',');
  if (comma == std::string_view::npos) return error::invalid_name;
  const std::string_view source = trim(inner.substr(0, comma));
  const std::string_view type = trim(inner.substr(comma + 1));
  if (!is_name(type)) return error::invalid_name;

  constexpr std::string_view logical = "LogicalID(";
  if (source.substr(0, logical.size()) == logical) {
    if (source.back() != ')') return error::invalid_name;
    const std::string_view args = source.substr(logical.size(), source.size() - logical.size() - 1);
    const auto c = args.find(',');
    if (c == std::string_view::npos) return error::invalid_name;
    const std::string_view entity_type = trim(args.substr(0, c));
    const std::string_view number = trim(args.substr(c + 1));
    if (!is_name(entity_type)) return error::invalid_name;
    std::uint32_t id = 0;
    const auto [p, ec] = std::from_chars(number.data(), number.data() + number.size(), id);
    if (ec != std::errc() || p != number.data() + number.size()) return error::out_of_range;
    out = stream_subscription::logical(std::string(entity_type), id, std::string(type));
    return {};
  }
  std::string_view guid = source;
  if (guid.size() >= 2 && guid.front() == '{' && guid.back() == '}') guid = guid.substr(1, guid.size() - 2);
  if (is_guid(guid)) {
    out = stream_subscription::entity(std::string(guid), std::string(type));
    return {};
  }
  if (source.find('-') != std::string_view::npos || source.find('{') != std::string_view::npos)
    return error::invalid_guid;
  if (!is_name(source)) return error::invalid_name;
  out = stream_subscription::every(std::string(source), std::string(type));
  return {};
}

std::ostream& operator<<(std::ostream& os, const stream_subscription& s) {
  os << "event(";
  if (s.source_kind == entity_ref::kind::logical_id)
    os << "LogicalID(" << s.source << ',' << s.logical_id << ')';
  else
    os << s.source;
  return os << ',' << s.event_type << ')';
}

}  // namespace eventwire::websdk
