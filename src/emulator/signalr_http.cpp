#include "signalr_http.hpp"

#include "signalr_hub_state.hpp"
#include "signalr_request.hpp"
#include "signalr_session.hpp"
#include "signalr_wire.hpp"


#include <boost/beast/http/field.hpp>
#include <boost/beast/http/status.hpp>
#include <boost/beast/http/verb.hpp>
#include <boost/beast/websocket/rfc6455.hpp>

#include <charconv>

namespace eventwire::emulator::detail {

namespace asio = boost::asio;
namespace http = boost::beast::http;
using clock = std::chrono::steady_clock;

namespace {

struct credentials {
  bool accepted = false;
  std::string token;  // as presented; empty when none
  std::optional<clock::time_point> expiry;
};

// ASP.NET Core's JWT bearer handler, as hubs configure it: 401 for a missing, unknown or
// expired token when the hub demands one.
credentials authenticate(const signalr_hub_options& options, const request& req, std::string_view query) {
  credentials c;
  c.token = presented_token(req.base(), query).value_or(std::string());
  if (options.token_check) {
    if (c.token.empty()) return c;
    c.expiry = options.token_check(c.token);
    c.accepted = c.expiry && *c.expiry > clock::now();
  } else if (options.access_token) {
    c.accepted = c.token == *options.access_token;
  } else {
    c.accepted = true;
  }
  return c;
}

response answer(signalr_hub_state& hub, http::status status, std::string body) {
  if (status != http::status::ok) {
    ++hub.refusals[static_cast<unsigned>(status)];
    hub.log("signalr hub: refused with " + std::to_string(static_cast<unsigned>(status)) + " " + body);
  }
  response res(status, 11);
  res.set(http::field::content_type, "text/plain");
  if (status == http::status::unauthorized) res.set(http::field::www_authenticate, "Bearer");
  if (status == http::status::method_not_allowed) res.set(http::field::allow, "POST");
  if (status == http::status::too_many_requests || status == http::status::service_unavailable)
    res.set(http::field::retry_after, "1");
  res.body() = std::move(body);
  return res;
}

std::optional<int> requested_negotiate_version(std::string_view query) {
  const auto text = query_parameter(query, "negotiateVersion");
  if (!text) return 0;
  int version = 0;
  const auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), version);
  if (ec != std::errc{} || end != text->data() + text->size() || version < 0) return std::nullopt;
  return version;
}

response negotiate(signalr_hub_state& hub, const request& req, std::string_view query) {
  signalr_negotiate_request logged{std::string(query), req.base(), {}, 0};
  const credentials who = authenticate(hub.options, req, query);
  logged.access_token = who.token;
  response res = [&] {
    if (req.method() != http::verb::post) return answer(hub, http::status::method_not_allowed, "");
    if (!who.accepted) return answer(hub, http::status::unauthorized, "");
    const auto requested = requested_negotiate_version(query);
    if (!requested) return answer(hub, http::status::bad_request, "Invalid negotiateVersion.");
    const int version = std::clamp(std::min(*requested, hub.options.max_negotiate_version), 0, 1);
    std::string connection_id = make_connection_id();
    const std::string token = version >= 1 ? make_connection_id() : connection_id;
    response ok = answer(hub, http::status::ok, "");
    ok.set(http::field::content_type, "application/json");
    append_negotiate_response(ok.body(), version, connection_id, token);
    hub.remember_negotiated(token, std::move(connection_id));
    ++hub.negotiations;
    return ok;
  }();
  logged.status = res.result_int();
  hub.record_negotiate(std::move(logged));
  return res;
}

// Runs one WebSocket connection, from the checks of its upgrade request to its end.
asio::awaitable<std::optional<response>> connect(std::shared_ptr<signalr_hub_state> hub, request& req,
                                                 connection& c, std::string_view query) {
  if (!boost::beast::websocket::is_upgrade(req)) {
    co_return answer(*hub, http::status::bad_request, "Only WebSockets connections are supported.");
  }
  const credentials who = authenticate(hub->options, req, query);
  if (!who.accepted) co_return answer(*hub, http::status::unauthorized, "");
  const auto token = query_parameter(query, "id");
  negotiated_connection* negotiated = nullptr;
  if (token) {
    auto found = hub->negotiated.find(*token);
    if (found == hub->negotiated.end()) {
      co_return answer(*hub, http::status::not_found, "No Connection with that ID");
    }
    if (found->second.connected) {
      co_return answer(*hub, http::status::conflict, "Connection ID is already in use.");
    }
    negotiated = &found->second;
  } else if (hub->options.require_negotiate) {
    co_return answer(*hub, http::status::bad_request, "Connection ID required");
  }

  const auto early = c.buffer().cdata();
  auto session = std::make_shared<signalr_session>(
      *hub, ++hub->next_session_id, std::move(c.stream()),
      std::string_view(static_cast<const char*>(early.data()), early.size()));
  signalr_connection_info& info = session->info;
  info.negotiated = negotiated != nullptr;
  info.connection_id = negotiated ? negotiated->connection_id : make_connection_id();
  info.access_token = who.token;
  info.headers = req.base();
  info.query = std::string(query);
  session->token_expiry = who.expiry;
  if (negotiated) {
    hub->mark_negotiated_connected(*negotiated);
    session->negotiated_token = *token;
  }
  if (co_await session->accept(req)) {
    if (negotiated) hub->forget_negotiated(*token);
    co_return std::nullopt;
  }
  ++hub->connections_accepted;
  hub->sessions.emplace(info.id, session);
  hub->changed.notify();

  co_await session->run();

  if (info.handshaken) --hub->handshaken;
  hub->sessions.erase(info.id);
  if (!session->negotiated_token.empty()) hub->forget_negotiated(session->negotiated_token);
  hub->record_ended(info);
  hub->notify_all();
  co_return std::nullopt;
}

}  // namespace

asio::awaitable<std::optional<response>> serve_signalr_request(std::shared_ptr<signalr_hub_state> hub,
                                                               request& req, connection& c) {
  const request_target target = split_target(req.target());
  if (hub->stopping) co_return answer(*hub, http::status::service_unavailable, "");
  if (hub->faults.refuse_status != 0)
    co_return answer(*hub, static_cast<http::status>(hub->faults.refuse_status), "refused by the refuse_status fault");
  const std::string& path = hub->options.path;
  if (target.path == path + "/negotiate") co_return negotiate(*hub, req, target.query);
  if (target.path == path) co_return co_await connect(hub, req, c, target.query);
  co_return answer(*hub, http::status::not_found, "");
}

}  // namespace eventwire::emulator::detail
