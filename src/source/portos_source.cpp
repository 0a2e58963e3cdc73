#include <eventwire/source/portos_source.hpp>

#include <eventwire/event/event_batch.hpp>
#include <eventwire/event/event_fields.hpp>
#include <eventwire/portos/notification.hpp>
#include <eventwire/portos/notification_decoder.hpp>
#include <eventwire/signalr/hub_connection.hpp>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/experimental/awaitable_operators.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <algorithm>
#include <chrono>
#include <utility>

namespace eventwire::source {

namespace asio = boost::asio;

struct portos_source::impl {
  impl(asio::any_io_executor ex, portos_options o)
      : options(std::move(o)), hub(std::move(ex), options.hub), batch(options.name) {}

  portos_options options;
  signalr::hub_connection hub;
  portos::notification_decoder decoder;
  portos::notification decoded;
  event::event_batch batch;
  source_statistics stats;
  portos_statistics counters;
  event::delivery* out = nullptr;
  std::string type_scratch, subject_scratch;

  void log(signalr::log_level level, std::string_view line) const {
    if (options.hub.log) options.hub.log(level, line);
  }

  asio::awaitable<std::error_code> call(std::string_view method, const portos::subscription& s) {
    const std::string payload = portos::encode_subscription(s);
    auto [ec, result] = co_await hub.invoke(method, payload);
    if (ec) {
      ++stats.errors;
      log(signalr::log_level::warning, "portos " + options.name + ": " + std::string(method) + " " + s.event +
                                           " failed: " + ec.message());
    }
    co_return ec;
  }

  // Unsubscribe from everything, within close_timeout in all (stop() never hangs on a server
  // that does not answer).
  asio::awaitable<void> unsubscribe_all() {
    using namespace asio::experimental::awaitable_operators;
    asio::steady_timer deadline(co_await asio::this_coro::executor, options.hub.close_timeout);
    auto calls = unsubscribe_each();
    auto timeout = deadline.async_wait(asio::as_tuple(asio::use_awaitable));
    auto first = co_await (std::move(calls) || std::move(timeout));
    if (first.index() == 1) {
      ++stats.errors;
      log(signalr::log_level::warning, "portos " + options.name + ": Unsubscribe not answered in time");
    }
  }

  asio::awaitable<void> unsubscribe_each() {
    for (const auto& s : options.subscriptions) {
      if (co_await call("Unsubscribe", s)) break;
    }
  }

  asio::awaitable<std::error_code> subscribe_all() {
    stats.connects = hub.statistics().connects;
    for (const auto& s : options.subscriptions) {
      if (auto ec = co_await call("Subscribe", s)) co_return ec;
    }
    stats.connected = true;
    co_return std::error_code{};
  }

  // Adds one decoded notification to the batch; false when it is dropped.
  bool add(std::string_view argument, time::utc_time received) {
    if (decoder.decode(argument, decoded)) {
      ++counters.decode_errors;
      ++stats.errors;
      log(signalr::log_level::warning, "portos " + options.name + ": notification skipped: " + decoder.describe_error());
      return false;
    }
    const std::string& own = hub.connection_id();
    if (!own.empty() && decoded.sender.connection_id.equals(own)) {
      ++counters.echoes_dropped;
      return false;
    }
    event::event_fields fields;
    type_scratch.clear();
    decoded.event.append_to(type_scratch);
    if (!type_scratch.starts_with("portos.")) fields.type_prefix = "portos.";
    fields.type_name = type_scratch;
    if (decoded.change) {
      const auto& resource = decoded.change->affected.empty() ? decoded.change->resource : decoded.change->affected.front();
      fields.subject = resource.id.decode(subject_scratch);
    }
    fields.time = decoded.created_at.value.utc;
    fields.data_json = decoded.payload_json;
    fields.raw = argument;
    batch.add(fields, received);
    return true;
  }

  asio::awaitable<void> on_notification(const signalr::invocation& invocation) {
    const auto received = std::chrono::time_point_cast<time::ticks>(std::chrono::system_clock::now());
    for (std::string_view argument : invocation.arguments) add(argument, received);
    if (batch.empty() || out == nullptr) {
      batch.clear();
      co_return;
    }
    const std::size_t n = batch.size();
    auto [ec, sequence] = co_await out->publish(batch);
    if (ec) {
      ++stats.errors;
      log(signalr::log_level::error, "portos " + options.name + ": delivery refused events: " + ec.message());
      batch.clear();
      co_return;
    }
    stats.events += n;
  }
};

portos_source::portos_source(asio::any_io_executor ex, portos_options options)
    : impl_(std::make_shared<impl>(std::move(ex), std::move(options))) {
  impl* self = impl_.get();
  self->hub.on(self->options.method, [self](const signalr::invocation& invocation) -> asio::awaitable<void> {
    return self->on_notification(invocation);
  });
  self->hub.on_connected([self]() { return self->subscribe_all(); });
  self->hub.on_reconnecting([self](std::error_code ec) {
    self->stats.connected = false;
    ++self->stats.errors;
    self->log(signalr::log_level::warning, "portos " + self->options.name + ": connection lost: " + ec.message());
  });
  self->hub.on_reconnected([self](std::string_view) { ++self->stats.reconnects; });
}

portos_source::~portos_source() = default;

const std::string& portos_source::name() const noexcept { return impl_->options.name; }
const source_statistics& portos_source::statistics() const noexcept { return impl_->stats; }
const portos_statistics& portos_source::portos_counters() const noexcept { return impl_->counters; }

asio::awaitable<std::error_code> portos_source::run(event::delivery& out) {
  impl_->out = &out;
  if (auto ec = co_await impl_->hub.start()) {
    ++impl_->stats.errors;
    impl_->log(signalr::log_level::error, "portos " + impl_->options.name + ": " + impl_->hub.last_error_detail());
    co_return ec;
  }
  auto ec = co_await impl_->hub.wait_closed();
  impl_->stats.connected = false;
  co_return ec;
}

asio::awaitable<void> portos_source::stop() {
  if (impl_->hub.state() == signalr::connection_state::connected) co_await impl_->unsubscribe_all();
  co_await impl_->hub.stop();
  impl_->stats.connected = false;
}

asio::awaitable<std::error_code> portos_source::set_subscriptions(std::vector<portos::subscription> subscriptions) {
  auto old = std::exchange(impl_->options.subscriptions, std::move(subscriptions));
  if (impl_->hub.state() != signalr::connection_state::connected) co_return std::error_code{};
  const auto& now = impl_->options.subscriptions;
  std::error_code first;
  for (const auto& s : old) {
    if (std::find(now.begin(), now.end(), s) != now.end()) continue;
    if (auto ec = co_await impl_->call("Unsubscribe", s); ec && !first) first = ec;
  }
  for (const auto& s : now) {
    if (std::find(old.begin(), old.end(), s) != old.end()) continue;
    if (auto ec = co_await impl_->call("Subscribe", s); ec && !first) first = ec;
  }
  co_return first;
}

}  // namespace eventwire::source
