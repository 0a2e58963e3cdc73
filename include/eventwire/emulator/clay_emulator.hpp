#pragma once

#include <eventwire/clay/hub.hpp>
#include <eventwire/emulator/signalr_hub.hpp>

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace eventwire::emulator {

struct clay_emulator_options {
  // The token every connection must present (access_token query parameter or bearer header);
  // empty: no authentication. token_check in `hub` wins when set.
  std::string access_token = "clay-token";
  // Settings of both hubs (their paths are /hub/incident and /hub/entry); hub.port is the
  // incident hub's port (0: a free one).
  signalr_hub_options hub{};
  std::uint16_t entry_port = 0;  // the entry hub's port; 0: a free one
  // The collections (sites) the generator cycles through.
  std::vector<std::string> collections = {"site-1", "site-2", "site-3"};
};

// One message to send, as a test or the generator makes it.
struct clay_message {
  std::string id;             // empty: a generated one
  std::string type;           // empty: "IncidentRaised" / "EntryGranted"
  std::string collection_id;  // the site
};

// SALTO Clay's event streaming on two SignalR hub emulators, /hub/incident and /hub/entry (on two
// ports of 127.0.0.1: the emulator hub serves one path each). Clients skip negotiation and
// connect with the WebSocket straight away, presenting the token as the access_token query
// parameter; a `collectionId` query parameter limits a connection to that site's messages.
// Each message goes out as `ReceiveMessage` with one string argument holding the message JSON
// (double-encoded, as the seed says). The message shape is inferred (the seed shows none):
//   {"id":"...","type":"IncidentRaised","time":"<RFC 3339>","collectionId":"site-1",
//    "incident":{...}}  or  {..., "entry":{...}}
// Call from the executor's thread.
class clay_emulator {
 public:
  explicit clay_emulator(boost::asio::any_io_executor ex, clay_emulator_options options = {});
  ~clay_emulator();
  clay_emulator(const clay_emulator&) = delete;
  clay_emulator& operator=(const clay_emulator&) = delete;

  signalr_hub& hub(clay::hub h) noexcept;
  // http://127.0.0.1:PORT/hub/incident or /hub/entry.
  std::string url(clay::hub h) const;

  // Sends one message on hub `h` to every connection whose collectionId is absent or equal;
  // returns how many got it.
  std::size_t send(clay::hub h, const clay_message& message);
  // The generator: `count` messages on hub `h` cycling through the collections, at
  // `rate_per_second` (0: full speed); returns how many were delivered, summed over recipients.
  boost::asio::awaitable<std::uint64_t> generate(clay::hub h, std::uint64_t count, double rate_per_second = 0);
  // Message number `i` (0, 1, ...) of a numbered traffic on hub `h`: id `M<i>` (incident hub) or
  // `E<i>` (entry hub), the collections in turn; returns how many got it.
  std::size_t send_numbered(clay::hub h, std::uint64_t i);

  std::uint64_t messages_sent() const noexcept { return sent_; }  // summed over recipients
  // The collectionId a connection asked for (empty: all).
  static std::string collection_of(const signalr_connection_info& connection);
  // Whether the connection presented its token in the access_token query parameter.
  static bool token_in_query(const signalr_connection_info& connection);

 private:
  clay_emulator_options options_;
  std::unique_ptr<signalr_hub> incident_;
  std::unique_ptr<signalr_hub> entry_;
  std::uint64_t sent_ = 0;
  std::uint64_t next_id_ = 0;
  std::string scratch_;
  std::string arguments_;
};

}  // namespace eventwire::emulator
