// One connection attempt: access token, negotiate (with redirects), WebSocket connect, handshake.

#include "hub_connection_impl.hpp"

#include <eventwire/net/error.hpp>
#include <eventwire/net/redact.hpp>
#include <eventwire/signalr/error.hpp>
#include <eventwire/signalr/handshake.hpp>
#include <eventwire/signalr/negotiate.hpp>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/experimental/awaitable_operators.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/http/field.hpp>

#include <exception>

namespace eventwire::signalr {

namespace asio = boost::asio;
namespace http = boost::beast::http;
using namespace asio::experimental::awaitable_operators;

namespace {

constexpr auto use_tuple = asio::as_tuple(asio::use_awaitable);

std::string decoded(const json::raw_string& s) {
  std::string out;
  s.append_to(out);
  return out;
}

http::fields request_headers(const hub_options& options, const std::string& token) {
  http::fields headers = options.headers;
  if (!token.empty()) headers.set(http::field::authorization, "Bearer " + token);
  return headers;
}

}  // namespace

asio::awaitable<std::tuple<std::error_code, std::string>> hub_connection::impl::fetch_token() {
  if (!options.access_token) co_return std::tuple{std::error_code{}, std::string()};
  std::error_code ec;
  std::string token;
  try {
    std::tie(ec, token) = co_await options.access_token();
  } catch (const std::exception& e) {
    set_detail(std::string("the access token source threw: ") + e.what());
    co_return std::tuple{std::error_code(session_error::token_unavailable), std::string()};
  }
  if (ec) {
    set_detail("the access token source failed: " + ec.message());
    co_return std::tuple{std::error_code(session_error::token_unavailable), std::string()};
  }
  co_return std::tuple{std::error_code{}, std::move(token)};
}

asio::awaitable<std::error_code> hub_connection::impl::connect_attempt() {
  bool unauthorized = false;
  auto ec = co_await connect_once(unauthorized);
  if (ec && unauthorized && !stop_requested) {
    // A 401 may mean the token expired just now: ask the source again and retry once.
    log(log_level::info, "the server answered 401; refreshing the access token and retrying once");
    ec = co_await connect_once(unauthorized);
  }
  co_return ec;
}

asio::awaitable<std::error_code> hub_connection::impl::connect_once(bool& unauthorized) {
  unauthorized = false;
  detail::transport_target target;
  if (options.skip_negotiation) {
    target.websocket_url = net::to_websocket(base_url);
  } else {
    std::string ignored;
    const std::error_code negotiated = co_await negotiate(target, ignored, unauthorized);
    // The negotiate connection is not needed until the next reconnect, which must not find it
    // dead: a long-lived hub connection holds one socket, not two.
    http.close();
    if (negotiated) co_return negotiated;
  }

  std::string token;
  if (target.redirect_token) {
    token = *target.redirect_token;
  } else {
    auto [ec, fresh] = co_await fetch_token();
    if (ec) co_return ec;
    token = std::move(fresh);
  }
  net::url where = target.websocket_url;
  if (!token.empty() && options.access_token_in_query)
    where = net::with_query_parameter(std::move(where), "access_token", token);

  if (auto ec = co_await websocket.connect(where, request_headers(options, token))) {
    if (ec == net::error::upgrade_refused && websocket.upgrade_status() == 401) {
      unauthorized = true;
      set_detail("the WebSocket upgrade at " + net::redact(where) + " was refused with 401");
      co_return session_error::unauthorized;
    }
    set_detail(websocket.last_error_detail());
    co_return ec;
  }
  connection_id = target.connection_id;
  co_return co_await handshake();
}

asio::awaitable<std::error_code> hub_connection::impl::negotiate(detail::transport_target& target,
                                                                 std::string& token,
                                                                 bool& unauthorized) {
  net::url base = net::to_http(base_url);
  std::optional<std::string> redirect_token;
  for (unsigned redirects = 0;; ++redirects) {
    if (redirect_token) {
      token = *redirect_token;
    } else {
      auto [ec, fresh] = co_await fetch_token();
      if (ec) co_return ec;
      token = std::move(fresh);
    }
    const net::url url = net::join_path(base, "negotiate?negotiateVersion=1");
    http::fields headers = request_headers(options, token);
    headers.set("X-Requested-With", "XMLHttpRequest");
    auto [ec, response] = co_await http.post(url, std::string(), std::string_view(), std::move(headers));
    if (ec) {
      set_detail("negotiate failed: " + http.last_error_detail());
      co_return ec;
    }
    const unsigned status = response.result_int();
    if (status == 401) {
      unauthorized = true;
      set_detail("negotiate at " + net::redact(url) + " was refused with 401");
      co_return session_error::unauthorized;
    }
    if (status != 200) {
      set_detail("negotiate at " + net::redact(url) + " answered with status " + std::to_string(status));
      co_return session_error::negotiate_failed;
    }

    negotiate_response answer;
    if (auto bad = decode_negotiate_response(response.body(), answer)) {
      if (bad == error::negotiate_rejected) {
        set_detail("negotiate failed: " + decoded(std::get<negotiate_failure>(answer).message));
        co_return session_error::negotiate_error;
      }
      set_detail("negotiate at " + net::redact(url) + " gave an unusable answer: " + bad.message());
      co_return bad;
    }

    if (const auto* redirect = std::get_if<negotiate_redirect>(&answer)) {
      if (redirects == options.max_negotiate_redirects) {
        set_detail("Negotiate redirection limit exceeded after " + std::to_string(redirects) + " redirects");
        co_return session_error::negotiate_redirect_limit;
      }
      const std::string next = decoded(redirect->url);
      if (auto bad_url = net::parse_url(next, base)) {
        set_detail("negotiate redirected to an invalid URL " + net::redact(next));
        co_return bad_url;
      }
      base = net::to_http(std::move(base));
      if (redirect->access_token) redirect_token = decoded(*redirect->access_token);
      log(log_level::debug, "negotiate redirected to " + net::redact(base));
      continue;
    }

    const auto& offer = std::get<connection_offer>(answer);
    if (!offers_websockets_text(offer)) {
      set_detail("negotiate at " + net::redact(url) + " offers no WebSockets transport with Text");
      co_return session_error::no_websockets_transport;
    }
    // Version 0 has no connection token: the connectionId serves as the token.
    const std::string id_token =
        decoded(offer.negotiate_version >= 1 ? offer.connection_token : offer.connection_id);
    target.websocket_url = net::with_query_parameter(net::to_websocket(base), "id", id_token);
    target.connection_id = decoded(offer.connection_id);
    target.redirect_token = std::move(redirect_token);
    co_return std::error_code{};
  }
}

asio::awaitable<std::error_code> hub_connection::impl::handshake() {
  if (options.handshake_timeout <= clock::duration::zero()) co_return co_await handshake_exchange();
  asio::steady_timer deadline(executor, options.handshake_timeout);
  auto outcome = co_await (handshake_exchange() || deadline.async_wait(use_tuple));
  if (outcome.index() == 1) {
    websocket.abort();
    set_detail("no handshake response within " +
               std::to_string(std::chrono::duration_cast<std::chrono::milliseconds>(options.handshake_timeout).count()) +
               " ms");
    co_return session_error::handshake_timeout;
  }
  co_return std::get<0>(outcome);
}

asio::awaitable<std::error_code> hub_connection::impl::handshake_exchange() {
  std::string request;
  append_handshake_request(request, 1);
  if (auto ec = co_await websocket.write_text(request)) {
    set_detail("sending the handshake failed: " + websocket.last_error_detail());
    co_return ec;
  }
  handshake_decoder decoder;
  in.consume(in.size());
  for (;;) {
    auto [ec, n] = co_await websocket.read(in);
    if (ec) {
      set_detail("the connection ended during the handshake: " + websocket.last_error_detail());
      co_return ec;
    }
    const auto data = in.data();
    const auto result = decoder.feed(std::string_view(static_cast<const char*>(data.data()), data.size()));
    if (result.state == codec::status::event) {
      in.consume(result.consumed);  // the rest are hub messages: the reader starts with them
      co_return std::error_code{};
    }
    if (result.state == codec::status::error) {
      websocket.abort();
      if (decoder.error() == error::handshake_rejected) {
        set_detail("Server returned handshake error: " + std::string(decoder.server_error()));
      } else {
        set_detail("invalid handshake response: " + decoder.error().message());
      }
      co_return decoder.error();
    }
    in.consume(in.size());
  }
}

}  // namespace eventwire::signalr
