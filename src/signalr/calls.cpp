// Calls to the hub (invoke, send), answers to the server's calls, and the pending invocations.

#include "hub_connection_impl.hpp"

#include <eventwire/signalr/hub_message_encoder.hpp>

#include <charconv>

namespace eventwire::signalr {

namespace asio = boost::asio;

std::error_code hub_connection::impl::can_send() const noexcept {
  if (state != connection_state::connected || !conn_open || conn_ended) return session_error::not_connected;
  return {};
}

std::error_code hub_connection::impl::send(std::string_view target, std::span<const std::string_view> arguments) {
  if (auto ec = can_send()) return ec;
  const std::size_t before = out_pending.size();
  append_invocation(out_pending, call{target, arguments});
  // One record may exceed the bound on its own; a queue that already holds some may not.
  if (before != 0 && out_pending.size() > options.max_send_queue) {
    out_pending.resize(before);
    return session_error::send_queue_full;
  }
  wake_writer();
  return {};
}

asio::awaitable<std::tuple<std::error_code, std::string>> hub_connection::impl::invoke(
    std::shared_ptr<impl> /*keep_alive*/, std::string_view target, std::span<const std::string_view> arguments) {
  if (auto ec = can_send()) co_return std::tuple{ec, std::string()};
  const std::uint64_t id = ++next_invocation_id;
  char digits[24];
  const auto [end, ignored] = std::to_chars(digits, digits + sizeof digits, id);
  const std::size_t before = out_pending.size();
  append_invocation(out_pending, std::string_view(digits, static_cast<std::size_t>(end - digits)),
                    call{target, arguments});
  if (before != 0 && out_pending.size() > options.max_send_queue) {
    out_pending.resize(before);
    co_return std::tuple{std::error_code(session_error::send_queue_full), std::string()};
  }
  detail::pending_call waiting(executor);
  pending.emplace(id, &waiting);
  wake_writer();
  if (!co_await waiting.done.wait()) {
    pending.erase(id);
    co_return std::tuple{std::error_code(session_error::invocation_cancelled), std::string()};
  }
  co_return std::tuple{waiting.error, std::move(waiting.value)};
}

void hub_connection::impl::queue_completion(std::string_view invocation_id, const invocation_result& result) {
  switch (result.what()) {
    case invocation_result::kind::none:
      append_completion(out_pending, invocation_id);
      break;
    case invocation_result::kind::value:
      append_completion_result(out_pending, invocation_id, result.text());
      break;
    case invocation_result::kind::error:
      append_completion_error(out_pending, invocation_id, result.text());
      break;
  }
  wake_writer();
}

void hub_connection::impl::fail_pending(std::error_code why) {
  auto waiting = std::move(pending);
  pending.clear();
  for (auto& [id, call] : waiting) {
    call->error = why;
    call->value.clear();
    call->done.set();
  }
}

}  // namespace eventwire::signalr
