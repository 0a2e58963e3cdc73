#include <eventwire/emulator/server.hpp>
#include <eventwire/emulator/unity_emulator.hpp>

#include "signalr_request.hpp"
#include "unity_state.hpp"

#include <eventwire/time/timestamp.hpp>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/http/field.hpp>
#include <boost/beast/http/status.hpp>
#include <boost/beast/http/verb.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include <algorithm>
#include <cmath>

namespace eventwire::emulator {

namespace asio = boost::asio;
namespace http = boost::beast::http;
using detail::unity_state;

namespace {

constexpr auto use_tuple = asio::as_tuple(asio::use_awaitable);
constexpr std::string_view api_prefix = "/api/notifications/subscriptions/";

std::string quoted(std::string_view text) { return boost::json::serialize(boost::json::string(text)); }

response json_answer(http::status status, std::string body) {
  response res(status, 11);
  res.set(http::field::content_type, "application/json; charset=utf-8");
  res.body() = std::move(body);
  return res;
}

// The inferred error answer (see codecs/unity api_error.hpp).
response api_error(unity_state& s, http::status status, std::string_view error, std::string_view description) {
  s.say("unity emulator: " + std::to_string(static_cast<unsigned>(status)) + " " + std::string(error) + ": " +
        std::string(description));
  std::string body = R"({"statusCode":)" + std::to_string(static_cast<unsigned>(status)) +
                     R"(,"requestId":)" + quoted(detail::make_connection_id()) + R"(,"error":)" + quoted(error) +
                     R"(,"error_description":)" + quoted(description) + "}";
  auto res = json_answer(status, std::move(body));
  if (status == http::status::unauthorized) res.set(http::field::www_authenticate, "Bearer error=\"invalid_token\"");
  return res;
}

response message_answer(unity_state& s, http::status status, std::string_view message) {
  s.say("unity emulator: " + std::to_string(static_cast<unsigned>(status)) + " " + std::string(message));
  return json_answer(status, R"({"Message":)" + quoted(message) + "}");
}

std::string bearer(const request& req) {
  const auto it = req.find(http::field::authorization);
  if (it == req.end()) return {};
  const std::string_view value = it->value();
  if (value.size() < 7 || !detail::iequals(value.substr(0, 7), "Bearer ")) return {};
  return std::string(value.substr(7));
}

response token_answer(unity_state& s, const std::string& access, const std::string& refresh) {
  std::string body = R"({"access_token":)" + quoted(access) + R"(,"token_type":"Bearer","expires_in":)" +
                     std::to_string(s.options.token_lifetime.count()) + R"(,"refresh_token":)" + quoted(refresh) +
                     R"(,"scope":"*"})";
  auto res = json_answer(http::status::ok, std::move(body));
  res.set(http::field::cache_control, "no-store");
  return res;
}

response oauth_error(unity_state& s, http::status status, std::string_view error, std::string_view description) {
  s.say("unity emulator: token endpoint " + std::string(error) + ": " + std::string(description));
  return json_answer(status, R"({"error":)" + quoted(error) + R"(,"error_description":)" + quoted(description) + "}");
}

// POST /auth/token: client_credentials (client id and secret in the body or as Basic) or
// refresh_token; the refresh token is single-use and replaced.
response token_endpoint(unity_state& s, const request& req) {
  ++s.stats.token_requests;
  if (req.method() != http::verb::post) return oauth_error(s, http::status::method_not_allowed, "invalid_request", "POST only");
  const std::string_view body = req.body();
  const auto grant = detail::query_parameter(body, "grant_type").value_or("");
  if (grant == "refresh_token") {
    ++s.stats.refresh_grants;
    const auto token = detail::query_parameter(body, "refresh_token").value_or("");
    const auto it = s.refresh_tokens.find(token);
    if (it == s.refresh_tokens.end()) return oauth_error(s, http::status::bad_request, "invalid_grant", "unknown refresh token");
    s.refresh_tokens.erase(it);
    const auto access = s.issue_token(s.options.token_lifetime);
    return token_answer(s, access, s.issue_refresh_token());
  }
  if (grant != "client_credentials") return oauth_error(s, http::status::bad_request, "unsupported_grant_type", grant);
  std::string id = detail::query_parameter(body, "client_id").value_or("");
  std::string secret = detail::query_parameter(body, "client_secret").value_or("");
  if (const auto it = req.find(http::field::authorization); it != req.end() && it->value().starts_with("Basic ")) {
    const std::string_view encoded = it->value().substr(6);
    std::string decoded(encoded.size(), '\0');
    // Standard base64; a malformed header simply fails the comparison below.
    std::uint32_t acc = 0;
    int bits = 0;
    std::size_t n = 0;
    for (const char c : encoded) {
      int v = -1;
      if (c >= 'A' && c <= 'Z') v = c - 'A';
      else if (c >= 'a' && c <= 'z') v = c - 'a' + 26;
      else if (c >= '0' && c <= '9') v = c - '0' + 52;
      else if (c == '+') v = 62;
      else if (c == '/') v = 63;
      if (v < 0) break;
      acc = (acc << 6) | static_cast<std::uint32_t>(v);
      bits += 6;
      if (bits >= 8) {
        bits -= 8;
        decoded[n++] = static_cast<char>((acc >> bits) & 0xff);
      }
    }
    decoded.resize(n);
    const auto colon = decoded.find(':');
    if (colon != std::string::npos) {
      const std::string pair = "a=" + decoded.substr(0, colon) + "&b=" + decoded.substr(colon + 1);
      id = detail::query_parameter(pair, "a").value_or("");
      secret = detail::query_parameter(pair, "b").value_or("");
    }
  }
  if (id != s.options.client_id || secret != s.options.client_secret)
    return oauth_error(s, http::status::unauthorized, "invalid_client", "unknown client or wrong secret");
  const auto access = s.issue_token(s.options.token_lifetime);
  return token_answer(s, access, s.issue_refresh_token());
}

response create_position(unity_state& s, const std::string& subscription, const request& req) {
  boost::system::error_code ec;
  const auto doc = boost::json::parse(req.body(), ec);
  const auto* object = ec ? nullptr : doc.if_object();
  const auto* type_value = object ? object->if_contains("PositionType") : nullptr;
  const auto* type = type_value ? type_value->if_string() : nullptr;
  if (!type) return message_answer(s, http::status::bad_request, "The request is invalid: PositionType is required.");
  std::uint64_t sequence = 0;
  if (*type == "new") {
    sequence = s.next_sequence;
  } else if (*type == "latest") {
    sequence = s.log.empty() ? s.next_sequence : s.next_sequence - 1;
  } else if (*type == "horizon") {
    sequence = s.first_kept();
  } else if (*type == "date") {
    const auto* date_value = object->if_contains("StartDate");
    const auto* date = date_value ? date_value->if_string() : nullptr;
    time::timestamp start;
    if (!date || !time::parse_iso8601(std::string_view(date->data(), date->size()), start))
      return message_answer(s, http::status::bad_request, "The request is invalid: StartDate is required with PositionType date.");
    const auto at = std::chrono::time_point_cast<std::chrono::system_clock::duration>(start.utc);
    const auto it = std::lower_bound(s.log.begin(), s.log.end(), at,
                                     [](const detail::unity_stored& n, auto t) { return n.available_at < t; });
    sequence = it == s.log.end() ? s.next_sequence : it->sequence;
  } else {
    return message_answer(s, http::status::bad_request, "The request is invalid: PositionType must be new, latest, date or horizon.");
  }
  ++s.stats.positions_created;
  return json_answer(http::status::ok, R"({"Position":)" + quoted(s.encode_position(subscription, sequence)) + "}");
}

std::string render_page(unity_state& s, const std::string& subscription, std::uint64_t sequence,
                        unity_fetch_record& record) {
  const std::size_t first = static_cast<std::size_t>(sequence - s.first_kept());
  const std::size_t available = s.log.size() - std::min(first, s.log.size());
  const std::size_t count = std::min(available, s.options.page_size);
  record.count = count;
  record.more_available = available > count;
  std::string body = R"({"SubscriptionId":)" + quoted(subscription) + R"(,"Count":)" + std::to_string(count) +
                     R"(,"NextPosition":)" + quoted(s.encode_position(subscription, sequence + count)) +
                     R"(,"MoreAvailable":)" + (record.more_available ? "true" : "false") + R"(,"Notifications":[)";
  for (std::size_t i = 0; i < count; ++i) {
    if (i) body += ',';
    body += s.log[first + i].json;
  }
  body += "]}";
  return body;
}

asio::awaitable<std::optional<response>> fetch(unity_state& s, const std::string& subscription,
                                               std::string_view query, connection& c) {
  unity_fetch_record record{subscription, 0, 0, false, 0, std::chrono::steady_clock::now()};
  auto finish = [&](response res) {
    record.status = res.result_int();
    s.record_fetch(record);
    return res;
  };
  const auto text = detail::query_parameter(query, "position");
  if (!text || text->empty()) co_return finish(message_answer(s, http::status::bad_request, "The request is invalid: position is required."));
  const auto position = s.decode_position(*text);
  if (!position || position->sequence > s.next_sequence) {
    ++s.stats.positions_rejected;
    co_return finish(api_error(s, http::status::bad_request, "invalid_position", "The position is not valid."));
  }
  if (position->subscription_id != subscription) {
    ++s.stats.positions_rejected;
    co_return finish(api_error(s, http::status::bad_request, "invalid_position",
                               "The position belongs to another subscription."));
  }
  if (position->sequence < s.first_kept()) {
    ++s.stats.positions_rejected;
    co_return finish(api_error(s, http::status::bad_request, "invalid_position",
                               "The position has expired: its notifications were discarded after the retention period."));
  }
  record.first_sequence = position->sequence;
  std::string body = render_page(s, subscription, position->sequence, record);
  if (s.faults.truncated_bodies > 0) {
    --s.faults.truncated_bodies;
    ++s.stats.faults;
    record.status = 200;
    record.count = 0;
    s.record_fetch(record);
    std::string wire = "HTTP/1.1 200 OK\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: " +
                       std::to_string(body.size()) + "\r\n\r\n" + body.substr(0, body.size() / 2);
    co_await asio::async_write(c.stream(), asio::buffer(wire), use_tuple);
    co_return std::nullopt;  // the server closes the connection
  }
  ++s.stats.fetches;
  s.stats.notifications_served += record.count;
  co_return finish(json_answer(http::status::ok, std::move(body)));
}

asio::awaitable<std::optional<response>> handle(std::weak_ptr<unity_state> weak, request& req, connection& c) {
  const auto keep = weak.lock();
  if (!keep || keep->stopped) co_return std::nullopt;
  unity_state& s = *keep;
  const auto target = detail::split_target(req.target());
  if (target.path == "/auth/token") co_return token_endpoint(s, req);
  if (!target.path.starts_with(api_prefix)) co_return message_answer(s, http::status::not_found, "No HTTP resource was found that matches the request URI.");
  const std::string_view rest = target.path.substr(api_prefix.size());
  const auto slash = rest.find('/');
  const std::string subscription(rest.substr(0, slash));
  const std::string_view action = slash == std::string_view::npos ? std::string_view() : rest.substr(slash + 1);
  const bool is_fetch = action == "fetch" && req.method() == http::verb::get;
  const bool is_position = action == "position" && req.method() == http::verb::post;
  if (!is_fetch && !is_position) co_return message_answer(s, http::status::not_found, "No HTTP resource was found that matches the request URI.");

  if (s.faults.delay > std::chrono::steady_clock::duration::zero()) {
    asio::steady_timer wait(co_await asio::this_coro::executor, s.faults.delay);
    auto [ec] = co_await wait.async_wait(use_tuple);
    if (ec || s.stopped) co_return std::nullopt;
  }
  if (s.options.require_token && !s.token_valid(bearer(req))) {
    ++s.stats.unauthorized;
    auto res = api_error(s, http::status::unauthorized, "invalid_token", "The access token is missing, unknown or expired.");
    if (is_fetch) {
      unity_fetch_record record{subscription, 0, 0, false, 401, std::chrono::steady_clock::now()};
      s.record_fetch(record);
    }
    co_return res;
  }
  std::optional<response> fault;
  if (s.faults.too_many_requests > 0) {
    --s.faults.too_many_requests;
    fault = api_error(s, http::status::too_many_requests, "too_many_requests", "Rate limit exceeded; retry later.");
    fault->set(http::field::retry_after, std::to_string(s.faults.retry_after.count()));
  } else if (s.faults.server_errors > 0) {
    --s.faults.server_errors;
    fault = api_error(s, http::status::internal_server_error, "server_error", "An error has occurred.");
  }
  if (fault) {
    ++s.stats.faults;
    if (is_fetch) {
      unity_fetch_record record{subscription, 0, 0, false, fault->result_int(), std::chrono::steady_clock::now()};
      s.record_fetch(record);
    }
    co_return fault;
  }
  s.expire();
  if (!s.subscriptions.contains(subscription)) {
    auto res = message_answer(s, http::status::not_found, "Subscription " + subscription + " was not found.");
    if (is_fetch) {
      unity_fetch_record record{subscription, 0, 0, false, 404, std::chrono::steady_clock::now()};
      s.record_fetch(record);
    }
    co_return res;
  }
  if (is_position) co_return create_position(s, subscription, req);
  co_return co_await fetch(s, subscription, target.query, c);
}

// Generates `rate` notifications a second until `count` or stop().
asio::awaitable<void> generate_at_rate(std::shared_ptr<unity_state> s) {
  const auto start = std::chrono::steady_clock::now();
  std::uint64_t made = 0;
  while (!s->stopped && (s->options.count == 0 || made < s->options.count)) {
    const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
    auto due = static_cast<std::uint64_t>(std::floor(elapsed.count() * s->options.rate));
    if (s->options.count) due = std::min(due, s->options.count);
    if (due > made) {
      s->generate(static_cast<std::size_t>(due - made));
      made = due;
    }
    s->generator.expires_after(std::chrono::milliseconds(20));
    auto [ec] = co_await s->generator.async_wait(use_tuple);
    if (ec) break;
  }
}

}  // namespace

unity_emulator::unity_emulator(asio::any_io_executor ex, unity_emulator_options options)
    : state_(std::make_shared<unity_state>(ex, std::move(options))) {
  server_options so;
  so.tls = state_->options.tls;
  so.certificate = state_->options.certificate;
  so.port = state_->options.port;
  std::weak_ptr<unity_state> weak = state_;
  server_ = std::make_unique<server>(
      ex, [weak](request& req, connection& c) { return handle(weak, req, c); }, std::move(so));
  if (state_->options.rate > 0) asio::co_spawn(ex, generate_at_rate(state_), asio::detached);
}

unity_emulator::~unity_emulator() { stop(); }

std::uint16_t unity_emulator::port() const noexcept { return server_->port(); }
net::url unity_emulator::base_url() const { return server_->url("/"); }
net::url unity_emulator::token_url() const { return server_->url("/auth/token"); }
const net::self_signed_certificate* unity_emulator::certificate() const noexcept { return server_->certificate(); }

void unity_emulator::generate(std::size_t n) { state_->generate(n); }
void unity_emulator::set_max_notifications(std::size_t n) { state_->options.max_notifications = n; }
std::string unity_emulator::event_id(std::uint64_t sequence) { return detail::unity_event_id(sequence); }
void unity_emulator::add_subscription(std::string id) { state_->subscriptions.insert(std::move(id)); }
std::string unity_emulator::position_at(std::string_view subscription, std::uint64_t sequence) const {
  return state_->encode_position(subscription, sequence);
}
std::string unity_emulator::issue_token(std::chrono::seconds lifetime) { return state_->issue_token(lifetime); }
void unity_emulator::revoke_tokens() {
  state_->access_tokens.clear();
  state_->refresh_tokens.clear();
}
std::chrono::system_clock::time_point unity_emulator::now() const { return state_->now(); }
void unity_emulator::advance_time(std::chrono::system_clock::duration d) {
  state_->offset += d;
  state_->expire();
}
void unity_emulator::set_faults(const unity_emulator_faults& faults) { state_->faults = faults; }
const unity_emulator_faults& unity_emulator::faults() const noexcept { return state_->faults; }
const unity_emulator_statistics& unity_emulator::statistics() const noexcept { return state_->stats; }
const std::vector<unity_fetch_record>& unity_emulator::fetches() const noexcept { return state_->fetches; }

asio::awaitable<bool> unity_emulator::wait_for_fetches(std::size_t n, std::chrono::steady_clock::duration timeout) {
  const auto keep = state_;
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  asio::steady_timer guard(keep->changed.get_executor(), deadline);
  guard.async_wait([keep](boost::system::error_code ec) {
    if (!ec) keep->changed.cancel();
  });
  while (keep->fetch_answers < n && std::chrono::steady_clock::now() < deadline && !keep->stopped)
    co_await keep->changed.async_wait(use_tuple);
  guard.cancel();
  co_return keep->fetch_answers >= n;
}

void unity_emulator::stop() noexcept {
  state_->stopped = true;
  state_->generator.cancel();
  state_->changed.cancel();
  if (server_) server_->stop();
}

}  // namespace eventwire::emulator
