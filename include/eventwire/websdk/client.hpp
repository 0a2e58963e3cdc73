#pragma once

#include <eventwire/net/http_options.hpp>
#include <eventwire/time/timestamp.hpp>
#include <eventwire/websdk/alarm_calls.hpp>
#include <eventwire/websdk/entity_ref.hpp>
#include <eventwire/websdk/request.hpp>

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>

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

// The Web SDK's alarm and event operations as typed calls, over one kept-alive HTTP connection:
// each builds the q= call language with the codec (alarm_calls), sends it with HTTP Basic
// `user;appid` credentials and reads the Rsp answer. Errors: the codec's websdk::error for
// arguments it cannot write, stream_error::unauthorized (401), http_status, call_failed (Status
// other than Ok; last_error_detail() has the server's text), net errors. One call at a time; all
// member functions on the executor's thread.
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
  boost::asio::awaitable<std::error_code> forward_alarm(std::int64_t instance_id, std::string recipient_guid);
  boost::asio::awaitable<std::error_code> edit_alarm_context(std::int64_t instance_id, std::string alarm_guid,
                                                             std::string context);
  boost::asio::awaitable<std::error_code> force_acknowledge_all_alarms();
  boost::asio::awaitable<std::error_code> clear_source_condition(std::string source_guid, std::int64_t condition_id);
  boost::asio::awaitable<std::tuple<std::error_code, bool>> is_active(std::string alarm_guid);
  // GET /activealarms (legacy: GET /alarm?q=GetActiveAlarms()).
  boost::asio::awaitable<std::tuple<std::error_code, std::vector<active_alarm_record>>> active_alarms(
      bool legacy = false);
  // POST /events/RaiseEvent/{type}/{entity}: entity_type_or_guid is a GUID or LogicalID text.
  boost::asio::awaitable<std::error_code> raise_event(std::string event_type, entity_ref entity);

  // One sentence about the last failure, safe for logs (no password).
  const std::string& last_error_detail() const noexcept;

  struct impl;

 private:
  boost::asio::awaitable<std::error_code> alarm(const alarm_calls& calls, std::error_code built);
  std::unique_ptr<impl> impl_;
};

}  // namespace eventwire::websdk
