// The Web SDK emulator's alarm recipients: users, user groups (nested), and who receives an alarm.

#include "websdk_state.hpp"
#include "websdk_wire.hpp"

#include <algorithm>

namespace eventwire::emulator::detail {

namespace {

constexpr int max_group_depth = 16;

}  // namespace

bool websdk_state::is_user_or_group(std::string_view guid) const noexcept {
  if (iequal(guid, options.user_guid)) return true;
  return std::any_of(options.user_groups.begin(), options.user_groups.end(),
                     [&](const websdk_user_group& g) { return iequal(g.guid, guid); });
}

bool websdk_state::member_of(std::string_view group_guid, std::string_view guid, int depth) const noexcept {
  if (depth == max_group_depth) return false;
  for (const websdk_user_group& g : options.user_groups) {
    if (!iequal(g.guid, group_guid)) continue;
    for (const std::string& m : g.members)
      if (iequal(m, guid) || member_of(m, guid, depth + 1)) return true;
  }
  return false;
}

bool websdk_state::is_recipient(std::string_view alarm_guid, std::string_view guid) const {
  const auto it = recipients.find(lower(alarm_guid));
  if (it == recipients.end()) return iequal(guid, options.user_guid);
  return std::any_of(it->second.begin(), it->second.end(), [&](const websdk_recipient& r) {
    return iequal(r.guid, guid) || member_of(r.guid, guid);
  });
}

bool websdk_state::recipients_contain(std::string_view alarm_guid, std::string_view guid) const {
  const auto it = recipients.find(lower(alarm_guid));
  if (it == recipients.end()) return false;
  return std::any_of(it->second.begin(), it->second.end(),
                     [&](const websdk_recipient& r) { return member_of(r.guid, guid); });
}

bool websdk_state::user_receives(const websdk_alarm_instance& a) const {
  if (is_recipient(a.alarm_guid, options.user_guid)) return true;
  return std::any_of(a.forwarded_to.begin(), a.forwarded_to.end(), [&](const std::string& r) {
    return iequal(r, options.user_guid) || member_of(r, options.user_guid);
  });
}

std::vector<websdk_recipient>& websdk_state::recipients_of(std::string_view alarm_guid) {
  return recipients[lower(alarm_guid)];
}

}  // namespace eventwire::emulator::detail
