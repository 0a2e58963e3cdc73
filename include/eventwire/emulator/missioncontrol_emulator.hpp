#pragma once

#include <eventwire/emulator/signalr_hub.hpp>
#include <eventwire/missioncontrol/event_type.hpp>

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace eventwire::emulator {

namespace detail {
struct missioncontrol_state;
}
class server;

struct missioncontrol_emulator_options {
  std::string username = "operator";
  std::string password = "mc-password";
  // How long a web token is valid (ValidUntil = now + this; MillisecondsValid).
  std::chrono::milliseconds token_lifetime = std::chrono::minutes(60);
  // Notifications held for a ClientId whose connection is gone (closed at token expiry) until it
  // connects again; beyond this the oldest are dropped (counted).
  std::size_t max_held_per_client = 10000;
  // The notification hub (its path is /v4/Notifications; token_check is the emulator's own).
  signalr_hub_options hub{};
  std::uint16_t token_port = 0;  // the WebToken endpoint's port; 0: a free one
};

// One token request as received.
struct missioncontrol_token_request {
  std::string client_id;  // the ClientId header (empty: none)
  unsigned status = 0;
};

// Genetec Mission Control's Web API v4, the parts the source uses:
//   GET /v4/WebToken         Basic credentials + ClientId header -> {"Token","ValidUntil",
//                            "MillisecondsValid"}; 401 for wrong credentials, 400 without ClientId
//   /v4/Notifications        the SignalR hub; a connection presents its token as a bearer (the
//                            seed's `Authentication` header) and its ClientId header, and is closed
//                            with {"error":"...expired...","allowReconnect":true} when its token
//                            expires. Notifications emitted while a known ClientId has no
//                            connection are held and delivered when it connects again (the seed's
//                            "the connection can be kept" across token renewals).
// The hub emulator serves one path, so the WebToken endpoint runs on a second server of this
// object: base_url() (http://127.0.0.1:P1/v4) and notifications_url() (http://127.0.0.1:P2/v4/
// Notifications) differ in their port.
// `IncidentNotification` has one object argument {"Type","IncidentId","Timestamp",...} with
// type-specific members; all of its shape beyond the 24 type names is inferred.
class missioncontrol_emulator {
 public:
  explicit missioncontrol_emulator(boost::asio::any_io_executor ex, missioncontrol_emulator_options options = {});
  ~missioncontrol_emulator();
  missioncontrol_emulator(const missioncontrol_emulator&) = delete;
  missioncontrol_emulator& operator=(const missioncontrol_emulator&) = delete;

  signalr_hub& hub() noexcept { return *hub_; }
  std::string base_url() const;           // http://127.0.0.1:PORT/v4 (WebToken)
  std::string notifications_url() const;  // the hub

  // Emits one notification of `type` about `incident_id` to every connection (and holds it for
  // a known ClientId that is between connections); returns how many connections got it now.
  std::size_t notify(missioncontrol::event_type type, std::string_view incident_id);
  // The generator: `count` notifications cycling through the 24 types over a few incidents, at
  // `rate_per_second` (0: full speed); returns how many were emitted.
  boost::asio::awaitable<std::uint64_t> generate(std::uint64_t count, double rate_per_second = 0);
  // The generator's notification number `n` (0, 1, ...): incident `inc-(n / 24 + 1)`, Created
  // first and then the other 23 types, so `n` can be told from what is delivered.
  std::size_t notify_generated(std::uint64_t n);
  // Sends what is held to ClientIds that are connected again; returns how many were sent.
  std::size_t flush();
  // Completes when nothing is held (flushing as connections come back) or at the timeout.
  boost::asio::awaitable<bool> wait_delivered(std::chrono::steady_clock::duration timeout = std::chrono::seconds(10));

  // Closes the hub's connections politely (within `grace`) and stops both endpoints.
  boost::asio::awaitable<void> stop(std::chrono::steady_clock::duration grace = std::chrono::seconds(2));
  std::vector<missioncontrol_token_request> token_requests() const;
  std::uint64_t tokens_issued() const noexcept;
  std::uint64_t notifications_emitted() const noexcept;
  std::uint64_t notifications_dropped() const noexcept;  // held beyond max_held_per_client
  // The ClientId a token was issued for (empty: unknown token).
  std::string client_id_of(std::string_view token) const;
  // The ClientId header of a connection.
  static std::string client_id_header(const signalr_connection_info& connection);

 private:
  std::shared_ptr<detail::missioncontrol_state> state_;
  std::unique_ptr<signalr_hub> hub_;
  std::unique_ptr<server> token_server_;
  std::uint64_t generated_ = 0;
};

}  // namespace eventwire::emulator
