#include "api_call.hpp"
#include "part_reader.hpp"

#include <eventwire/multipart/boundary.hpp>
#include <eventwire/net/error.hpp>
#include <eventwire/net/http_client.hpp>
#include <eventwire/net/http_response_stream.hpp>
#include <eventwire/websdk/call_answer_decoder.hpp>
#include <eventwire/websdk/connection_id.hpp>
#include <eventwire/websdk/error.hpp>
#include <eventwire/websdk/event_requests.hpp>
#include <eventwire/websdk/event_stream.hpp>
#include <eventwire/websdk/stream_error.hpp>
#include <eventwire/websdk/subscriptions_decoder.hpp>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/buffer.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <algorithm>
#include <optional>
#include <vector>

namespace eventwire::websdk {

namespace asio = boost::asio;
namespace http = boost::beast::http;
using steady = std::chrono::steady_clock;

namespace {

constexpr auto use_tuple = asio::as_tuple(asio::use_awaitable);

}  // namespace

struct event_stream::impl {
  impl(asio::any_io_executor e, event_stream_options o)
      : ex(e),
        options(std::move(o)),
        connect_client(e, options.http),
        api_client(e, options.http),
        reader(options.stream_limits, options.max_part_size),
        delay(e),
        done(e) {
    url_ok = !detail::make_api_target(options.url, options.username, options.application_id, options.password,
                                      target);
  }

  asio::any_io_executor ex;
  event_stream_options options;
  detail::api_target target;
  bool url_ok = false;
  net::http_client connect_client;
  net::http_client api_client;
  std::unique_ptr<net::http_response_stream> stream;
  detail::part_reader reader;
  asio::steady_timer delay;
  asio::steady_timer done;

  message_handler on_message;
  std::function<asio::awaitable<void>()> on_read_end;
  std::function<void(std::error_code, std::string_view)> on_skipped;
  std::function<void(std::string_view)> on_connected;
  std::function<void(std::error_code)> on_reconnecting;

  std::string connection_id;
  std::string last_error;
  stream_statistics stats;
  bool running = false;
  bool stopping = false;
  bool connected = false;

  std::error_code fail(std::error_code ec, std::string detail) {
    last_error = std::move(detail);
    return ec;
  }

  // One API call: the answer's body when HTTP said 200 and Rsp.Status Ok.
  asio::awaitable<std::tuple<std::error_code, std::string>> call(net::http_client& client, const request& r) {
    auto [ec, body] = co_await detail::send_api(client, target, r, last_error);
    if (ec) co_return std::tuple{ec, std::string()};
    call_answer answer;
    if (auto bad = detail::check_answer(body, r, answer, last_error)) co_return std::tuple{bad, std::string()};
    co_return std::tuple{std::error_code(), std::move(body)};
  }

  // Subscribes (or unsubscribes) in requests no longer than max_query_size.
  asio::awaitable<std::error_code> send_subscriptions(net::http_client& client,
                                                      std::span<const stream_subscription> subs, bool subscribe) {
    std::vector<event_filter> filters;
    for (const auto& s : subs) filters.push_back(s.filter());
    auto build = [&](std::size_t from, std::size_t to, request& out) {
      const std::span<const event_filter> part(filters.data() + from, to - from);
      return subscribe ? subscribe_request(part, out, options.max_query_size)
                       : unsubscribe_request(part, out, options.max_query_size);
    };
    std::size_t i = 0;
    while (i < filters.size()) {
      request r;
      if (auto ec = build(i, i + 1, r)) co_return fail(ec, "invalid subscription: " + ec.message());
      std::size_t j = i + 1;
      while (j < filters.size()) {
        request longer;
        if (build(i, j + 1, longer)) break;
        r = std::move(longer);
        ++j;
      }
      auto [ec, body] = co_await call(client, r);
      if (ec) co_return ec;
      i = j;
    }
    co_return std::error_code();
  }

  asio::awaitable<std::error_code> connect() {
    connected = false;
    if (!url_ok) co_return fail(stream_error::invalid_url, "the Web SDK URL is not a valid http or https URL");
    if (!options.subscriptions.empty()) {
      const auto subs = options.subscriptions;
      if (auto ec = co_await send_subscriptions(connect_client, subs, true)) co_return ec;
    }
    if (stopping) co_return stream_error::stopped;
    if (options.alarm_monitoring) {
      auto [ec, body] = co_await call(connect_client, alarm_monitoring_request(true));
      if (ec) co_return ec;
    }
    if (stopping) co_return stream_error::stopped;
    net::http_options stream_options = options.http;
    stream_options.read_timeout = options.silence_timeout;
    stream = std::make_unique<net::http_response_stream>(ex, stream_options);
    const request open = open_stream_request();
    if (auto ec = co_await stream->open(detail::make_api_request(target, open)))
      co_return fail(ec, "GET /events: " + stream->last_error_detail());
    if (stopping) co_return stream_error::stopped;
    const auto& head = stream->header();
    if (stream->status() == 401)
      co_return fail(stream_error::unauthorized, "GET /events answered 401: the Web SDK refused user " + target.user);
    if (stream->status() != 200)
      co_return fail(stream_error::http_status, "GET /events answered HTTP " + std::to_string(stream->status()));
    std::error_code boundary_error;
    const auto type = head[http::field::content_type];
    const std::string boundary(multipart::parse_boundary(type, boundary_error));
    if (boundary_error)
      co_return fail(stream_error::not_a_stream,
                     "GET /events answered Content-Type '" + std::string(type) + "', not multipart/mixed");
    connection_id.clear();
    std::string_view id;
    const auto header_id = head["ConnectionId"];
    const bool has_header = !header_id.empty() && !parse_connection_id_value(header_id, id);
    if (has_header) connection_id.assign(id);
    reader.reset(boundary, !has_header);
    connected = true;
    ++stats.connects;
    co_return std::error_code();
  }

  // Reads until the connection is lost (its error) or stop() (stopped).
  asio::awaitable<std::error_code> read() {
    std::vector<char> buffer(options.read_buffer_size);
    const auto skip = [this](std::error_code ec, std::string_view detail) {
      if (on_skipped) on_skipped(ec, detail);
    };
    // The read deadline catches a silent server; this catches one that trickles bytes but
    // completes no part and no KeepAlive line within the silence timeout.
    const auto progress = [this] { return stats.parts + stats.heartbeats + stats.skipped; };
    std::uint64_t progress_seen = progress();
    auto progress_at = steady::now();
    for (;;) {
      auto [ec, n] = co_await stream->read_some(asio::buffer(buffer));
      std::error_code feed_error;
      if (n != 0) {
        feed_error = reader.feed(std::string_view(buffer.data(), n), stats, on_message, skip);
        if (connection_id.empty() && reader.connection_id()) connection_id = *reader.connection_id();
        if (on_read_end) co_await on_read_end();
      }
      if (stopping) co_return stream_error::stopped;
      if (const auto now = steady::now(); progress() != progress_seen) {
        progress_seen = progress();
        progress_at = now;
      } else if (!ec && now - progress_at >= options.silence_timeout) {
        co_return fail(net::error::read_timeout, "the event stream sent bytes but no complete part or KeepAlive for " +
                                                     std::to_string(std::chrono::duration_cast<std::chrono::milliseconds>(
                                                                        options.silence_timeout).count()) +
                                                     " ms");
      }
      if (feed_error) co_return fail(feed_error, "the event stream is broken: " + feed_error.message());
      if (ec == net::error::end_of_body)
        co_return fail(stream_error::stream_ended, "the Web SDK ended the event stream");
      if (ec) co_return fail(ec, "the event stream was lost: " + stream->last_error_detail());
    }
  }

  asio::awaitable<void> close_connection(net::http_client& client, const std::string& id) {
    request r;
    if (id.empty() || close_connection_request(id, r)) co_return;
    const std::string kept = last_error;
    co_await call(client, r);
    last_error = kept;
  }

  asio::awaitable<std::error_code> run() {
    if (running) co_return stream_error::already_running;
    running = true;
    stopping = false;
    std::error_code result;
    if (auto ec = co_await connect()) {
      result = stopping ? std::error_code() : ec;
    } else {
      if (on_connected) on_connected(connection_id);
      result = co_await serve();
    }
    connected = false;
    if (stream) stream->close();
    running = false;
    done.cancel();
    co_return result;
  }

  asio::awaitable<std::error_code> serve() {
    for (;;) {
      const auto lost = co_await read();
      connected = false;
      if (stopping) co_return std::error_code();
      if (stream) stream->close();
      if (on_reconnecting) on_reconnecting(lost);
      const auto loss_time = steady::now();
      session::retry_context context;
      context.reason = lost;
      const std::string old_id = connection_id;
      for (;;) {
        const auto wait = options.reconnect.next_delay(context);
        if (!wait) co_return fail(stream_error::reconnect_gave_up, "gave up reconnecting after " +
                                                                       std::to_string(context.previous_retry_count) +
                                                                       " attempts; last: " + last_error);
        delay.expires_after(*wait);
        co_await delay.async_wait(use_tuple);
        if (stopping) co_return std::error_code();
        const auto ec = co_await connect();
        if (stopping) co_return std::error_code();
        if (!ec) break;
        // A 401 after having been connected is retried like any failure: the credentials were
        // good, and a server restarting its directory or a password being rotated refuses them
        // for a while (a 401 at the first connect still ends run(): a wrong configuration).
        ++context.previous_retry_count;
        context.elapsed = steady::now() - loss_time;
        context.reason = ec;
      }
      ++stats.reconnects;
      co_await close_connection(connect_client, old_id);  // the abandoned one, if the server kept it
      if (stopping) co_return std::error_code();
      if (on_connected) on_connected(connection_id);
    }
  }

  asio::awaitable<void> stop() {
    if (!running) co_return;
    stopping = true;
    delay.cancel();
    if (connected && !connection_id.empty()) {
      net::http_options o = options.http;
      o.connect_timeout = o.read_timeout = o.write_timeout = options.close_timeout;
      net::http_client client(ex, o);
      const std::string id = connection_id;
      co_await close_connection(client, id);
    }
    if (stream) stream->close();
    connect_client.close();
    const auto deadline = steady::now() + options.close_timeout;
    while (running && steady::now() < deadline) {
      done.expires_at(deadline);
      co_await done.async_wait(use_tuple);
    }
  }
};

event_stream::event_stream(asio::any_io_executor ex, event_stream_options options)
    : impl_(std::make_unique<impl>(ex, std::move(options))) {}
event_stream::~event_stream() = default;

void event_stream::on_message(message_handler handler) { impl_->on_message = std::move(handler); }
void event_stream::on_read_end(std::function<asio::awaitable<void>()> hook) { impl_->on_read_end = std::move(hook); }
void event_stream::on_skipped(std::function<void(std::error_code, std::string_view)> callback) {
  impl_->on_skipped = std::move(callback);
}
void event_stream::on_connected(std::function<void(std::string_view)> callback) {
  impl_->on_connected = std::move(callback);
}
void event_stream::on_reconnecting(std::function<void(std::error_code)> callback) {
  impl_->on_reconnecting = std::move(callback);
}

asio::awaitable<std::error_code> event_stream::run() { return impl_->run(); }
asio::awaitable<void> event_stream::stop() { return impl_->stop(); }

asio::awaitable<std::error_code> event_stream::subscribe(std::span<const stream_subscription> subs) {
  if (subs.empty()) co_return stream_error::no_subscriptions;
  const std::vector<stream_subscription> list(subs.begin(), subs.end());
  if (auto ec = co_await impl_->send_subscriptions(impl_->api_client, list, true)) co_return ec;
  auto& kept = impl_->options.subscriptions;
  for (const auto& s : list)
    if (std::find(kept.begin(), kept.end(), s) == kept.end()) kept.push_back(s);
  co_return std::error_code();
}

asio::awaitable<std::error_code> event_stream::unsubscribe(std::span<const stream_subscription> subs) {
  if (subs.empty()) co_return stream_error::no_subscriptions;
  const std::vector<stream_subscription> list(subs.begin(), subs.end());
  if (auto ec = co_await impl_->send_subscriptions(impl_->api_client, list, false)) co_return ec;
  auto& kept = impl_->options.subscriptions;
  for (const auto& s : list) std::erase(kept, s);
  co_return std::error_code();
}

asio::awaitable<std::error_code> event_stream::set_alarm_monitoring(bool on) {
  const request r = alarm_monitoring_request(on);
  auto [ec, body] = co_await impl_->call(impl_->api_client, r);
  if (!ec) impl_->options.alarm_monitoring = on;
  co_return ec;
}

asio::awaitable<std::tuple<std::error_code, std::vector<subscribed_item>>> event_stream::subscribed() {
  const request r = subscribed_request();
  auto [ec, body] = co_await impl_->call(impl_->api_client, r);
  std::vector<subscribed_item> items;
  if (ec) co_return std::tuple{ec, std::move(items)};
  subscriptions_decoder decoder;
  subscriptions_answer answer;
  if (auto dec = decoder.decode(body, answer))
    co_return std::tuple{impl_->fail(dec, "GET /events/subscribed: " + decoder.describe_error()), std::move(items)};
  std::string scratch;
  for (const auto& s : answer.subscriptions) {
    subscribed_item item;
    item.event_type.assign(s.event_type.decode(scratch));
    for (const auto& e : s.entities) item.entities.emplace_back(e.decode(scratch));
    items.push_back(std::move(item));
  }
  co_return std::tuple{std::error_code(), std::move(items)};
}

bool event_stream::connected() const noexcept { return impl_->connected; }
const std::string& event_stream::connection_id() const noexcept { return impl_->connection_id; }
const std::vector<stream_subscription>& event_stream::subscriptions() const noexcept {
  return impl_->options.subscriptions;
}
bool event_stream::alarm_monitoring() const noexcept { return impl_->options.alarm_monitoring; }
const std::string& event_stream::last_error_detail() const noexcept { return impl_->last_error; }
const stream_statistics& event_stream::statistics() const noexcept { return impl_->stats; }

}  // namespace eventwire::websdk
