#include "signalr_http.hpp"
#include "signalr_hub_state.hpp"
#include "signalr_session.hpp"
#include "signalr_wire.hpp"

#include <eventwire/emulator/server.hpp>
#include <eventwire/emulator/signalr_hub.hpp>

#include <algorithm>
#include <stdexcept>

namespace eventwire::emulator {

namespace asio = boost::asio;
using clock = std::chrono::steady_clock;
using detail::signalr_session;

namespace {

void require_array(std::string_view arguments_json) {
  if (!detail::is_json_array(arguments_json)) {
    throw std::invalid_argument("signalr_hub: the arguments must be one JSON array");
  }
}

server_options server_options_of(const signalr_hub_options& o) {
  server_options s;
  s.tls = o.tls;
  s.certificate = o.certificate;
  s.port = o.port;
  // A WebSocket connection stays as long as it likes; the hub's own timers watch it.
  s.keep_alive_timeout = std::chrono::seconds(60);
  return s;
}

}  // namespace

signalr_hub::signalr_hub(asio::any_io_executor ex, signalr_hub_options options)
    : state_(std::make_shared<detail::signalr_hub_state>(ex, std::move(options))) {
  server_ = std::make_unique<server>(
      ex,
      [state = state_](request& req, connection& c) {
        return detail::serve_signalr_request(state, req, c);
      },
      server_options_of(state_->options));
}

signalr_hub::~signalr_hub() { stop_now(); }

std::uint16_t signalr_hub::port() const noexcept { return server_->port(); }
std::string signalr_hub::url() const { return base_url().to_string(); }
net::url signalr_hub::base_url() const { return server_->url(state_->options.path); }
const net::self_signed_certificate* signalr_hub::certificate() const noexcept {
  return server_->certificate();
}
const signalr_hub_options& signalr_hub::options() const noexcept { return state_->options; }

void signalr_hub::on_invocation(std::string target, signalr_method method) {
  state_->methods.insert_or_assign(std::move(target), std::move(method));
}

// --- server invocations ---------------------------------------------------------------------

namespace {

// Queues `record` on `session`, dropping the session when its queue would pass the bound.
bool deliver(detail::signalr_hub_state& hub, signalr_session& session, std::string_view record) {
  if (!session.open()) return false;
  if (session.queued_bytes() + record.size() > hub.options.max_queued_bytes) {
    hub.log("signalr hub: connection " + session.info.connection_id + " too slow; dropped");
    session.drop(false);
    return false;
  }
  return session.enqueue(record);
}

}  // namespace

std::size_t signalr_hub::broadcast(std::string_view target, std::string_view arguments_json) {
  require_array(arguments_json);
  std::string record;
  detail::append_invocation_record(record, {}, target, arguments_json);
  return broadcast_raw(record);
}

std::size_t signalr_hub::broadcast_raw(std::string_view bytes) {
  std::size_t delivered = 0;
  for (auto& [id, session] : state_->sessions) {
    if (deliver(*state_, *session, bytes)) ++delivered;
  }
  return delivered;
}

bool signalr_hub::send_to(std::uint64_t connection, std::string_view target,
                          std::string_view arguments_json) {
  require_array(arguments_json);
  auto found = state_->sessions.find(connection);
  if (found == state_->sessions.end()) return false;
  std::string record;
  detail::append_invocation_record(record, {}, target, arguments_json);
  return deliver(*state_, *found->second, record);
}

std::size_t signalr_hub::broadcast_oversized(std::string_view target, std::size_t record_size) {
  std::string record;
  detail::append_invocation_record(record, {}, target, R"([""])");
  const std::size_t bare = record.size() - 1;  // without the separator
  if (record_size < bare) throw std::invalid_argument("signalr_hub: record_size is too small");
  const std::size_t padding = record_size - bare;
  record.clear();
  detail::append_invocation_record(record, {}, target, "[\"" + std::string(padding, 'x') + "\"]");
  return broadcast_raw(record);
}

asio::awaitable<std::tuple<std::error_code, signalr_completion>> signalr_hub::invoke_client(
    std::uint64_t connection, std::string target, std::string arguments_json,
    clock::duration timeout) {
  require_array(arguments_json);
  auto state = state_;
  auto found = state->sessions.find(connection);
  if (found == state->sessions.end()) {
    co_return std::tuple{std::make_error_code(std::errc::no_such_process), signalr_completion{}};
  }
  std::shared_ptr<signalr_session> session = found->second;
  const auto id = session->start_client_invocation(target, arguments_json);
  if (!id) {
    co_return std::tuple{std::make_error_code(std::errc::resource_unavailable_try_again),
                         signalr_completion{}};
  }
  const std::function<bool()> answered = [&] {
    return session->client_result_arrived(*id) || session->finished() || state->stopping;
  };
  co_await state->changed.wait_until(answered, clock::now() + timeout);
  if (auto result = session->take_client_result(*id)) co_return std::tuple{std::error_code{}, *result};
  session->forget_client_invocation(*id);
  const bool ended = session->finished() || state->stopping;
  co_return std::tuple{std::make_error_code(ended ? std::errc::connection_aborted : std::errc::timed_out),
                       signalr_completion{}};
}

// --- faults ---------------------------------------------------------------------------------

void signalr_hub::set_faults(const signalr_hub_faults& faults) {
  state_->faults = faults;
  for (auto& [id, session] : state_->sessions) session->faults_changed();
}

const signalr_hub_faults& signalr_hub::faults() const noexcept { return state_->faults; }

void signalr_hub::close_all(std::optional<std::string> error, bool allow_reconnect) {
  for (auto& [id, session] : state_->sessions) session->request_close(error, allow_reconnect);
}

void signalr_hub::close(std::uint64_t connection, std::optional<std::string> error, bool allow_reconnect) {
  if (auto found = state_->sessions.find(connection); found != state_->sessions.end()) {
    found->second->request_close(error, allow_reconnect);
  }
}

void signalr_hub::drop_all(bool reset) {
  // drop() does not end a session synchronously, so the map is stable while walked.
  for (auto& [id, session] : state_->sessions) session->drop(reset);
}

// --- observation ----------------------------------------------------------------------------

std::size_t signalr_hub::connection_count() const noexcept { return state_->handshaken; }

std::size_t signalr_hub::open_sockets() const noexcept { return server_->open_connections(); }

std::vector<signalr_connection_info> signalr_hub::connections() const {
  std::vector<signalr_connection_info> out;
  for (const auto& [id, session] : state_->sessions) out.push_back(session->info);
  return out;
}

std::vector<signalr_connection_info> signalr_hub::connection_history() const {
  std::vector<signalr_connection_info> out(state_->history.begin(), state_->history.end());
  for (const auto& [id, session] : state_->sessions) out.push_back(session->info);
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
  if (out.size() > detail::signalr_hub_state::max_history) {
    out.erase(out.begin(), out.end() - detail::signalr_hub_state::max_history);
  }
  return out;
}

std::uint64_t signalr_hub::negotiations() const noexcept { return state_->negotiations; }
std::uint64_t signalr_hub::connections_accepted() const noexcept { return state_->connections_accepted; }
std::uint64_t signalr_hub::messages_sent() const noexcept { return state_->messages_sent; }
std::uint64_t signalr_hub::invocations_received() const noexcept { return state_->invocations_received; }

std::uint64_t signalr_hub::invocations_received(std::string_view target) const {
  auto found = state_->invocations_by_target.find(target);
  return found == state_->invocations_by_target.end() ? 0 : found->second;
}

std::vector<signalr_received_invocation> signalr_hub::received_invocations() const {
  return {state_->invocation_log.begin(), state_->invocation_log.end()};
}

std::vector<signalr_negotiate_request> signalr_hub::negotiate_requests() const {
  return {state_->negotiate_log.begin(), state_->negotiate_log.end()};
}

std::uint64_t signalr_hub::refusals(unsigned status) const {
  auto found = state_->refusals.find(status);
  return found == state_->refusals.end() ? 0 : found->second;
}

asio::awaitable<void> signalr_hub::wait_for_room(std::size_t bytes) {
  auto state = state_;
  const std::function<bool()> room = [state, bytes] {
    return state->stopping || std::all_of(state->sessions.begin(), state->sessions.end(), [bytes](const auto& entry) {
             return !entry.second->open() || entry.second->queued_bytes() <= bytes;
           });
  };
  co_await state->drained.wait_until(room, clock::time_point::max());
}

asio::awaitable<bool> signalr_hub::wait_for_connections(std::size_t n, clock::duration timeout) {
  auto state = state_;
  const std::function<bool()> enough = [state, n] { return state->handshaken >= n; };
  co_return co_await state->changed.wait_until(enough, clock::now() + timeout);
}

asio::awaitable<bool> signalr_hub::wait_for_invocations(std::string target, std::uint64_t n,
                                                        clock::duration timeout) {
  auto state = state_;
  const std::function<bool()> enough = [state, &target, n] {
    auto found = state->invocations_by_target.find(target);
    return found != state->invocations_by_target.end() && found->second >= n;
  };
  co_return co_await state->changed.wait_until(enough, clock::now() + timeout);
}

asio::awaitable<bool> signalr_hub::wait_until(std::function<bool()> condition, clock::duration timeout) {
  auto state = state_;
  co_return co_await state->changed.wait_until(condition, clock::now() + timeout);
}

// --- ending ---------------------------------------------------------------------------------

asio::awaitable<void> signalr_hub::stop(clock::duration grace) {
  auto state = state_;
  if (state->stopping) co_return;
  close_all();
  const std::function<bool()> all_ended = [state] { return state->sessions.empty(); };
  co_await state->changed.wait_until(all_ended, clock::now() + grace);
  stop_now();
}

void signalr_hub::stop_now() noexcept {
  if (state_->stopping) return;
  state_->stopping = true;
  server_->stop();
  for (auto& [id, session] : state_->sessions) session->drop(false);
  state_->stop_notifiers();
}

bool signalr_hub::stopped() const noexcept { return state_->stopping; }

}  // namespace eventwire::emulator
