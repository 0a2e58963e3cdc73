#include <eventwire/unity/poller.hpp>

#include "retry_after.hpp"

#include <eventwire/net/http_client.hpp>
#include <eventwire/unity/api_error_decoder.hpp>
#include <eventwire/unity/fetch_page_decoder.hpp>
#include <eventwire/unity/position_decoder.hpp>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/experimental/awaitable_operators.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/http/field.hpp>

#include <algorithm>
#include <optional>
#include <variant>

namespace eventwire::unity {

namespace asio = boost::asio;
namespace http = boost::beast::http;
using namespace asio::experimental::awaitable_operators;
using clock = std::chrono::steady_clock;

namespace {

constexpr auto use_tuple = asio::as_tuple(asio::use_awaitable);

// Marks "stop() was called" inside the poller; run() turns it into success.
const std::error_code stopped_code = std::make_error_code(std::errc::operation_canceled);

std::string path_encode(std::string_view text) {
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string out;
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
        c == '_' || c == '~') {
      out += ch;
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

std::string status_text(unsigned status) { return "HTTP " + std::to_string(status); }

}  // namespace

struct poller::impl {
  impl(asio::any_io_executor ex, poller_options o, auth::token_provider& t, state::checkpoint_store& c)
      : executor(ex),
        options(std::move(o)),
        tokens(t),
        checkpoints(c),
        client(ex, options.http),
        stop_timer(ex, clock::time_point::max()),
        wait_timer(ex) {}

  asio::any_io_executor executor;
  poller_options options;
  auth::token_provider& tokens;
  state::checkpoint_store& checkpoints;
  net::http_client client;
  asio::steady_timer stop_timer;  // never expires; stop() cancels it
  asio::steady_timer wait_timer;
  bool running = false;
  bool stopped = false;
  std::string position;
  std::string detail;
  poller_statistics stats;
  fetch_page_decoder page_decoder;
  position_decoder answer_decoder;
  api_error_decoder error_decoder;
  // The retry run in progress (count 0: none).
  std::uint32_t retry_count = 0;
  clock::time_point retry_since{};

  // Runs `op` unless stop() comes first (std::nullopt then).
  template <class T>
  asio::awaitable<std::optional<T>> until_stopped(asio::awaitable<T> op) {
    if (stopped) co_return std::nullopt;
    auto outcome = co_await (std::move(op) || stop_timer.async_wait(use_tuple));
    if (outcome.index() != 0 || stopped) co_return std::nullopt;
    co_return std::get<0>(std::move(outcome));
  }

  asio::awaitable<bool> wait(clock::duration d) {
    wait_timer.expires_after(d);
    auto done = co_await until_stopped(wait_timer.async_wait(use_tuple));
    co_return done.has_value();
  }

  net::url api_url(std::string_view action) const {
    return net::join_path(options.base_url,
                          "api/notifications/subscriptions/" + path_encode(options.subscription_id) + "/" +
                              std::string(action));
  }

  // One request with a bearer token; after a 401, one more with a forced refresh.
  asio::awaitable<std::tuple<std::error_code, net::http_response>> send(http::verb method, net::url where,
                                                                        std::string body) {
    for (int attempt = 0;; ++attempt) {
      auto got = co_await until_stopped(tokens.get(attempt > 0));
      if (!got) co_return std::tuple{stopped_code, net::http_response{}};
      auto& [token_error, token] = *got;
      if (token_error) {
        detail = "the access token source failed: " + token_error.message() +
                 (tokens.last_error_detail().empty() ? "" : " (" + tokens.last_error_detail() + ")");
        co_return std::tuple{make_error_code(poller_error::token_unavailable), net::http_response{}};
      }
      net::http_request request;
      request.method = method;
      request.url = where;
      request.headers.set(http::field::authorization, token.authorization());
      request.headers.set(http::field::accept, "application/json");
      if (method == http::verb::post) {
        request.headers.set(http::field::content_type, "application/json");
        request.body = body;
      }
      auto sent = co_await until_stopped(client.send(std::move(request)));
      if (!sent) {
        client.close();
        co_return std::tuple{stopped_code, net::http_response{}};
      }
      auto& [ec, response] = *sent;
      if (ec) {
        detail = client.last_error_detail().empty() ? "the request failed: " + ec.message() : client.last_error_detail();
        co_return std::tuple{ec, net::http_response{}};
      }
      if (response.result_int() == 401 && attempt == 0) {
        ++stats.token_refreshes;
        continue;
      }
      if (response.result_int() == 401) {
        detail = "the server refused the access token (401) also after a refresh" + server_text(response);
        co_return std::tuple{make_error_code(poller_error::unauthorized), std::move(response)};
      }
      co_return std::tuple{std::error_code{}, std::move(response)};
    }
  }

  // ": <the server's error text>" when the body is an error answer, else "".
  std::string server_text(const net::http_response& response) {
    api_error e;
    if (error_decoder.decode(response.body(), e)) return "";
    std::string out;
    std::string scratch;
    if (e.error) out += std::string(e.error->decode(scratch));
    if (e.description) out += (out.empty() ? "" : ": ") + std::string(e.description->decode(scratch));
    if (e.message) out += (out.empty() ? "" : ": ") + std::string(e.message->decode(scratch));
    return out.empty() ? "" : " (" + out + ")";
  }

  // Waits before the next attempt after a recoverable failure; an error when the policy gives
  // up (or stopped_code).
  asio::awaitable<std::error_code> back_off(std::error_code reason, std::optional<std::chrono::seconds> retry_after) {
    const auto now = clock::now();
    if (retry_count == 0) retry_since = now;
    session::retry_context context{retry_count, now - retry_since, reason};
    auto delay = options.retry.next_delay(context);
    if (!delay) {
      detail = "gave up after " + std::to_string(retry_count + 1) + " failed attempts; the last: " + detail;
      co_return make_error_code(poller_error::retry_gave_up);
    }
    if (retry_after) delay = std::max<clock::duration>(*delay, *retry_after);
    if (options.log) {
      const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(*delay).count();
      options.log(true, "attempt failed: " + (detail.empty() ? reason.message() : detail) +
                            "; retry " + std::to_string(retry_count + 1) + " in " + std::to_string(ms) + " ms");
    }
    ++retry_count;
    ++stats.retries;
    if (!co_await wait(*delay)) co_return stopped_code;
    co_return std::error_code{};
  }

  // A request succeeded: the retry run, if any, is over.
  void recovered() {
    if (retry_count > 0 && options.log) {
      const auto s = std::chrono::duration_cast<std::chrono::milliseconds>(clock::now() - retry_since).count();
      options.log(false, "recovered after " + std::to_string(retry_count) + " failed attempt(s) over " +
                             std::to_string(s) + " ms");
    }
    retry_count = 0;
  }

  // Whether a failure of a request may pass with a retry, and its Retry-After.
  struct verdict {
    bool retry = false;
    std::error_code reason;
    std::optional<std::chrono::seconds> retry_after;
  };

  verdict judge(std::error_code ec, const net::http_response& response) {
    if (ec == poller_error::unauthorized) return {false, ec, {}};
    if (ec) return {true, ec, {}};  // transport failure or token source failure
    const unsigned status = response.result_int();
    if (status == 429 || status >= 500) {
      std::optional<std::chrono::seconds> after;
      if (const auto it = response.find(http::field::retry_after); it != response.end())
        after = detail::parse_retry_after(it->value(), options.max_retry_after);
      detail = status_text(status) + server_text(response) +
               (after ? ", Retry-After " + std::to_string(after->count()) + " s" : "");
      return {true, make_error_code(status == 429 ? poller_error::too_many_requests : poller_error::server_error), after};
    }
    return {false, {}, {}};
  }

  std::error_code final_status(const net::http_response& response) {
    const unsigned status = response.result_int();
    if (status == 404) {
      detail = "subscription " + options.subscription_id + " was not found (404)" + server_text(response);
      return poller_error::subscription_not_found;
    }
    detail = "unexpected " + status_text(status) + server_text(response);
    return poller_error::unexpected_status;
  }

  // Creates a position of the given kind and stores it.
  asio::awaitable<std::error_code> create_position(const position_request& what) {
    const std::string body = encode_position_request(what);
    for (;;) {
      auto [ec, response] = co_await send(http::verb::post, api_url("position"), body);
      if (ec == stopped_code) co_return ec;
      const verdict v = judge(ec, response);
      if (v.retry) {
        if (auto stop = co_await back_off(v.reason, v.retry_after)) co_return stop;
        continue;
      }
      if (ec) co_return ec;
      if (response.result_int() != 200) co_return final_status(response);
      json::raw_string created;
      if (answer_decoder.decode(response.body(), created)) {
        detail = "the position answer does not decode: " + answer_decoder.describe_error();
        co_return poller_error::invalid_position_answer;
      }
      std::string scratch;
      std::string next(created.decode(scratch));
      recovered();
      ++stats.positions_created;
      if (auto stored = store(next)) co_return stored;
      co_return std::error_code{};
    }
  }

  std::error_code store(std::string next) {
    if (auto ec = checkpoints.store(options.checkpoint_key, next)) {
      detail = "cannot store the position: " + checkpoints.last_error_detail();
      return poller_error::checkpoint_failed;
    }
    ++stats.checkpoints;
    position = std::move(next);
    return {};
  }

  asio::awaitable<std::error_code> loop(page_handler& on_page) {
    std::optional<std::string> loaded;
    if (auto ec = checkpoints.load(options.checkpoint_key, loaded)) {
      detail = "cannot load the position: " + checkpoints.last_error_detail();
      co_return poller_error::checkpoint_failed;
    }
    if (loaded && !loaded->empty()) {
      position = std::move(*loaded);
    } else if (auto ec = co_await create_position(options.initial_position)) {
      co_return ec;
    }
    for (;;) {
      const auto where = net::with_query_parameter(api_url("fetch"), "position", position);
      auto [ec, response] = co_await send(http::verb::get, where, {});
      if (ec == stopped_code) co_return ec;
      const verdict v = judge(ec, response);
      if (v.retry) {
        if (auto stop = co_await back_off(v.reason, v.retry_after)) co_return stop;
        continue;
      }
      if (ec) co_return ec;
      const unsigned status = response.result_int();
      if (status == 400 || status == 410) {
        ++stats.positions_rejected;
        detail = "the server rejected the position (" + status_text(status) + ")" + server_text(response);
        if (options.on_rejected_position == rejected_position_policy::stop) co_return poller_error::position_rejected;
        const position_request oldest{position_type::oldest, {}};
        if (auto created = co_await create_position(oldest)) co_return created;
        continue;
      }
      if (status != 200) co_return final_status(response);
      fetch_page page;
      if (page_decoder.decode(response.body(), page)) {
        detail = "the fetch answer is not a page: " + page_decoder.describe_error();
        if (auto stop = co_await back_off(make_error_code(poller_error::invalid_page), {})) co_return stop;
        continue;
      }
      recovered();
      ++stats.fetches;
      if (!page.notifications.empty()) {
        auto handled = co_await until_stopped(on_page(page));
        if (!handled) co_return stopped_code;
        if (*handled) co_return *handled;
        stats.notifications += page.notifications.size();
      }
      std::string scratch;
      std::string next(page.next_position.decode(scratch));
      if (next != position) {
        if (auto stored = store(std::move(next))) co_return stored;
      }
      if (page.more_available) continue;
      if (!co_await wait(options.poll_interval)) co_return stopped_code;
    }
  }
};

poller::poller(asio::any_io_executor ex, poller_options options, auth::token_provider& tokens,
               state::checkpoint_store& checkpoints)
    : impl_(std::make_unique<impl>(std::move(ex), std::move(options), tokens, checkpoints)) {}

poller::~poller() = default;

asio::awaitable<std::error_code> poller::run(page_handler on_page) {
  impl& s = *impl_;
  if (s.running) co_return poller_error::already_running;
  if (s.options.subscription_id.empty() || s.options.checkpoint_key.empty() ||
      s.options.poll_interval < std::chrono::seconds(1) || !on_page) {
    s.detail = "a subscription id, a checkpoint key, a page handler and a poll interval of at least 1 s are required";
    co_return poller_error::invalid_options;
  }
  s.running = true;
  s.retry_count = 0;
  auto ec = co_await s.loop(on_page);
  s.running = false;
  if (ec == stopped_code && s.stopped) ec = {};
  co_return ec;
}

void poller::stop() noexcept {
  impl_->stopped = true;
  impl_->stop_timer.cancel();
  impl_->wait_timer.cancel();
}

const poller_options& poller::options() const noexcept { return impl_->options; }
const poller_statistics& poller::statistics() const noexcept { return impl_->stats; }
const std::string& poller::position() const noexcept { return impl_->position; }
const std::string& poller::last_error_detail() const noexcept { return impl_->detail; }

}  // namespace eventwire::unity
