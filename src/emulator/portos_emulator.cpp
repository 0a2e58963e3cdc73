#include <eventwire/emulator/portos_emulator.hpp>

#include "portos_render.hpp"
#include "portos_state.hpp"

#include <eventwire/portos/notification.hpp>
#include <eventwire/signalr/raw_views.hpp>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <algorithm>
#include <array>

namespace eventwire::emulator {
namespace {

// The first argument of a hub method call, or empty.
std::string_view first_argument(std::string_view arguments) {
  const signalr::raw_array list(arguments);
  auto it = list.begin();
  return it == list.end() ? std::string_view{} : *it;
}

signalr_method subscription_method(std::shared_ptr<detail::portos_state> state, bool subscribe) {
  return [state, subscribe](std::string_view arguments, const signalr_connection_info& connection) {
    const std::string_view payload = first_argument(arguments);
    if (payload.empty()) return signalr_completion::with_error("The subscription payload is missing.");
    if (const auto ec = state->decoder.decode(payload, state->scratch)) {
      return signalr_completion::with_error("Invalid subscription payload: " + state->decoder.describe_error());
    }
    if (subscribe) {
      if (state->add(connection.id, state->scratch)) ++state->subscribes;
    } else if (state->remove(connection.id, state->scratch)) {
      ++state->unsubscribes;
    }
    return signalr_completion::empty();
  };
}

constexpr std::array<portos::resource_action, 3> actions = {
    portos::resource_action::created, portos::resource_action::updated, portos::resource_action::deleted};

}  // namespace

portos_emulator::portos_emulator(boost::asio::any_io_executor ex, portos_emulator_options options)
    : state_(std::make_shared<detail::portos_state>()),
      hub_(std::make_unique<signalr_hub>(std::move(ex), options.hub)),
      options_(std::move(options)) {
  hub_->on_invocation("Subscribe", subscription_method(state_, true));
  hub_->on_invocation("Unsubscribe", subscription_method(state_, false));
}

portos_emulator::~portos_emulator() = default;

std::size_t portos_emulator::notify(const portos_change& change, bool echo) {
  const auto connections = hub_->connections();
  std::vector<std::uint64_t> open;
  for (const auto& c : connections) open.push_back(c.id);
  std::sort(open.begin(), open.end());
  state_->keep_only(open);

  const auto now = std::chrono::system_clock::now();
  const std::string reference = "N-" + std::to_string(++references_);
  std::size_t sent = 0;
  std::string arguments;
  for (const auto& c : connections) {
    if (!c.handshaken || !state_->wants(c.id, portos::resources_changed_event, change.kind, change.action)) continue;
    arguments.clear();
    detail::render_resource_changed(arguments, change, echo ? std::string_view(c.connection_id) : "server",
                                    reference, now);
    if (hub_->send_to(c.id, options_.method, arguments)) ++sent;
  }
  state_->notifications_sent += sent;
  return sent;
}

std::size_t portos_emulator::notify_licence_activated(std::string_view licence_id) {
  const std::string reference = "N-" + std::to_string(++references_);
  std::string arguments;
  detail::render_licence_activated(arguments, licence_id, reference, std::chrono::system_clock::now());
  std::size_t sent = 0;
  for (const auto& c : hub_->connections()) {
    if (!c.handshaken || !state_->wants(c.id, portos::licence_activated_event, {}, {})) continue;
    if (hub_->send_to(c.id, options_.method, arguments)) ++sent;
  }
  state_->notifications_sent += sent;
  return sent;
}

boost::asio::awaitable<std::uint64_t> portos_emulator::generate(std::uint64_t count, double rate_per_second) {
  boost::asio::steady_timer pace(co_await boost::asio::this_coro::executor);
  const auto start = std::chrono::steady_clock::now();
  std::uint64_t delivered = 0;
  for (std::uint64_t i = 0; i < count; ++i) {
    if (rate_per_second > 0 && i > 0) {
      const auto due = start + std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                                   std::chrono::duration<double>(static_cast<double>(i) / rate_per_second));
      pace.expires_at(due);
      auto [ec] = co_await pace.async_wait(boost::asio::as_tuple(boost::asio::use_awaitable));
      if (ec) break;
    }
    delivered += notify_generated(i);
  }
  co_return delivered;
}

std::size_t portos_emulator::notify_generated(std::uint64_t i) {
  if (options_.licence_every != 0 && (i + 1) % options_.licence_every == 0)
    return notify_licence_activated("LIC-" + std::to_string(i + 1));
  const auto& kinds = options_.resource_kinds;
  portos_change change;
  change.kind = kinds.empty() ? std::string("door") : kinds[i % kinds.size()];
  change.action = actions[(i / std::max<std::size_t>(kinds.size(), 1)) % actions.size()];
  change.resource_id = change.kind + "-" + std::to_string(i % 1000);
  change.version = static_cast<std::int64_t>(i / 1000 + 1);
  return notify(change);
}

std::vector<portos::subscription> portos_emulator::subscriptions(std::uint64_t connection) const {
  auto found = state_->by_connection.find(connection);
  return found == state_->by_connection.end() ? std::vector<portos::subscription>{} : found->second;
}

std::size_t portos_emulator::subscription_count() const {
  std::size_t n = 0;
  for (const auto& c : hub_->connections()) {
    if (auto found = state_->by_connection.find(c.id); found != state_->by_connection.end()) n += found->second.size();
  }
  return n;
}

std::uint64_t portos_emulator::subscribes() const noexcept { return state_->subscribes; }
std::uint64_t portos_emulator::unsubscribes() const noexcept { return state_->unsubscribes; }
std::uint64_t portos_emulator::notifications_sent() const noexcept { return state_->notifications_sent; }

boost::asio::awaitable<bool> portos_emulator::wait_until(std::function<bool()> condition,
                                                         std::chrono::steady_clock::duration timeout) {
  co_return co_await hub_->wait_until(std::move(condition), timeout);
}

}  // namespace eventwire::emulator
