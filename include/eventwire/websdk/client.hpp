#pragma once

#include <eventwire/net/http_options.hpp>
#include <eventwire/time/timestamp.hpp>
#include <eventwire/websdk/alarm_calls.hpp>
#include <eventwire/websdk/entity_query.hpp>
#include <eventwire/websdk/entity_ref.hpp>
#include <eventwire/websdk/request.hpp>

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <system_error>
#include <tuple>
#include <vector>

namespace eventwire::websdk {

struct client_options {
  std::string url = "http://127.0.0.1:4590/WebSdk";  // the Web SDK base
  std::string username;
  std::string application_id;
  std::string password;
  net::http_options http;
};

// One active alarm instance, owning its strings (GET /activealarms or GetActiveAlarms()).
struct active_alarm_record {
  std::int64_t instance_id = 0;
  std::string alarm_guid;
  std::string trigger_entity;            // empty when absent
  std::optional<std::string> context;    // the plain context (DynamicContent's <Context>)
  std::optional<std::int64_t> state;     // 1 active, 2 acknowledged
  std::optional<std::int64_t> priority;
  std::optional<time::utc_time> trigger_time;
};

// One alarm instance named by its id and its alarm's GUID (calls on several instances).
struct alarm_instance_key {
  std::int64_t instance_id = 0;
  std::string alarm_guid;
};

// One custom event (entity=...,CustomEvents or SupportedCustomEvents), owning its strings.
struct custom_event_record {
  std::int64_t id = 0;
  std::string name;
  std::optional<bool> local;       // LocalCustomEvent
  std::string source_entity_type;  // the entity type that raises it; empty when absent
  std::string owner;               // an entity GUID; empty when absent
};

// The Web SDK's alarm and event operations as typed calls, over one kept-alive HTTP connection:
// each builds the q= call language with the codec (alarm_calls), sends it with HTTP Basic
// `user;appid` credentials and reads the Rsp answer. Errors: the codec's websdk::error for
// arguments it cannot write, stream_error::unauthorized (401), http_status, call_failed (Status
// other than Ok; last_error_detail() has the server's text), net errors. One call at a time; all
// member functions on the executor's thread. An entity_ref views strings that must live until its
// call completes.
class client {
 public:
  client(boost::asio::any_io_executor ex, client_options options);
  ~client();
  client(const client&) = delete;
  client& operator=(const client&) = delete;

  // Any call built with the codec; the answer's Rsp.Result JSON text ("" when absent).
  boost::asio::awaitable<std::tuple<std::error_code, std::string>> call(const request& r);

  // TriggerAlarm: the alarm instance id.
  boost::asio::awaitable<std::tuple<std::error_code, std::int64_t>> trigger_alarm(trigger_alarm_args args);
  boost::asio::awaitable<std::error_code> acknowledge_alarm(std::int64_t instance_id, ack_type type);
  boost::asio::awaitable<std::error_code> acknowledge_alarm(std::int64_t instance_id, std::string alarm_guid,
                                                            ack_type type);
  boost::asio::awaitable<std::error_code> acknowledge_alarms(std::vector<std::int64_t> instance_ids, ack_type type);
  boost::asio::awaitable<std::error_code> force_acknowledge_alarm(std::int64_t instance_id, std::string alarm_guid);
  boost::asio::awaitable<std::error_code> investigate_alarm(std::int64_t instance_id, std::string alarm_guid);
  // InvestigateAlarm({{i1,g1},{i2,g2}}).
  boost::asio::awaitable<std::error_code> investigate_alarms(std::vector<alarm_instance_key> instances);
  boost::asio::awaitable<std::error_code> forward_alarm(std::int64_t instance_id, std::string recipient_guid);
  // ForwardAlarm(i,{u1,u2}): users or user groups.
  boost::asio::awaitable<std::error_code> forward_alarm(std::int64_t instance_id,
                                                        std::vector<std::string> recipient_guids);
  boost::asio::awaitable<std::error_code> edit_alarm_context(std::int64_t instance_id, std::string alarm_guid,
                                                             std::string context);
  boost::asio::awaitable<std::error_code> force_acknowledge_all_alarms();
  boost::asio::awaitable<std::error_code> clear_source_condition(std::string source_guid, std::int64_t condition_id);
  boost::asio::awaitable<std::tuple<std::error_code, bool>> is_active(std::string alarm_guid);
  // GET /activealarms (legacy: GET /alarm?q=GetActiveAlarms()).
  boost::asio::awaitable<std::tuple<std::error_code, std::vector<active_alarm_record>>> active_alarms(
      bool legacy = false);
  // POST /events/RaiseEvent/{type}/{entity}: the entity is a GUID or LogicalID.
  boost::asio::awaitable<std::error_code> raise_event(std::string event_type, entity_ref entity);

  // --- alarm recipients: POST or GET /entity?q=entity={alarm},... ---------------------------
  // Recipients.Add(guid,hh:mm:ss): a user or user group, escalated to after `forward_delay`.
  boost::asio::awaitable<std::error_code> add_recipient(std::string alarm_guid, std::string user_or_group_guid,
                                                        std::chrono::seconds forward_delay = {});
  boost::asio::awaitable<std::error_code> remove_recipient(std::string alarm_guid, std::string user_or_group_guid);
  boost::asio::awaitable<std::error_code> clear_recipients(std::string alarm_guid);
  // IsRecipient(guid): a direct recipient or a member (at any depth) of a recipient group.
  boost::asio::awaitable<std::tuple<std::error_code, bool>> is_recipient(std::string alarm_guid,
                                                                         std::string user_or_group_guid);
  // Recipients.Contains(guid): a member (at any depth) of a recipient group; false for the group.
  boost::asio::awaitable<std::tuple<std::error_code, bool>> recipients_contain(std::string alarm_guid,
                                                                               std::string user_guid);

  // --- events an entity can raise, custom events ----------------------------------------------
  // entity={entity},SupportedEvents: system event names.
  boost::asio::awaitable<std::tuple<std::error_code, std::vector<std::string>>> supported_events(entity_ref entity);
  // CustomEvents.Add(id,name,entityType) on the system configuration entity; id in [0, 2^31-1].
  boost::asio::awaitable<std::error_code> add_custom_event(std::int64_t id, std::string name,
                                                           std::string entity_type);
  boost::asio::awaitable<std::error_code> remove_custom_event(std::int64_t id);  // CustomEvents-{id}
  boost::asio::awaitable<std::tuple<std::error_code, std::vector<custom_event_record>>> custom_events();
  // entity={entity},SupportedCustomEvents.
  boost::asio::awaitable<std::tuple<std::error_code, std::vector<custom_event_record>>> supported_custom_events(
      entity_ref entity);
  // POST /events/RaiseCustomEvent/{id}/{entity}/{message} (an empty message: the trailing '/').
  boost::asio::awaitable<std::error_code> raise_custom_event(std::int64_t id, entity_ref entity,
                                                             std::string message = {});
  // The same with a hidden payload, sent as the multipart/form-data `payload` part.
  boost::asio::awaitable<std::error_code> raise_custom_event(std::int64_t id, entity_ref entity, std::string message,
                                                             std::string payload);

  // One sentence about the last failure, safe for logs (no password).
  const std::string& last_error_detail() const noexcept;

  struct impl;

 private:
  boost::asio::awaitable<std::error_code> alarm(const alarm_calls& calls, std::error_code built);
  boost::asio::awaitable<std::error_code> entity(const entity_query& query, std::error_code built);
  boost::asio::awaitable<std::tuple<std::error_code, bool>> recipient_check(entity_query& query, std::error_code built);
  boost::asio::awaitable<std::tuple<std::error_code, std::vector<custom_event_record>>> list_custom_events(
      entity_query& query, std::error_code built);
  std::unique_ptr<impl> impl_;
};

}  // namespace eventwire::websdk
