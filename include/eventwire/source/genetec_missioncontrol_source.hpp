#pragma once

#include <eventwire/auth/secret.hpp>
#include <eventwire/missioncontrol/notification_decoder.hpp>
#include <eventwire/net/http_options.hpp>
#include <eventwire/signalr/hub_options.hpp>
#include <eventwire/source/genetec_missioncontrol_error.hpp>
#include <eventwire/source/source.hpp>

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <system_error>

namespace eventwire::source {

struct genetec_missioncontrol_options {
  std::string name;  // the source name ("eventwire/<name>")
  std::string url;   // the Web API base, e.g. https://mc.example/v4 (WebToken: url + "/WebToken")
  // The notification hub; empty: url + "/Notifications".
  std::string notifications_url;
  std::string username;
  auth::secret password{auth::literal_secret{}};
  // The ClientId GUID sent on every token request and on /v4/Notifications. One per source, kept
  // across restarts by the program (checkpoint store); empty: a random one for this object.
  std::string client_id;
  // Fetch the next token this long before ValidUntil (at most half the token's lifetime), so a
  // reconnect after the server closes on expiry needs no token round trip.
  std::chrono::steady_clock::duration renew_before = std::chrono::seconds(60);
  // The hub: TLS, reconnect policy (its first delay should be 0: the server closes at every
  // expiry), timeouts, log. url, headers' ClientId and access_token are set by the source.
  signalr::hub_options hub;
  net::http_options http;  // the token request
  missioncontrol::notification_decoder::options decoder{};
};

struct missioncontrol_statistics {
  std::uint64_t tokens_fetched = 0;
  std::uint64_t tokens_renewed_early = 0;  // fetched by the renewal before ValidUntil
  std::uint64_t decode_errors = 0;
  std::uint64_t unknown_types = 0;  // notifications with a type outside the seed's 24 (kept)
};

// The `genetec-missioncontrol` source: before every connect it hands hub_connection a web token
// (GET {url}/WebToken with Basic credentials and the ClientId header; the token fetched ahead of
// ValidUntil when there is one), connects to /v4/Notifications with the ClientId header, and
// turns each `IncidentNotification` (missioncontrol::notification_decoder) into one event:
//   type    "genetec.missioncontrol.incident.<Type>" (an unknown type keeps its own name)
//   subject the IncidentId;  time  the Timestamp;  data  the notification object as it is
//   id      the stable hash of the notification (the seed names no event id)
class genetec_missioncontrol_source final : public source {
 public:
  genetec_missioncontrol_source(boost::asio::any_io_executor ex, genetec_missioncontrol_options options);
  ~genetec_missioncontrol_source() override;

  const std::string& name() const noexcept override;
  boost::asio::awaitable<std::error_code> run(event::delivery& out) override;
  boost::asio::awaitable<void> stop() override;
  const source_statistics& statistics() const noexcept override;
  const missioncontrol_statistics& missioncontrol_counters() const noexcept;
  const std::string& client_id() const noexcept;

  struct impl;

 private:
  std::shared_ptr<impl> impl_;
};

// A random (version 4) GUID in the 8-4-4-4-12 lowercase form.
std::string random_client_id();

}  // namespace eventwire::source
