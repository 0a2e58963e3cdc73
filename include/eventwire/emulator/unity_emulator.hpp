#pragma once

#include <eventwire/net/self_signed_certificate.hpp>
#include <eventwire/net/url.hpp>

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace eventwire::emulator {

struct unity_emulator_options {
  // The subscriptions that exist; each has its own positions over the same notifications.
  std::vector<std::string> subscriptions = {"222c9efe-c76d-41a9-a41b-c86a955a5529"};
  std::size_t page_size = 1000;  // notifications a fetch returns at most (Unity: 1000)
  // Notifications older than this (by the emulator's clock, see advance_time) are discarded,
  // and positions that point before the oldest kept one are rejected.
  std::chrono::system_clock::duration retention = std::chrono::hours(24 * 7);
  // Notifications kept at most; the oldest beyond are discarded as if their retention ended.
  std::size_t max_notifications = 2'000'000;
  // Fetch records kept for fetches(); past it the older half is forgotten.
  std::size_t max_fetch_records = 10'000;

  // Authentication: API calls need `Authorization: Bearer` with a token from the token endpoint
  // (POST /auth/token) or issue_token(). Off: any or no token is accepted.
  bool require_token = true;
  std::string client_id = "eventwire";
  std::string client_secret = "unity-emulator-secret";
  std::chrono::seconds token_lifetime = std::chrono::seconds(300);  // expires_in of issued tokens

  // Generated traffic: WebThreatShield.UrlAction and Endpoint.FileDetection notifications in
  // turn, `rate` a second from construction; 0: none (generate() only). `count`: stop after this
  // many generated at the rate; 0: forever.
  double rate = 0;
  std::uint64_t count = 0;

  bool tls = false;  // https with `certificate` (none: a fresh self-signed one)
  std::optional<net::self_signed_certificate> certificate{};
  std::uint16_t port = 0;  // 0: a free port on 127.0.0.1
  // Where the emulator tells what it refused (one line each); none: silent.
  std::function<void(std::string_view)> log{};
};

// Fault knobs, changeable at run time with set_faults(). The counted ones apply to the next N
// API calls (fetch and position; the token endpoint is spared) and count down.
struct unity_emulator_faults {
  std::uint32_t too_many_requests = 0;  // 429 with Retry-After
  std::chrono::seconds retry_after = std::chrono::seconds(1);
  std::uint32_t server_errors = 0;      // 500 with an error body
  std::uint32_t truncated_bodies = 0;   // fetch answers cut in half, then the connection closed
  std::chrono::steady_clock::duration delay{};  // every API answer waits this long first
};

// One fetch as the emulator answered it.
struct unity_fetch_record {
  std::string subscription_id;
  std::uint64_t first_sequence = 0;  // the sequence number the position pointed at
  std::size_t count = 0;             // notifications returned
  bool more_available = false;
  unsigned status = 0;
  std::chrono::steady_clock::time_point at{};
};

struct unity_emulator_statistics {
  std::uint64_t generated = 0;         // notifications made (also the newest sequence number)
  std::uint64_t discarded = 0;         // dropped by retention or the count limit
  std::uint64_t fetches = 0;           // fetch calls answered 200
  std::uint64_t notifications_served = 0;
  std::uint64_t positions_created = 0;
  std::uint64_t positions_rejected = 0;  // expired, foreign or malformed positions (400)
  std::uint64_t token_requests = 0;
  std::uint64_t refresh_grants = 0;      // token requests with grant_type=refresh_token
  std::uint64_t unauthorized = 0;        // API calls answered 401
  std::uint64_t faults = 0;              // answers spoiled by a fault knob
};

namespace detail {
struct unity_state;
}
class server;

// A Webroot Unity notification API on 127.0.0.1, plain or TLS:
//   POST /auth/token                                          client_credentials or refresh_token
//   POST /api/notifications/subscriptions/{id}/position       {"PositionType":"new"|"latest"|
//                                                              "date"|"horizon","StartDate":...}
//   GET  /api/notifications/subscriptions/{id}/fetch?position=P
// Positions are opaque base64url texts bound to one subscription. A position before the
// retention window, of another subscription or not made here is answered 400
// {"statusCode":400,"requestId":...,"error":"invalid_position","error_description":...}; an
// unknown subscription 404 {"Message":...}; a missing, unknown or expired token 401
// {"error":"invalid_token",...}. Notification n (1, 2, ...) has UnityAPIEventId event_id(n).
// Member functions must be called on the executor's thread.
class unity_emulator {
 public:
  // Throws boost::system::system_error if the port cannot be bound.
  explicit unity_emulator(boost::asio::any_io_executor ex, unity_emulator_options options = {});
  ~unity_emulator();
  unity_emulator(const unity_emulator&) = delete;
  unity_emulator& operator=(const unity_emulator&) = delete;

  std::uint16_t port() const noexcept;
  net::url base_url() const;   // http(s)://127.0.0.1:port
  net::url token_url() const;  // .../auth/token
  const net::self_signed_certificate* certificate() const noexcept;

  // Makes n notifications available now.
  void generate(std::size_t n);
  // Changes options().max_notifications (a demo bounds what it keeps; a counted run keeps all).
  void set_max_notifications(std::size_t n);
  // The UnityAPIEventId of notification `sequence`: a UUID-shaped text derived from it.
  static std::string event_id(std::uint64_t sequence);

  void add_subscription(std::string id);
  // A position of `subscription` pointing at notification `sequence`, as the API would make it.
  std::string position_at(std::string_view subscription, std::uint64_t sequence) const;

  // A token accepted until the emulator's clock passes now + lifetime.
  std::string issue_token(std::chrono::seconds lifetime);
  // Every token issued so far is refused from now on (refresh tokens too).
  void revoke_tokens();

  // The emulator's clock: the system clock plus every advance. Moving it ages notifications
  // (retention) and tokens at once.
  std::chrono::system_clock::time_point now() const;
  void advance_time(std::chrono::system_clock::duration d);

  void set_faults(const unity_emulator_faults& faults);
  const unity_emulator_faults& faults() const noexcept;
  const unity_emulator_statistics& statistics() const noexcept;
  // The last fetches answered (at most options.max_fetch_records), oldest first.
  const std::vector<unity_fetch_record>& fetches() const noexcept;
  // Completes when at least n fetch calls were answered (any status) (true), or at the timeout.
  boost::asio::awaitable<bool> wait_for_fetches(
      std::size_t n, std::chrono::steady_clock::duration timeout = std::chrono::seconds(10));

  // Stops serving and generating; connections are closed.
  void stop() noexcept;

 private:
  std::shared_ptr<detail::unity_state> state_;
  std::unique_ptr<server> server_;
};

}  // namespace eventwire::emulator
