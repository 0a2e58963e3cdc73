// The public face of hub_connection: each function forwards to the shared state, which the run
// loop keeps alive for as long as it runs.

#include "hub_connection_impl.hpp"

#include <eventwire/net/redact.hpp>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/this_coro.hpp>

#include <algorithm>
#include <exception>

namespace eventwire::signalr {

namespace asio = boost::asio;

namespace {

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

}  // namespace

void hub_connection::impl::add_handler(std::string_view target, hub_handler h) {
  if (dispatching) {
    deferred_changes.emplace_back(std::string(target), std::move(h));
    return;
  }
  const std::string name = lower_ascii(target);
  auto found = std::find_if(handlers.begin(), handlers.end(),
                            [&](const detail::handler_set& s) { return s.name == name; });
  if (found == handlers.end()) {
    handlers.push_back({name, {}, true});
    found = handlers.end() - 1;
  }
  found->all_sync = found->all_sync && h.is_sync();
  found->handlers.push_back(std::move(h));
}

void hub_connection::impl::remove_handlers(std::string_view target) {
  if (dispatching) {
    deferred_changes.emplace_back(std::string(target), std::nullopt);
    return;
  }
  const std::string name = lower_ascii(target);
  std::erase_if(handlers, [&](const detail::handler_set& s) { return s.name == name; });
  last_handler = 0;
  last_target.clear();
}

void hub_connection::impl::apply_deferred_changes() {
  auto changes = std::move(deferred_changes);
  deferred_changes.clear();
  for (auto& [target, h] : changes) {
    if (h) {
      add_handler(target, std::move(*h));
    } else {
      remove_handlers(target);
    }
  }
}

hub_connection::hub_connection(asio::any_io_executor ex, hub_options options)
    : impl_(std::make_shared<impl>(std::move(ex), std::move(options))) {}

hub_connection::~hub_connection() { impl_->drop_now(); }

void hub_connection::on(std::string_view target, hub_handler handler) {
  impl_->add_handler(target, std::move(handler));
}

void hub_connection::off(std::string_view target) { impl_->remove_handlers(target); }

void hub_connection::on_connected(std::function<asio::awaitable<std::error_code>()> hook) {
  impl_->connected_hook = std::move(hook);
}

void hub_connection::on_reconnecting(std::function<void(std::error_code)> callback) {
  impl_->reconnecting_callback = std::move(callback);
}

void hub_connection::on_reconnected(std::function<void(std::string_view)> callback) {
  impl_->reconnected_callback = std::move(callback);
}

void hub_connection::on_closed(std::function<void(std::error_code)> callback) {
  impl_->closed_callback = std::move(callback);
}

asio::awaitable<std::error_code> hub_connection::start() {
  std::shared_ptr<impl> self = impl_;
  if (self->running) co_return session_error::already_started;
  self->detail_text.clear();
  if (net::parse_url(self->options.url, self->base_url)) {
    self->set_detail("invalid hub URL " + net::redact(self->options.url));
    co_return session_error::invalid_url;
  }
  self->running = true;
  self->stop_requested = false;
  self->start_result.reset();
  self->start_answered.reset();
  self->closed.reset();
  self->stop_wake.reset();
  self->state = connection_state::connecting;
  asio::co_spawn(self->executor, self->run(self), [self](std::exception_ptr e) {
    if (!e || !self->running) return;
    // Only a bug can throw out of the run loop; end as if the connection were lost.
    try {
      std::rethrow_exception(e);
    } catch (const std::exception& what) {
      self->set_detail(std::string("the run loop failed: ") + what.what());
    }
    self->finish(session_error::connection_lost);
  });
  while (!self->start_result) {
    if (!co_await self->start_answered.wait()) {
      // The caller gave up on start(): so does the connection.
      self->begin_stop();
      co_return session_error::stopped;
    }
  }
  co_return *self->start_result;
}

asio::awaitable<void> hub_connection::stop() {
  std::shared_ptr<impl> self = impl_;
  if (!self->running) co_return;
  self->begin_stop();
  // A coroutine handler that awaits stop() is cancelled by the stop itself: it must return at
  // once (awaiting anything now would throw), not wait for the reader that waits for it.
  while (self->running) {
    const auto cs = co_await asio::this_coro::cancellation_state;
    if (cs.cancelled() != asio::cancellation_type::none) co_return;
    if (!co_await self->closed.wait()) co_return;
  }
}

asio::awaitable<std::error_code> hub_connection::wait_closed() {
  std::shared_ptr<impl> self = impl_;
  while (self->running)
    if (!co_await self->closed.wait()) co_return std::make_error_code(std::errc::operation_canceled);
  co_return self->closed_result;
}

asio::awaitable<std::tuple<std::error_code, std::string>> hub_connection::invoke(
    std::string_view target, std::span<const std::string_view> arguments) {
  std::shared_ptr<impl> self = impl_;
  co_return co_await self->invoke(self, target, arguments);
}

std::error_code hub_connection::send(std::string_view target, std::span<const std::string_view> arguments) {
  return impl_->send(target, arguments);
}

connection_state hub_connection::state() const noexcept { return impl_->state; }
const std::string& hub_connection::connection_id() const noexcept { return impl_->connection_id; }
const std::string& hub_connection::last_error_detail() const noexcept { return impl_->detail_text; }
const hub_statistics& hub_connection::statistics() const noexcept { return impl_->stats; }

}  // namespace eventwire::signalr
