#include "signalr_hub_state.hpp"

namespace eventwire::emulator::detail {

namespace {
template <class T>
void push_bounded(std::deque<T>& log, T entry, std::size_t limit) {
  if (log.size() == limit) log.pop_front();
  log.push_back(std::move(entry));
}
}  // namespace

void signalr_hub_state::remember_negotiated(const std::string& token, std::string connection_id) {
  // Only tokens not yet connected are bounded: connected ones live as long as their connection.
  while (unconnected_negotiated >= options.max_unconnected_negotiations && !negotiated_order.empty()) {
    auto oldest = negotiated.find(negotiated_order.front());
    negotiated_order.pop_front();
    if (oldest != negotiated.end() && !oldest->second.connected) {
      negotiated.erase(oldest);
      --unconnected_negotiated;
    }
  }
  if (negotiated.emplace(token, negotiated_connection{std::move(connection_id), false}).second) {
    ++unconnected_negotiated;
    negotiated_order.push_back(token);
  }
  // Drops the order entries of connected or ended tokens.
  if (negotiated_order.size() > 2 * options.max_unconnected_negotiations + 16) {
    std::erase_if(negotiated_order, [&](const std::string& t) {
      const auto found = negotiated.find(t);
      return found == negotiated.end() || found->second.connected;
    });
  }
}

void signalr_hub_state::mark_negotiated_connected(negotiated_connection& entry) {
  if (!entry.connected) --unconnected_negotiated;
  entry.connected = true;
}

void signalr_hub_state::forget_negotiated(const std::string& token) {
  const auto found = negotiated.find(token);
  if (found == negotiated.end()) return;
  if (!found->second.connected) --unconnected_negotiated;
  negotiated.erase(found);
}

void signalr_hub_state::record_invocation(signalr_received_invocation invocation) {
  ++invocations_received;
  if (auto counted = invocations_by_target.find(invocation.target); counted != invocations_by_target.end()) {
    ++counted->second;
  } else if (invocations_by_target.size() < max_counted_targets) {
    invocations_by_target.emplace(invocation.target, 1);
  }
  push_bounded(invocation_log, std::move(invocation), max_invocation_log);
}

void signalr_hub_state::record_negotiate(signalr_negotiate_request request) {
  push_bounded(negotiate_log, std::move(request), max_negotiate_log);
}

void signalr_hub_state::record_ended(signalr_connection_info info) {
  push_bounded(history, std::move(info), max_history);
}

}  // namespace eventwire::emulator::detail
