#pragma once

// The answer to `GET .../api/notifications/subscriptions/{id}/fetch?position=P`: up to 1000
// notifications, oldest first, and the position to fetch from next:
//   {"SubscriptionId":"222c9efe-...","Count":2,"NextPosition":"qZZBBqiW...","MoreAvailable":false,
//    "Notifications":[{...},{...}]}
// Strings view the page body; `notifications` views the decoder's storage. A page lives as long as
// the body and until the decoder's next decode.

#include <eventwire/json/raw_string.hpp>
#include <eventwire/unity/notification.hpp>

#include <cstdint>
#include <iosfwd>
#include <span>

namespace eventwire::unity {

struct fetch_page {
  json::raw_string subscription_id;  // SubscriptionId: the subscription the position belongs to
  std::uint64_t count = 0;           // Count: equals notifications.size() once decoded
  json::raw_string next_position;    // NextPosition: the position of the next fetch (never empty)
  bool more_available = false;       // MoreAvailable: fetch again at once if true, else wait
  std::span<const notification> notifications;  // Notifications, oldest first
};

std::ostream& operator<<(std::ostream& os, const fetch_page& p);

}  // namespace eventwire::unity
