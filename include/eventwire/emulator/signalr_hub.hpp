#pragma once

#include <eventwire/net/self_signed_certificate.hpp>
#include <eventwire/net/url.hpp>

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/beast/http/fields.hpp>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <tuple>
#include <vector>

namespace eventwire::emulator {

// Decides whether an access token is valid and until when: the expiry, or std::nullopt for a
// token that is refused (401). A connection whose token expires is closed by the hub with a
// Close message {"error":"...token expired...","allowReconnect":true}.
using signalr_token_check =
    std::function<std::optional<std::chrono::steady_clock::time_point>(std::string_view token)>;

struct signalr_hub_options {
  std::string path = "/hub";
  // The highest negotiate version answered: 1 (connectionToken) or 0 (the connectionId is the
  // token). A client asking for less gets what it asked for.
  int max_negotiate_version = 1;
  // Refuse WebSocket connects without a negotiated id (400), as Azure SignalR does.
  bool require_negotiate = false;
  // Negotiated ids not yet connected that are kept; past it the oldest is forgotten (its connect
  // gets 404). Connected ids do not count: they live as long as their connection.
  std::size_t max_unconnected_negotiations = 4096;
  // Authentication, off when both are empty. `access_token`: the one token accepted, forever.
  // `token_check` (wins when set): any token it returns an expiry for. The token comes from
  // `Authorization: Bearer` or the `access_token` query parameter; wrong or missing is 401.
  std::optional<std::string> access_token{};
  signalr_token_check token_check{};
  // The hub sends a Ping when it has sent nothing for this long.
  std::chrono::steady_clock::duration keep_alive_interval = std::chrono::seconds(15);
  // No byte from a client for this long closes its connection.
  std::chrono::steady_clock::duration client_timeout = std::chrono::seconds(30);
  // A client that has not completed the handshake by then is disconnected.
  std::chrono::steady_clock::duration handshake_timeout = std::chrono::seconds(15);
  // The highest JSON hub protocol version accepted in the handshake (2 is stateful reconnect,
  // which this hub does not implement).
  int max_protocol_version = 1;
  // Largest record accepted from a client, as ASP.NET Core's MaximumReceiveMessageSize; a
  // larger one closes the connection with a Close error.
  std::size_t max_receive_message_size = 32 * 1024;
  // Largest WebSocket message accepted from a client; a larger one fails the connection with
  // WebSocket Close code 1009.
  std::size_t max_websocket_message_size = 1024 * 1024;
  // Bytes queued for one client beyond which broadcast() drops it as too slow (send_many()
  // waits instead). The bound of every connection's send queue.
  std::size_t max_queued_bytes = 64 * 1024 * 1024;
  // Largest WebSocket message built when records are coalesced (records_per_message = 0).
  std::size_t max_coalesced_message_size = 64 * 1024;
  bool tls = false;  // https / wss with `certificate` (none: a fresh self-signed one)
  std::optional<net::self_signed_certificate> certificate{};
  std::uint16_t port = 0;  // 0: a free port on 127.0.0.1
  // Where the hub tells what it ignored or refused (one line each); none: silent.
  std::function<void(std::string_view)> log{};
};

// Fault knobs, changeable at run time with set_faults(); they apply to every connection from the
// next record on.
struct signalr_hub_faults {
  // Records in one WebSocket message: 1 (default) one each; N > 1 up to N of those queued;
  // 0 everything queued up to max_coalesced_message_size, as ASP.NET Core's pipe does.
  std::size_t records_per_message = 1;
  // Each record cut into this many WebSocket messages (>1 overrides records_per_message).
  std::size_t messages_per_record = 1;
  // Wait this long before answering a handshake.
  std::chrono::steady_clock::duration handshake_delay = std::chrono::seconds(0);
  // Send nothing at all, pings included, until cleared (queued records wait).
  bool silent = false;
  // Drop each connection abruptly (no Close, no close frame) once it has been sent this many
  // hub messages after the handshake (pings not counted).
  std::optional<std::uint64_t> drop_after_messages{};
  // Answer every negotiate and WebSocket upgrade with this HTTP status (e.g. 429 or 503, with
  // `Retry-After: 1` for 429 and 503) until cleared; 0: off. Open connections are not affected.
  unsigned refuse_status = 0;
};
using hub_faults = signalr_hub_faults;

// A connection as the tests see it.
struct signalr_connection_info {
  std::uint64_t id = 0;           // the hub's handle, for send_to() and invoke_client()
  std::string connection_id;      // the SignalR connectionId
  bool negotiated = false;        // connected with ?id= from a negotiate (else skipped it)
  bool handshaken = false;
  std::string access_token;       // the token it presented (empty: none)
  boost::beast::http::fields headers;  // the upgrade request's headers (ClientId, ...)
  std::string query;              // the upgrade request's query string, without '?'
  std::string protocol;           // from the handshake: "json"
  int protocol_version = 0;
  std::uint64_t messages_sent = 0;        // hub records sent, pings included
  std::uint64_t websocket_messages_sent = 0;
  std::uint64_t socket_writes = 0;        // messages queued together share one write
  std::uint64_t invocations_received = 0;
  std::uint64_t pings_received = 0;
  bool close_received = false;            // the client sent a Close message
};

// One negotiate request, as received, and the status it got.
struct signalr_negotiate_request {
  std::string query;
  boost::beast::http::fields headers;
  std::string access_token;
  unsigned status = 0;
};

// One invocation a client made, as received.
struct signalr_received_invocation {
  std::uint64_t connection = 0;
  std::string target;
  std::string arguments;  // the JSON array text
  std::optional<std::string> invocation_id;
};

// What a hub method answers a blocking invocation with: a result (JSON text), an error, or
// neither (void).
struct signalr_completion {
  std::optional<std::string> result;
  std::optional<std::string> error;

  static signalr_completion with_result(std::string json) { return {std::move(json), {}}; }
  static signalr_completion with_error(std::string text) { return {{}, std::move(text)}; }
  static signalr_completion empty() { return {}; }
};

// A hub method: gets the arguments as the JSON array text and the caller's connection.
using signalr_method =
    std::function<signalr_completion(std::string_view arguments, const signalr_connection_info&)>;

namespace detail {
struct signalr_hub_state;
}
class server;

// A real ASP.NET Core SignalR server (JSON hub protocol over WebSockets) on 127.0.0.1:
//   POST {path}/negotiate?negotiateVersion=N  v1 or v0 answer (WebSockets, Text and Binary)
//   GET  {path}?id=TOKEN (upgrade)            a negotiated connection; unknown id 404, in use 409
//   GET  {path} (upgrade)                     skip-negotiation connect (unless require_negotiate)
// It listens from construction and serves while the executor runs. All member functions must
// be called on the executor's thread (a single-threaded io_context, or post to it); awaitables
// run on that executor.
class signalr_hub {
 public:
  // Throws boost::system::system_error if the port cannot be bound.
  explicit signalr_hub(boost::asio::any_io_executor ex, signalr_hub_options options = {});
  ~signalr_hub();  // stop_now()
  signalr_hub(const signalr_hub&) = delete;
  signalr_hub& operator=(const signalr_hub&) = delete;

  std::uint16_t port() const noexcept;
  // http(s)://127.0.0.1:PORT{path}, what a client is given.
  std::string url() const;
  net::url base_url() const;
  // The TLS identity (for pinning or a CA file in tests); null without TLS.
  const net::self_signed_certificate* certificate() const noexcept;
  const signalr_hub_options& options() const noexcept;

  // --- client invocations -----------------------------------------------------------------
  // Registers (or replaces) the method `target`; names match case-insensitively, as in ASP.NET
  // Core. Blocking invocations get a Completion from its answer; an unknown method's blocking
  // invocation gets the error "Unknown hub method 'X'".
  void on_invocation(std::string target, signalr_method method);

  // --- server invocations -----------------------------------------------------------------
  // Queues the invocation {"type":1,"target":...,"arguments":ARGS} (ARGS a JSON array text) to
  // every handshaken connection; returns how many. A connection whose queue would pass
  // max_queued_bytes is dropped instead.
  std::size_t broadcast(std::string_view target, std::string_view arguments_json);
  // Queues `bytes` as they are (one or more records, or anything a test needs on the wire) to
  // every handshaken connection; cut into messages at each 0x1E like any record.
  std::size_t broadcast_raw(std::string_view bytes);
  // The same to one connection; false if it is gone (or not yet handshaken).
  bool send_to(std::uint64_t connection, std::string_view target, std::string_view arguments_json);
  // One invocation whose record (without its 0x1E) is exactly `record_size` bytes, its argument
  // a string of 'x': to pass a client's record limit. Needs record_size >= 64.
  std::size_t broadcast_oversized(std::string_view target, std::size_t record_size);

  // The generator: sends `count` invocations to every connection handshaken when it starts,
  // at full speed (rate_per_second 0) or at that rate, waiting while a connection's queue is
  // full (never dropping). Completes when every record was handed to the socket or its
  // connection ended; returns the number of records written (summed over connections).
  boost::asio::awaitable<std::uint64_t> send_many(std::string target, std::string arguments_json,
                                                  std::uint64_t count, double rate_per_second = 0);

  // Waits while a connection has more than `bytes` queued (not yet handed to its socket), or
  // until the hub stops: a paced generator's backpressure, as ASP.NET Core's SendAsync waits
  // while a connection's buffer is full, so a consumer that falls behind holds the sender back
  // instead of filling memory up to max_queued_bytes.
  boost::asio::awaitable<void> wait_for_room(std::size_t bytes);

  // A client result (.NET 7+): sends an invocation with an id to `connection` and awaits its
  // Completion. Errors: std::errc::timed_out, std::errc::connection_aborted (connection ended),
  // std::errc::no_such_process (no such connection).
  boost::asio::awaitable<std::tuple<std::error_code, signalr_completion>> invoke_client(
      std::uint64_t connection, std::string target, std::string arguments_json,
      std::chrono::steady_clock::duration timeout = std::chrono::seconds(10));

  // --- faults -----------------------------------------------------------------------------
  void set_faults(const signalr_hub_faults& faults);
  const signalr_hub_faults& faults() const noexcept;
  // Sends every connection a Close message (with `error` if given, and allowReconnect), then
  // closes its WebSocket (1000). Queued records go out first.
  void close_all(std::optional<std::string> error = std::nullopt, bool allow_reconnect = false);
  void close(std::uint64_t connection, std::optional<std::string> error = std::nullopt,
             bool allow_reconnect = false);
  // Drops every connection at once: no Close message, no close frame; with `reset` the TCP
  // connection is reset (RST) instead of closed (FIN).
  void drop_all(bool reset = false);

  // --- observation ------------------------------------------------------------------------
  // Connections that completed the handshake and have not ended.
  std::size_t connection_count() const noexcept;
  // Open TCP connections of every kind (negotiate requests, WebSockets).
  std::size_t open_sockets() const noexcept;
  // Every open WebSocket connection, handshaken or not, oldest first.
  std::vector<signalr_connection_info> connections() const;
  // The most recent connections, ended ones included (up to 256), oldest first.
  std::vector<signalr_connection_info> connection_history() const;
  std::uint64_t negotiations() const noexcept;        // negotiate requests answered with 200
  std::uint64_t connections_accepted() const noexcept;  // WebSocket upgrades accepted
  std::uint64_t messages_sent() const noexcept;       // hub records, all connections
  std::uint64_t invocations_received() const noexcept;
  std::uint64_t invocations_received(std::string_view target) const;  // case-insensitive
  // The most recent client invocations (up to 1024), oldest first.
  std::vector<signalr_received_invocation> received_invocations() const;
  // The most recent negotiate requests (up to 256), oldest first.
  std::vector<signalr_negotiate_request> negotiate_requests() const;
  // HTTP status codes refused by the hub itself (401, 404, 409, 400, 405), counted.
  std::uint64_t refusals(unsigned status) const;

  // Complete when the condition holds (true) or at the timeout (false); no polling.
  boost::asio::awaitable<bool> wait_for_connections(std::size_t n,
                                                    std::chrono::steady_clock::duration timeout = std::chrono::seconds(10));
  boost::asio::awaitable<bool> wait_for_invocations(std::string target, std::uint64_t n,
                                                    std::chrono::steady_clock::duration timeout = std::chrono::seconds(10));
  // Any condition over the hub, re-checked whenever the hub's state changes. With g++ 12, pass a
  // lambda that captures only references, or a named std::function: g++ 12 destroys a closure
  // (or braced aggregate) temporary of a co_await expression twice.
  boost::asio::awaitable<bool> wait_until(std::function<bool()> condition,
                                          std::chrono::steady_clock::duration timeout = std::chrono::seconds(10));

  // --- ending -----------------------------------------------------------------------------
  // Graceful: sends every connection a Close message without error and closes its WebSocket,
  // waits up to `grace` for them to end, then stop_now(). Never hangs.
  boost::asio::awaitable<void> stop(std::chrono::steady_clock::duration grace = std::chrono::seconds(2));
  // Stops accepting and cancels every connection and pending operation at once.
  void stop_now() noexcept;
  bool stopped() const noexcept;

 private:
  std::shared_ptr<detail::signalr_hub_state> state_;
  std::unique_ptr<server> server_;
};

}  // namespace eventwire::emulator
