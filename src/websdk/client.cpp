#include "api_call.hpp"

#include <eventwire/net/http_client.hpp>
#include <eventwire/websdk/active_alarms_decoder.hpp>
#include <eventwire/websdk/client.hpp>
#include <eventwire/websdk/event_requests.hpp>
#include <eventwire/websdk/stream_error.hpp>

namespace eventwire::websdk {

namespace asio = boost::asio;

struct client::impl {
  impl(asio::any_io_executor ex, client_options o) : options(std::move(o)), http(ex, options.http) {
    url_error = detail::make_api_target(options.url, options.username, options.application_id, options.password,
                                        target);
  }

  client_options options;
  net::http_client http;
  detail::api_target target;
  std::error_code url_error;
  std::string last_error;
};

client::client(asio::any_io_executor ex, client_options options)
    : impl_(std::make_unique<impl>(ex, std::move(options))) {}
client::~client() = default;

const std::string& client::last_error_detail() const noexcept { return impl_->last_error; }

asio::awaitable<std::tuple<std::error_code, std::string>> client::call(const request& r) {
  if (impl_->url_error) {
    impl_->last_error = "the Web SDK URL is not a valid http or https URL";
    co_return std::tuple{impl_->url_error, std::string()};
  }
  auto [ec, body] = co_await detail::send_api(impl_->http, impl_->target, r, impl_->last_error);
  if (ec) co_return std::tuple{ec, std::string()};
  call_answer answer;
  if (auto bad = detail::check_answer(body, r, answer, impl_->last_error)) co_return std::tuple{bad, std::string()};
  co_return std::tuple{std::error_code(), std::string(answer.result_json)};
}

asio::awaitable<std::error_code> client::alarm(const alarm_calls& calls, std::error_code built) {
  if (built) {
    impl_->last_error = "invalid alarm call: " + built.message();
    co_return built;
  }
  const request r = calls.to_request();
  auto [ec, result] = co_await call(r);
  co_return ec;
}

asio::awaitable<std::tuple<std::error_code, std::int64_t>> client::trigger_alarm(trigger_alarm_args args) {
  alarm_calls calls;
  if (auto built = calls.trigger_alarm(args)) {
    impl_->last_error = "invalid TriggerAlarm: " + built.message();
    co_return std::tuple{built, std::int64_t{0}};
  }
  const request r = calls.to_request();
  auto [ec, body] = co_await detail::send_api(impl_->http, impl_->target, r, impl_->last_error);
  if (ec) co_return std::tuple{ec, std::int64_t{0}};
  call_answer answer;
  if (auto bad = detail::check_answer(body, r, answer, impl_->last_error)) co_return std::tuple{bad, std::int64_t{0}};
  if (!answer.alarm_instance_id) {
    impl_->last_error = "TriggerAlarm answered without alarminstanceid";
    co_return std::tuple{std::error_code(error::missing_key), std::int64_t{0}};
  }
  co_return std::tuple{std::error_code(), *answer.alarm_instance_id};
}

asio::awaitable<std::error_code> client::acknowledge_alarm(std::int64_t instance_id, ack_type type) {
  alarm_calls calls;
  const auto built = calls.acknowledge_alarm(instance_id, type);
  co_return co_await alarm(calls, built);
}

asio::awaitable<std::error_code> client::acknowledge_alarm(std::int64_t instance_id, std::string alarm_guid,
                                                           ack_type type) {
  alarm_calls calls;
  const auto built = calls.acknowledge_alarm(instance_id, alarm_guid, type);
  co_return co_await alarm(calls, built);
}

asio::awaitable<std::error_code> client::acknowledge_alarms(std::vector<std::int64_t> instance_ids, ack_type type) {
  alarm_calls calls;
  const std::span<const std::int64_t> ids(instance_ids);
  const auto built = calls.acknowledge_alarms(ids, type);
  co_return co_await alarm(calls, built);
}

asio::awaitable<std::error_code> client::force_acknowledge_alarm(std::int64_t instance_id, std::string alarm_guid) {
  alarm_calls calls;
  const auto built = calls.force_acknowledge_alarm(instance_id, alarm_guid);
  co_return co_await alarm(calls, built);
}

asio::awaitable<std::error_code> client::investigate_alarm(std::int64_t instance_id, std::string alarm_guid) {
  alarm_calls calls;
  const auto built = calls.investigate_alarm(instance_id, alarm_guid);
  co_return co_await alarm(calls, built);
}

asio::awaitable<std::error_code> client::forward_alarm(std::int64_t instance_id, std::string recipient_guid) {
  alarm_calls calls;
  const auto built = calls.forward_alarm(instance_id, std::string_view(recipient_guid));
  co_return co_await alarm(calls, built);
}

asio::awaitable<std::error_code> client::edit_alarm_context(std::int64_t instance_id, std::string alarm_guid,
                                                            std::string context) {
  alarm_calls calls;
  const auto built = calls.edit_alarm_context(instance_id, alarm_guid, context);
  co_return co_await alarm(calls, built);
}

asio::awaitable<std::error_code> client::force_acknowledge_all_alarms() {
  alarm_calls calls;
  const auto built = calls.force_acknowledge_all_alarms();
  co_return co_await alarm(calls, built);
}

asio::awaitable<std::error_code> client::clear_source_condition(std::string source_guid, std::int64_t condition_id) {
  alarm_calls calls;
  const auto built = calls.clear_source_condition(source_guid, condition_id);
  co_return co_await alarm(calls, built);
}

asio::awaitable<std::tuple<std::error_code, bool>> client::is_active(std::string alarm_guid) {
  alarm_calls calls;
  if (auto built = calls.is_active(alarm_guid)) {
    impl_->last_error = "invalid IsActive: " + built.message();
    co_return std::tuple{built, false};
  }
  const request r = calls.to_request();
  auto [ec, body] = co_await detail::send_api(impl_->http, impl_->target, r, impl_->last_error);
  if (ec) co_return std::tuple{ec, false};
  call_answer answer;
  if (auto bad = detail::check_answer(body, r, answer, impl_->last_error)) co_return std::tuple{bad, false};
  co_return std::tuple{std::error_code(), answer.is_active.value_or(false)};
}

asio::awaitable<std::tuple<std::error_code, std::vector<active_alarm_record>>> client::active_alarms(bool legacy) {
  std::vector<active_alarm_record> out;
  request r;
  if (legacy) {
    alarm_calls calls;
    calls.get_active_alarms();
    r = calls.to_request();
  } else {
    r.path = {"activealarms"};
  }
  auto [ec, body] = co_await detail::send_api(impl_->http, impl_->target, r, impl_->last_error);
  if (ec) co_return std::tuple{ec, std::move(out)};
  active_alarms_decoder decoder;
  active_alarms_answer answer;
  if (auto bad = decoder.decode(body, answer)) {
    impl_->last_error = detail::describe(r) + ": " + decoder.describe_error();
    co_return std::tuple{bad, std::move(out)};
  }
  if (answer.failed) {
    call_answer generic;
    const auto bad = detail::check_answer(body, r, generic, impl_->last_error);
    co_return std::tuple{bad ? bad : std::error_code(stream_error::call_failed), std::move(out)};
  }
  std::string scratch;
  for (const auto& a : answer.alarms) {
    active_alarm_record rec;
    rec.instance_id = a.instance_id;
    rec.alarm_guid.assign(a.alarm_guid.decode(scratch));
    if (a.trigger_entity) rec.trigger_entity.assign(a.trigger_entity->decode(scratch));
    if (a.context) rec.context.emplace(*a.context);
    rec.state = a.state;
    rec.priority = a.priority;
    if (a.trigger_time) rec.trigger_time = a.trigger_time->value.utc;
    out.push_back(std::move(rec));
  }
  co_return std::tuple{std::error_code(), std::move(out)};
}

asio::awaitable<std::error_code> client::raise_event(std::string event_type, entity_ref entity) {
  request r;
  if (auto built = raise_event_request(event_type, entity, r)) {
    impl_->last_error = "invalid RaiseEvent: " + built.message();
    co_return built;
  }
  auto [ec, result] = co_await call(r);
  co_return ec;
}

}  // namespace eventwire::websdk
