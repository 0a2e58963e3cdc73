#pragma once

#include <eventwire/websdk/entity_ref.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace eventwire::cli {

// An entity as a websdk command names it: a GUID (braces allowed) or LogicalID(Type,N), as the
// config's subscriptions write their sources.
struct entity_argument {
  websdk::entity_ref::kind kind = websdk::entity_ref::kind::guid;
  std::string text;  // the GUID, or the entity type of a logical id
  std::uint32_t logical_id = 0;

  // A view of this object's strings.
  websdk::entity_ref ref() const noexcept;
};

// Null when `text` is neither form.
std::optional<entity_argument> parse_entity_argument(std::string_view text);

// `eventwire websdk OPERATION ...`: what each operation takes.
struct websdk_arguments {
  std::string operation;  // alarms, trigger, acknowledge, raise
  std::string source;     // --source: a genetec-websdk source of the config
  std::optional<entity_argument> alarm;   // --alarm
  std::optional<entity_argument> entity;  // --entity
  std::optional<std::string> context;     // --context
  std::optional<std::int64_t> priority;   // --priority
  std::vector<std::string> attached;      // --attach GUID, repeatable
  std::vector<std::string> recipients;    // --forward-to GUID, repeatable
  std::vector<std::string> links;         // --link URL, repeatable
  std::optional<std::int64_t> instance;   // --instance
  bool nack = false;    // --nack
  bool force = false;   // --force
  bool legacy = false;  // --legacy: GetActiveAlarms() instead of /activealarms
  std::string event_type;  // --event-type
  std::vector<std::string> given;  // the options given, to refuse those of other operations
};

enum class option_match { not_mine, taken, invalid };

// Reads argv[i] when it is a websdk option, with its value (i then points at the value).
// invalid: `error` says why in one sentence.
option_match parse_websdk_option(const std::vector<std::string>& argv, std::size_t& i, websdk_arguments& out,
                                 std::string& error);

// Whether the operation is known and has what it needs and nothing it does not take; false with
// one sentence in `error`.
bool check_websdk_arguments(const websdk_arguments& a, std::string& error);

}  // namespace eventwire::cli
