#include <eventwire/source/genetec_missioncontrol_source.hpp>

#include "genetec_missioncontrol_token.hpp"

#include <eventwire/event/event_batch.hpp>
#include <eventwire/event/event_fields.hpp>
#include <eventwire/missioncontrol/event_type.hpp>
#include <eventwire/missioncontrol/incident_notification.hpp>
#include <eventwire/signalr/hub_connection.hpp>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <algorithm>
#include <optional>
#include <random>
#include <utility>

namespace eventwire::source {

namespace asio = boost::asio;
using clock_type = std::chrono::steady_clock;

std::string random_client_id() {
  std::random_device device;
  std::mt19937_64 random(static_cast<std::uint64_t>(device()) << 32 | device());
  static constexpr char hex[] = "0123456789abcdef";
  std::string out;
  for (int i = 0; i < 32; ++i) {
    if (i == 8 || i == 12 || i == 16 || i == 20) out += '-';
    unsigned nibble = static_cast<unsigned>(random() & 15);
    if (i == 12) nibble = 4;                 // version 4
    if (i == 16) nibble = 8 | (nibble & 3);  // RFC 4122 variant
    out += hex[nibble];
  }
  return out;
}

namespace {

std::string without_trailing_slash(std::string s) {
  while (!s.empty() && s.back() == '/') s.pop_back();
  return s;
}

}  // namespace

struct genetec_missioncontrol_source::impl {
  impl(asio::any_io_executor ex, genetec_missioncontrol_options o)
      : executor(ex), options(prepare(std::move(o))), hub(ex, hub_options()), decoder(options.decoder),
        renew_timer(ex, clock_type::time_point::max()), batch(options.name) {
    request.url = without_trailing_slash(options.url) + "/WebToken";
    request.username = options.username;
    request.password = &options.password;
    request.client_id = options.client_id;
    request.http = &options.http;
  }

  static genetec_missioncontrol_options prepare(genetec_missioncontrol_options o) {
    if (o.client_id.empty()) o.client_id = random_client_id();
    if (o.notifications_url.empty()) o.notifications_url = without_trailing_slash(o.url) + "/Notifications";
    return o;
  }

  signalr::hub_options hub_options() {
    signalr::hub_options h = options.hub;
    h.url = options.notifications_url;
    h.headers.set("ClientId", options.client_id);
    h.access_token = [this]() { return token_for_connect(); };
    return h;
  }

  asio::any_io_executor executor;
  genetec_missioncontrol_options options;
  detail::mc_token_request request;
  signalr::hub_connection hub;
  missioncontrol::notification_decoder decoder;
  missioncontrol::incident_notification decoded;
  std::optional<detail::mc_token> current, next;  // in use; fetched ahead of ValidUntil
  unsigned calls_since_connect = 0;
  asio::steady_timer renew_timer;  // when to fetch `next`; max: nothing scheduled
  bool renewing = false;
  bool stopped = false;
  event::event_batch batch;
  source_statistics stats;
  missioncontrol_statistics counters;
  event::delivery* out = nullptr;
  std::string type_scratch, subject_scratch, detail_text;

  void log(signalr::log_level level, std::string_view line) const {
    if (options.hub.log) options.hub.log(level, line);
  }

  clock_type::duration margin(const detail::mc_token& t) const {
    return std::min<clock_type::duration>(options.renew_before, t.lifetime / 2);
  }

  // Before every negotiate and WebSocket connect: the token fetched ahead if there is one; the
  // current one while it is not in its renewal margin; else a new one. Our ValidUntil is counted
  // from when the request was sent, so it errs early. A token refused although valid by our clock
  // (revoked) is replaced from the third call on without a connect (negotiate + connect are two).
  asio::awaitable<std::tuple<std::error_code, std::string>> token_for_connect() {
    const auto now = clock_type::now();
    const bool retry = calls_since_connect++ >= 2;
    if (next && next->valid_until > now) {
      current = std::move(next);
      next.reset();
    } else if (retry || !current || current->valid_until - margin(*current) <= now) {
      auto [ec, token] = co_await detail::fetch_web_token(executor, request, detail_text);
      if (ec) {
        ++stats.errors;
        log(signalr::log_level::error, "genetec-missioncontrol " + options.name + ": " + detail_text);
        co_return std::tuple{ec, std::string()};
      }
      ++counters.tokens_fetched;
      current = std::move(token);
    }
    schedule_renewal();
    co_return std::tuple{std::error_code{}, current->value};
  }

  void schedule_renewal() {
    if (!current || stopped) return;
    renew_timer.expires_at(current->valid_until - margin(*current));  // wakes the renewal loop
  }

  // Fetches the next token when renew_timer expires; ends when stopped.
  static asio::awaitable<void> renewal_loop(std::shared_ptr<impl> self) {
    while (!self->stopped) {
      auto [ec] = co_await self->renew_timer.async_wait(asio::as_tuple(asio::use_awaitable));
      if (self->stopped) break;
      if (ec) continue;  // rescheduled
      self->renew_timer.expires_at(clock_type::time_point::max());
      auto [fetch_ec, token] = co_await detail::fetch_web_token(self->executor, self->request, self->detail_text);
      if (self->stopped) break;
      if (fetch_ec) {
        ++self->stats.errors;
        self->log(signalr::log_level::warning, "genetec-missioncontrol " + self->options.name +
                                                   ": early token renewal failed: " + self->detail_text);
        continue;  // the reconnect fetches one
      }
      ++self->counters.tokens_fetched;
      ++self->counters.tokens_renewed_early;
      self->next = std::move(token);
    }
  }

  void add(std::string_view argument, time::utc_time received) {
    if (decoder.decode(argument, decoded)) {
      ++counters.decode_errors;
      ++stats.errors;
      log(signalr::log_level::warning,
          "genetec-missioncontrol " + options.name + ": notification skipped: " + decoder.describe_error());
      return;
    }
    event::event_fields fields;
    fields.type_prefix = "genetec.missioncontrol.incident.";
    if (decoded.type == missioncontrol::event_type::unknown) {
      ++counters.unknown_types;
      fields.type_name = decoded.type_name.decode(type_scratch);
    } else {
      fields.type_name = missioncontrol::event_type_name(decoded.type);
    }
    if (decoded.incident_id) fields.subject = decoded.incident_id->decode(subject_scratch);
    if (decoded.timestamp) fields.time = decoded.timestamp->value.utc;
    fields.data_json = decoded.payload_json;
    fields.raw = argument;
    batch.add(fields, received);
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
      log(signalr::log_level::error, "genetec-missioncontrol " + options.name + ": delivery refused events: " + ec.message());
      batch.clear();
      co_return;
    }
    stats.events += n;
  }

  void end() {
    stopped = true;
    renew_timer.cancel();
  }
};

genetec_missioncontrol_source::genetec_missioncontrol_source(asio::any_io_executor ex,
                                                             genetec_missioncontrol_options options)
    : impl_(std::make_shared<impl>(std::move(ex), std::move(options))) {
  impl* self = impl_.get();
  self->hub.on("IncidentNotification", [self](const signalr::invocation& invocation) -> asio::awaitable<void> {
    return self->on_notification(invocation);
  });
  self->hub.on_connected([self]() -> asio::awaitable<std::error_code> {
    self->calls_since_connect = 0;
    self->stats.connects = self->hub.statistics().connects;
    self->stats.connected = true;
    co_return std::error_code{};
  });
  self->hub.on_reconnecting([self](std::error_code ec) {
    self->stats.connected = false;
    self->log(signalr::log_level::info,
              "genetec-missioncontrol " + self->options.name + ": connection closed (" + ec.message() + "); reconnecting");
  });
  self->hub.on_reconnected([self](std::string_view) { ++self->stats.reconnects; });
}

genetec_missioncontrol_source::~genetec_missioncontrol_source() { impl_->end(); }

const std::string& genetec_missioncontrol_source::name() const noexcept { return impl_->options.name; }
const source_statistics& genetec_missioncontrol_source::statistics() const noexcept { return impl_->stats; }
const missioncontrol_statistics& genetec_missioncontrol_source::missioncontrol_counters() const noexcept {
  return impl_->counters;
}
const std::string& genetec_missioncontrol_source::client_id() const noexcept { return impl_->options.client_id; }

asio::awaitable<std::error_code> genetec_missioncontrol_source::run(event::delivery& out) {
  impl_->out = &out;
  impl_->stopped = false;
  asio::co_spawn(impl_->executor, impl::renewal_loop(impl_), asio::detached);
  if (auto ec = co_await impl_->hub.start()) {
    ++impl_->stats.errors;
    impl_->log(signalr::log_level::error,
               "genetec-missioncontrol " + impl_->options.name + ": " + impl_->hub.last_error_detail());
    impl_->end();
    co_return ec;
  }
  auto ec = co_await impl_->hub.wait_closed();
  impl_->stats.connected = false;
  impl_->end();
  co_return ec;
}

asio::awaitable<void> genetec_missioncontrol_source::stop() {
  impl_->end();
  co_await impl_->hub.stop();
  impl_->stats.connected = false;
}

}  // namespace eventwire::source
