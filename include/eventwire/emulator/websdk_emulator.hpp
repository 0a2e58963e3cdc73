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

// An entity of the emulated Security Center: what events name as their source.
struct websdk_entity {
  std::string guid;
  std::string type;             // "Camera", "Door", "Cardholder"
  std::uint32_t logical_id = 0;  // LogicalID(type, logical_id)
  std::string name;
};

// A user group: recipients of alarms may be users or groups; members are user or group GUIDs.
struct websdk_user_group {
  std::string guid;
  std::string name;
  std::vector<std::string> members;
};

// The emulator's one user (the seed's examples name 00000000-0000-0000-0000-000000000003, Security
// Center's Admin user) and its default groups: Operators holds the user, Supervisors holds
// Operators.
inline constexpr std::string_view websdk_admin_guid = "00000000-0000-0000-0000-000000000003";
inline constexpr std::string_view websdk_operators_guid = "0000000a-0000-babe-0000-000000000001";
inline constexpr std::string_view websdk_supervisors_guid = "0000000a-0000-babe-0000-000000000002";

struct websdk_emulator_options {
  // Credentials: HTTP Basic with `username;application_id` as the user name. An empty
  // application_id accepts any.
  std::string username = "admin";
  std::string application_id = "eventwire";
  std::string password = "admin";
  std::string base_path = "/WebSdk";
  // The GUID of the user every session signs in as, and the user groups (at most 16 levels deep).
  std::string user_guid = std::string(websdk_admin_guid);
  std::vector<websdk_user_group> user_groups = {
      {std::string(websdk_operators_guid), "Operators", {std::string(websdk_admin_guid)}},
      {std::string(websdk_supervisors_guid), "Supervisors", {std::string(websdk_operators_guid)}}};
  // Both ports serve https with `certificate` (none: a fresh self-signed one for localhost,
  // 127.0.0.1 and ::1), and the 301 of GET /events names an https streaming URL.
  bool tls = false;
  std::optional<net::self_signed_certificate> certificate{};
  std::uint16_t api_port = 0;        // 0: a free port on 127.0.0.1 (the real default is 4590)
  std::uint16_t streaming_port = 0;  // 0: a free port (the real default is 4591)
  // The port the 301 of GET /events names; 0: streaming_port. For a proxy in front of the
  // streaming port (the fault suite's).
  std::uint16_t advertised_streaming_port = 0;
  // A stream with nothing to send sends a `KeepAlive` line this often.
  std::chrono::steady_clock::duration heartbeat_interval = std::chrono::seconds(15);
  // The catalogue: this many cameras, doors and cardholders (LogicalID 1..N each).
  std::size_t cameras = 4;
  std::size_t doors = 4;
  std::size_t cardholders = 4;
  // Generated traffic: one camera, door or cardholder event (in turn) every interval while a
  // stream is open (to the streams subscribed to it); zero: none.
  std::chrono::steady_clock::duration generate_interval{};
  std::uint64_t generate_count = 0;  // stop after this many ticks with a stream open; 0: forever
  // Bytes queued for one stream beyond which the stream is dropped as too slow.
  std::size_t max_queued_bytes = 16 * 1024 * 1024;
  // Where the emulator tells what it refused (one line each); none: silent.
  std::function<void(std::string_view)> log{};
};

// Fault knobs, changeable at run time.
struct websdk_faults {
  bool reject_credentials = false;  // every API request answers 401, right credentials or not
  bool stall = false;               // streams send nothing, heartbeats included, until cleared
  // Every request on the API port answers this HTTP status (e.g. 429 or 503, with
  // `Retry-After: 1`) until cleared; 0: off. Open streams are not affected.
  unsigned refuse_status = 0;
};

// An alarm instance as the emulator keeps it.
struct websdk_alarm_instance {
  std::int64_t instance_id = 0;
  std::string alarm_guid;
  std::string source_guid;
  std::string context;
  std::int64_t priority = 1;
  int state = 1;  // 1 active, 2 acknowledged
  bool investigated = false;
  std::vector<std::string> forwarded_to;  // ForwardedRecipients and ForwardAlarm: user or group GUIDs
};

// A recipient of an alarm entity (Recipients.Add).
struct websdk_recipient {
  std::string guid;                   // a user or a user group
  std::chrono::seconds forward_delay{};  // kept, not applied: delivery is immediate
};

// A custom event of the registry (CustomEvents.Add).
struct websdk_custom_event {
  std::int64_t id = 0;
  std::string name;
  std::string entity_type;  // the type of entity that raises it
  std::string owner;        // the user who added it
};

// One RaiseCustomEvent the emulator accepted.
struct websdk_raised_custom_event {
  std::int64_t id = 0;
  std::string source_guid;
  std::string message;
  std::optional<std::string> payload;  // the hidden payload (multipart/form-data), when sent
};

namespace detail {
struct websdk_state;
}

// A Genetec Security Center Web SDK role on 127.0.0.1, two ports like the real one:
//   API port ({base}): sessions per credentials (HTTP Basic `user;appid`), 401 otherwise
//     GET  /events/subscribe?q=event(src,type),...   src: GUID, LogicalID(Type,N) or entity type
//     GET  /events/unsubscribe?q=...   GET /events/subscribed
//     POST /events/alarmMonitoring/on|off
//     GET  /events                      301 to {streaming}/WebSdk/streaming/events/sessionid=...
//     POST /events/closeconnection/{id}
//     POST /events/RaiseEvent/{type}/{entity}   to every matching subscription
//     POST /events/RaiseCustomEvent/{id}/{entity}/[{message}]   a `CustomEvent` event to every
//          matching subscription; a multipart/form-data body's `payload` part travels with it;
//          without the trailing '/' and message: 307 to the path with it
//     GET  /alarm?q=TriggerAlarm(...),AcknowledgeAlarm(...),ForceAcknowledgeAlarm,
//          InvestigateAlarm, ForwardAlarm, EditAlarmContext, ForceAcknowledgeAllAlarms, IsActive,
//          ClearSourceCondition, GetActiveAlarms    GET /activealarms
//     GET|POST /entity?q=entity={alarm},Recipients.Add(g,00:00:00)|Recipients.Remove(g)|
//          Recipients.Clear()|IsRecipient(g)|Recipients.Contains(g)
//     GET|POST /entity?q=entity={entity},SupportedEvents|SupportedCustomEvents
//     GET|POST /entity?q=entity=00000000-0000-0000-0000-000000000007,CustomEvents.Add(id,name,type)|
//          CustomEvents-{id}|CustomEvents      (changes need POST)
//   streaming port: `HTTP/1.0 200 OK`, Expires, ConnectionId, `multipart/mixed;
//     boundary=--GENETECBOUNDARY`, then text/json parts in the Rsp envelope and KeepAlive lines.
// Alarms are any GUID that names no catalogue entity. An alarm's parts (AlarmTriggered,
// AlarmAcknowledge) go to the sessions with alarm monitoring on whose user receives it: a
// recipient of the alarm (directly or through a group) or of the instance (ForwardedRecipients,
// ForwardAlarm). An alarm whose recipients were never changed has the user as its recipient, so it
// reaches every monitoring session. All member functions must be called on the executor's thread.
class websdk_emulator {
 public:
  // Throws boost::system::system_error if a port cannot be bound.
  explicit websdk_emulator(boost::asio::any_io_executor ex, websdk_emulator_options options = {});
  ~websdk_emulator();
  websdk_emulator(const websdk_emulator&) = delete;
  websdk_emulator& operator=(const websdk_emulator&) = delete;

  std::uint16_t api_port() const noexcept;
  std::uint16_t streaming_port() const noexcept;
  net::url base_url() const;  // http(s)://127.0.0.1:{api port}/WebSdk
  // The TLS identity of both ports (for pinning); null without TLS.
  const net::self_signed_certificate* certificate() const noexcept;

  const std::vector<websdk_entity>& entities() const noexcept;
  // The entity of that type and logical id; null when there is none.
  const websdk_entity* find(std::string_view type, std::uint32_t logical_id) const noexcept;

  // --- traffic ------------------------------------------------------------------------------
  // Raises an event of `event_type` from the entity (GUID); returns the streams it was queued on.
  // `event_members`, when given, are extra members of its `Event` object (JSON text without
  // braces, e.g. `"Sequence":7`), to tell events apart.
  std::size_t raise_event(std::string_view event_type, std::string_view source_guid,
                          std::string_view event_members = {});
  // Generates `count` events now, as generate_interval does; `event_members` as raise_event's.
  std::size_t generate(std::uint64_t count, std::string_view event_members = {});
  // Triggers an alarm as TriggerAlarm does; returns the instance id.
  std::int64_t trigger_alarm(std::string_view alarm_guid, std::string_view source_guid,
                             std::string_view context = {});
  std::vector<websdk_alarm_instance> active_alarms() const;
  // The alarm's recipients; none when they were never changed (the user receives the alarm).
  std::optional<std::vector<websdk_recipient>> recipients(std::string_view alarm_guid) const;
  std::vector<websdk_custom_event> custom_events() const;
  // The custom events raised so far (the last 1000).
  std::vector<websdk_raised_custom_event> raised_custom_events() const;

  // --- faults -------------------------------------------------------------------------------
  void set_faults(const websdk_faults& faults);
  const websdk_faults& faults() const noexcept;
  // Closes every open stream abruptly; with `expire_sessions` the sessions' subscriptions and
  // alarm monitoring are forgotten too, as when the server's sessions expire. Returns how many.
  std::size_t drop_streams(bool expire_sessions = false);
  // The open streams send nothing more, heartbeats included (new streams are not affected).
  std::size_t stall_streams();
  // The open streams begin a part and then send one byte of its body every `interval`, never
  // finishing it (a server that trickles): bytes arrive, events never do.
  std::size_t trickle_streams(std::chrono::steady_clock::duration interval);
  // Queues a text/json part that is not JSON on every open stream; returns how many.
  std::size_t send_malformed_part();
  // Queues a text/json part of `bytes` bytes (valid JSON) on every open stream.
  std::size_t send_oversized_part(std::size_t bytes);

  // --- observation --------------------------------------------------------------------------
  std::size_t open_streams() const noexcept;
  std::uint64_t streams_opened() const noexcept;
  std::uint64_t connections_closed() const noexcept;  // by POST /events/closeconnection
  std::uint64_t subscribe_requests() const noexcept;
  std::uint64_t unauthorized_requests() const noexcept;
  std::uint64_t parts_sent() const noexcept;  // text/json parts written, over every stream
  // The most bytes queued for one open stream and not yet handed to its socket (a generator's
  // backpressure: wait_until this is small, re-checked after every write).
  std::size_t largest_stream_backlog() const noexcept;
  // Subscriptions over every session ("event(src,type)" as the client wrote them).
  std::vector<std::string> subscriptions() const;
  bool alarm_monitoring() const noexcept;  // on in any session
  // Completes once `predicate` holds (true) or after `limit` (false); re-checked whenever the
  // emulator's state changes, without polling.
  boost::asio::awaitable<bool> wait_until(std::function<bool()> predicate,
                                          std::chrono::steady_clock::duration limit =
                                              std::chrono::seconds(10));

  // Stops both ports and ends every stream and generator.
  void stop() noexcept;

 private:
  std::shared_ptr<detail::websdk_state> state_;
};

}  // namespace eventwire::emulator
