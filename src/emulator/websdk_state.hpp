#pragma once

// The Web SDK emulator's state, shared by its two ports, its generator and the public class.

#include <eventwire/emulator/server.hpp>
#include <eventwire/emulator/websdk_emulator.hpp>

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/steady_timer.hpp>

#include <cstddef>
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace eventwire::emulator::detail {

// One `event(source,type)` of a session.
struct websdk_subscription {
  enum class kind { guid, logical_id, entity_type } which = kind::guid;
  std::string source;  // the GUID, or the entity type of a logical id or type subscription
  std::uint32_t logical_id = 0;
  std::string event_type;
  std::string text;  // as written: event(LogicalID(Door,1),AccessGranted)
};

// One open stream on the streaming port: a queue of bytes its writer sends.
struct websdk_stream {
  explicit websdk_stream(boost::asio::any_io_executor ex)
      : wake(std::move(ex), std::chrono::steady_clock::time_point::max()) {}
  std::uint64_t id = 0;
  std::string connection_id;
  std::string session_key;
  std::deque<std::string> queue;
  std::size_t queued_bytes = 0;
  std::size_t writing_bytes = 0;  // taken from the queue, being written
  // Bytes not yet handed to the socket: what max_queued_bytes bounds and generators wait on.
  std::size_t backlog() const noexcept { return queued_bytes + writing_bytes; }
  bool stalled = false;
  // Non-zero: the stream sends the start of a part, then one byte of its body each interval,
  // never completing it (nothing else is sent).
  std::chrono::steady_clock::duration trickle{};
  bool closed = false;
  boost::asio::steady_timer wake;  // cancelled when something is queued or it is closed
  connection* conn = nullptr;
};

struct websdk_session {
  std::string key;         // `user;appid`
  std::string session_id;  // in the streaming URL
  std::vector<websdk_subscription> subscriptions;
  bool alarm_monitoring = false;
};

struct websdk_state : std::enable_shared_from_this<websdk_state> {
  websdk_state(boost::asio::any_io_executor ex, websdk_emulator_options opts);

  boost::asio::any_io_executor executor;
  websdk_emulator_options options;
  websdk_faults faults;
  std::vector<websdk_entity> entities;
  std::map<std::string, websdk_session> sessions;  // by key
  std::map<std::uint64_t, std::shared_ptr<websdk_stream>> streams;
  std::map<std::int64_t, websdk_alarm_instance> alarms;
  // Recipients by alarm GUID (lower case); an alarm that is absent has the user as recipient.
  std::map<std::string, std::vector<websdk_recipient>> recipients;
  std::map<std::int64_t, websdk_custom_event> custom_events;
  std::deque<websdk_raised_custom_event> raised_custom_events;  // the last max_raised_kept
  std::int64_t next_instance = 1;
  std::uint64_t next_stream = 1;
  std::uint64_t generated = 0;
  std::uint64_t streams_opened = 0, connections_closed = 0, subscribe_requests = 0,
                unauthorized_requests = 0, parts_sent = 0;
  std::optional<server> api;
  std::optional<server> streaming;
  boost::asio::steady_timer changed;  // cancelled on every change (wait_until)
  std::optional<boost::asio::steady_timer> generator;
  bool stopped = false;

  static constexpr std::size_t max_raised_kept = 1000;
  static constexpr std::size_t max_custom_events = 10000;
  static constexpr std::size_t max_recipient_lists = 10000;  // alarms whose recipients changed
  static constexpr std::size_t max_recipients = 1000;        // of one alarm
  static constexpr std::size_t max_payload_bytes = 256 * 1024;  // a custom event's hidden payload

  void notify();
  void log(std::string_view line) const;
  const websdk_entity* entity_by_guid(std::string_view guid) const noexcept;
  const websdk_entity* entity_by_logical_id(std::string_view type, std::uint32_t id) const noexcept;
  websdk_session* session_by_id(std::string_view session_id);
  bool matches(const websdk_subscription& s, const websdk_entity* entity, std::string_view guid,
               std::string_view event_type) const;
  // The GUID a call names by `{guid}`, `guid` or `LogicalID(Type,N)`; empty when none.
  std::string resolve_entity(std::string_view text) const;

  // Recipients (websdk_recipients.cpp). A user or group the emulator knows.
  bool is_user_or_group(std::string_view guid) const noexcept;
  // Whether `guid` is a member of `group_guid`, at any depth.
  bool member_of(std::string_view group_guid, std::string_view guid, int depth = 0) const noexcept;
  // IsRecipient: a direct recipient of the alarm or a member of a recipient group.
  bool is_recipient(std::string_view alarm_guid, std::string_view guid) const;
  // Recipients.Contains: a member of a recipient group (not the group itself).
  bool recipients_contain(std::string_view alarm_guid, std::string_view guid) const;
  // Whether the sessions' user receives the instance's parts.
  bool user_receives(const websdk_alarm_instance& a) const;
  // The alarm's list, made explicit (empty) by its first change.
  std::vector<websdk_recipient>& recipients_of(std::string_view alarm_guid);

  // Queues a text/json part (the JSON text) on a stream; drops a stream past max_queued_bytes.
  void queue_part(websdk_stream& s, std::string_view json);
  void queue_raw(websdk_stream& s, std::string bytes);
  void close_stream(websdk_stream& s);
  // Sends an event to every stream whose session subscribed to it; returns how many.
  // `event_members` are more members of the part's Event object (a custom event's).
  std::size_t deliver_event(std::string_view event_type, std::string_view source_guid,
                            std::string_view event_members = {});
  // Sends an alarm's part to the monitoring sessions whose user receives `a`.
  std::size_t deliver_alarm_part(const std::string& json, const websdk_alarm_instance& a);
  std::int64_t trigger(websdk_alarm_instance a);
  std::size_t generate(std::uint64_t count, std::string_view event_members = {});
};

// The two handlers (websdk_api.cpp, websdk_stream.cpp) and the generator loop.
boost::asio::awaitable<std::optional<response>> websdk_api_request(
    std::shared_ptr<websdk_state> st, request& req, connection& c);

// Runs the /alarm calls of `q` (websdk_alarm_calls.cpp), the /entity calls (websdk_entity.cpp);
// the Result JSON, or false with the error text.
bool run_alarm_calls(websdk_state& st, std::string_view q, std::string& result, std::string& error);
bool run_entity_query(websdk_state& st, std::string_view q, bool post, std::string& result,
                      std::string& error);
// POST /events/RaiseCustomEvent/{id}/{entity}/{message} (websdk_custom_events.cpp): `body` and
// `content_type` are the request's; false with the error text when refused.
bool raise_custom_event(websdk_state& st, std::string_view id, std::string_view entity,
                        std::string_view message, std::string_view content_type,
                        std::string_view body, std::string& error);
// The system event names an entity of `type` can raise.
std::vector<std::string_view> supported_events(std::string_view type);
boost::asio::awaitable<std::optional<response>> websdk_stream_request(
    std::shared_ptr<websdk_state> st, request& req, connection& c);
boost::asio::awaitable<void> websdk_generate_loop(std::shared_ptr<websdk_state> st);

}  // namespace eventwire::emulator::detail
