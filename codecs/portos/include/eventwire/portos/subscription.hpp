#pragma once

// The payload of the Portos hub methods `Subscribe` and `Unsubscribe` (the same payload undoes
// what it did), and its encoder:
//   {"e":"portos.resources.changed","r":[{"n":"door","a":["created","deleted"]}]}
// `r` is left out when there are no resources (all resources), `a` when there are no actions
// (all actions).

#include <eventwire/portos/resource_action.hpp>

#include <iosfwd>
#include <string>
#include <vector>

namespace eventwire::portos {

// SubscriptionRequestResource.
struct subscribed_resource {
  std::string name;                      // n: the kind of resource, e.g. "door"
  std::vector<resource_action> actions;  // a: empty for every action

  friend bool operator==(const subscribed_resource&, const subscribed_resource&) = default;
};

struct subscription {
  std::string event;                           // e: e.g. portos.resources.changed
  std::vector<subscribed_resource> resources;  // r: empty for every resource

  friend bool operator==(const subscription&, const subscription&) = default;
};

// Appends the JSON payload of `s` to `out`; actions are written by name.
void append_subscription(std::string& out, const subscription& s);
std::string encode_subscription(const subscription& s);

std::ostream& operator<<(std::ostream& os, const subscribed_resource& r);
std::ostream& operator<<(std::ostream& os, const subscription& s);

}  // namespace eventwire::portos
