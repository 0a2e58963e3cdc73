#include "websdk_arguments.hpp"

#include <eventwire/websdk/guid.hpp>
#include <eventwire/websdk/stream_subscription.hpp>

#include <algorithm>
#include <charconv>
#include <iterator>

namespace eventwire::cli {

namespace {

struct operation_options {
  std::string_view operation;
  std::vector<std::string_view> options;  // besides --source
};

const operation_options operations[] = {
    {"alarms", {"--legacy"}},
    {"trigger", {"--alarm", "--entity", "--context", "--priority", "--attach", "--forward-to", "--link"}},
    {"acknowledge", {"--instance", "--alarm", "--nack", "--force"}},
    {"raise", {"--event-type", "--entity"}},
};

constexpr std::string_view operation_list = "alarms, trigger, acknowledge or raise";

bool parse_int64(const std::string& text, std::int64_t& out) {
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, out);
  return ec == std::errc{} && ptr == end;
}

std::string_view strip_braces(std::string_view guid) {
  if (guid.size() >= 2 && guid.front() == '{' && guid.back() == '}') guid = guid.substr(1, guid.size() - 2);
  return guid;
}

}  // namespace

websdk::entity_ref entity_argument::ref() const noexcept {
  if (kind == websdk::entity_ref::kind::logical_id) return websdk::entity_ref::logical_id(text, logical_id);
  return websdk::entity_ref::guid(text);
}

std::optional<entity_argument> parse_entity_argument(std::string_view text) {
  // The subscription reader knows both forms; the event type here is only a placeholder.
  websdk::stream_subscription parsed;
  if (websdk::parse_subscription("event(" + std::string(text) + ",Any)", parsed)) return std::nullopt;
  if (parsed.source_kind == websdk::entity_ref::kind::entity_type) return std::nullopt;
  return entity_argument{parsed.source_kind, std::move(parsed.source), parsed.logical_id};
}

option_match parse_websdk_option(const std::vector<std::string>& argv, std::size_t& i, websdk_arguments& out,
                                 std::string& error) {
  const std::string& arg = argv[i];
  const bool known = arg == "--source" || std::any_of(std::begin(operations), std::end(operations), [&](const auto& op) {
                       return std::find(op.options.begin(), op.options.end(), arg) != op.options.end();
                     });
  if (!known) return option_match::not_mine;
  out.given.push_back(arg);
  if (arg == "--nack" || arg == "--force" || arg == "--legacy") {
    (arg == "--nack" ? out.nack : arg == "--force" ? out.force : out.legacy) = true;
    return option_match::taken;
  }
  if (i + 1 >= argv.size()) {
    error = arg + " needs a value";
    return option_match::invalid;
  }
  const std::string& v = argv[++i];
  const auto fail = [&](std::string_view what) {
    error = arg + ": not " + std::string(what) + ": " + v;
    return option_match::invalid;
  };
  const auto guid = [&](std::vector<std::string>& list) {
    if (!websdk::is_guid(strip_braces(v))) return fail("a GUID");
    list.emplace_back(strip_braces(v));
    return option_match::taken;
  };
  if (arg == "--source") {
    out.source = v;
  } else if (arg == "--alarm" || arg == "--entity") {
    auto entity = parse_entity_argument(v);
    if (!entity) return fail("a GUID or LogicalID(Type,N)");
    (arg == "--alarm" ? out.alarm : out.entity) = std::move(*entity);
  } else if (arg == "--context") {
    out.context = v;
  } else if (arg == "--priority") {
    std::int64_t n = 0;
    if (!parse_int64(v, n) || n < 1 || n > 255) return fail("a priority from 1 to 255");
    out.priority = n;
  } else if (arg == "--instance") {
    std::int64_t n = 0;
    if (!parse_int64(v, n) || n < 0) return fail("an alarm instance id");
    out.instance = n;
  } else if (arg == "--attach") {
    return guid(out.attached);
  } else if (arg == "--forward-to") {
    return guid(out.recipients);
  } else if (arg == "--link") {
    out.links.push_back(v);
  } else {  // --event-type
    out.event_type = v;
  }
  return option_match::taken;
}

bool check_websdk_arguments(const websdk_arguments& a, std::string& error) {
  if (a.operation.empty()) {
    error = "websdk needs an operation: " + std::string(operation_list);
    return false;
  }
  const auto* op = std::find_if(std::begin(operations), std::end(operations),
                                [&](const operation_options& o) { return o.operation == a.operation; });
  if (op == std::end(operations)) {
    error = "unknown websdk operation " + a.operation + " (" + std::string(operation_list) + ")";
    return false;
  }
  const std::string command = "websdk " + a.operation;
  for (const std::string& given : a.given) {
    if (given != "--source" && std::find(op->options.begin(), op->options.end(), given) == op->options.end()) {
      error = command + " does not take " + given;
      return false;
    }
  }
  const auto needs = [&](bool present, std::string_view what) {
    if (!present) error = command + " needs " + std::string(what);
    return present;
  };
  if (!needs(!a.source.empty(), "--source NAME (a genetec-websdk source of the config)")) return false;
  if (a.operation == "trigger") return needs(a.alarm.has_value(), "--alarm GUID");
  if (a.operation == "acknowledge") {
    if (!needs(a.instance.has_value(), "--instance ID")) return false;
    if (a.force && !needs(a.alarm.has_value(), "--alarm GUID with --force")) return false;
    if (a.force && a.nack) {
      error = command + ": --force and --nack exclude each other";
      return false;
    }
    if (a.alarm && a.alarm->kind != websdk::entity_ref::kind::guid) {
      error = command + ": --alarm must be a GUID";
      return false;
    }
    return true;
  }
  if (a.operation == "raise")
    return needs(!a.event_type.empty(), "--event-type TYPE") && needs(a.entity.has_value(), "--entity GUID");
  return true;
}

}  // namespace eventwire::cli
