#pragma once

#include <eventwire/portos/resource_action.hpp>
#include <eventwire/portos/subscription.hpp>
#include <eventwire/portos/subscription_decoder.hpp>

#include <cstdint>
#include <map>
#include <string_view>
#include <vector>

namespace eventwire::emulator::detail {

// The subscriptions of each connection of the Portos emulator, and the matching rule.
struct portos_state {
  std::map<std::uint64_t, std::vector<portos::subscription>> by_connection;
  portos::subscription_decoder decoder;
  portos::subscription scratch;
  std::uint64_t subscribes = 0;
  std::uint64_t unsubscribes = 0;
  std::uint64_t notifications_sent = 0;

  // Adds (true) unless an equal one is there.
  bool add(std::uint64_t connection, const portos::subscription& s);
  // Removes the equal one (true) if there.
  bool remove(std::uint64_t connection, const portos::subscription& s);
  // Whether `connection` subscribed to `event` (for portos.resources.changed: of this kind and
  // action; other events ignore both).
  bool wants(std::uint64_t connection, std::string_view event, std::string_view kind,
             portos::resource_action action) const;
  // Forgets connections that are not in `open` (sorted).
  void keep_only(const std::vector<std::uint64_t>& open);
};

bool subscription_matches(const portos::subscription& s, std::string_view event, std::string_view kind,
                          portos::resource_action action);

}  // namespace eventwire::emulator::detail
