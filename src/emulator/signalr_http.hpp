#pragma once

#include <eventwire/emulator/server.hpp>

#include <boost/asio/awaitable.hpp>

#include <memory>
#include <optional>

namespace eventwire::emulator::detail {

struct signalr_hub_state;

// The hub's HTTP face: negotiate, the WebSocket upgrade (then the connection's whole session),
// and refusals (401, 404, 409, 400, 405, 503).
boost::asio::awaitable<std::optional<response>> serve_signalr_request(
    std::shared_ptr<signalr_hub_state> hub, request& req, connection& c);

}  // namespace eventwire::emulator::detail
