#include "portos_state.hpp"

#include <eventwire/portos/notification.hpp>

#include <algorithm>

namespace eventwire::emulator::detail {

bool subscription_matches(const portos::subscription& s, std::string_view event, std::string_view kind,
                          portos::resource_action action) {
  if (s.event != event) return false;
  if (event != portos::resources_changed_event || s.resources.empty()) return true;
  return std::any_of(s.resources.begin(), s.resources.end(), [&](const portos::subscribed_resource& r) {
    return r.name == kind &&
           (r.actions.empty() || std::find(r.actions.begin(), r.actions.end(), action) != r.actions.end());
  });
}

bool portos_state::add(std::uint64_t connection, const portos::subscription& s) {
  auto& list = by_connection[connection];
  if (std::find(list.begin(), list.end(), s) != list.end()) return false;
  list.push_back(s);
  return true;
}

bool portos_state::remove(std::uint64_t connection, const portos::subscription& s) {
  auto found = by_connection.find(connection);
  if (found == by_connection.end()) return false;
  auto& list = found->second;
  auto it = std::find(list.begin(), list.end(), s);
  if (it == list.end()) return false;
  list.erase(it);
  return true;
}

bool portos_state::wants(std::uint64_t connection, std::string_view event, std::string_view kind,
                         portos::resource_action action) const {
  auto found = by_connection.find(connection);
  if (found == by_connection.end()) return false;
  return std::any_of(found->second.begin(), found->second.end(), [&](const portos::subscription& s) {
    return subscription_matches(s, event, kind, action);
  });
}

void portos_state::keep_only(const std::vector<std::uint64_t>& open) {
  std::erase_if(by_connection, [&](const auto& entry) {
    return !std::binary_search(open.begin(), open.end(), entry.first);
  });
}

}  // namespace eventwire::emulator::detail
