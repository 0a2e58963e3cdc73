#include "client_impl.hpp"

#include <eventwire/websdk/active_alarms_decoder.hpp>
#include <eventwire/websdk/call_answer_decoder.hpp>
#include <eventwire/websdk/event_requests.hpp>

namespace eventwire::websdk {

namespace asio = boost::asio;

client::impl::impl(asio::any_io_executor ex, client_options o) : options(std::move(o)), http(ex, options.http) {
  url_error = detail::make_api_target(options.url, options.username, options.application_id, options.password, target);
}

asio::awaitable<std::tuple<std::error_code, std::string>> client::impl::send(const request& r, form_body* form) {
  if (url_error) {
    last_error = "the Web SDK URL is not a valid http or https URL";
    co_return std::tuple{url_error, std::string()};
  }
  co_return co_await detail::send_api(http, target, r, last_error, form);
}

asio::awaitable<std::error_code> client::impl::ask(const request& r, std::string& body, call_answer& out,
                                                   form_body* form) {
  call_answer_decoder decoder;
  co_return co_await ask(r, body, decoder, out, form);
}

asio::awaitable<std::error_code> client::impl::perform(const request& r, form_body* form) {
  std::string body;
  call_answer answer;
  co_return co_await ask(r, body, answer, form);
}

std::error_code client::impl::refuse(std::string_view call, std::error_code built) {
  last_error = "invalid ";
  last_error += call;
  last_error += ": " + built.message();
  return built;
}

client::client(asio::any_io_executor ex, client_options options)
    : impl_(std::make_unique<impl>(ex, std::move(options))) {}
client::~client() = default;

const std::string& client::last_error_detail() const noexcept { return impl_->last_error; }

asio::awaitable<std::tuple<std::error_code, std::string>> client::call(const request& r) {
  std::string body;
  call_answer answer;
  if (auto ec = co_await impl_->ask(r, body, answer)) co_return std::tuple{ec, std::string()};
  co_return std::tuple{std::error_code(), std::string(answer.result_json)};
}

asio::awaitable<std::error_code> client::alarm(const alarm_calls& calls, std::error_code built) {
  co_return co_await impl_->perform("alarm call", calls, built);
}

asio::awaitable<std::error_code> client::entity(const entity_query& query, std::error_code built) {
  co_return co_await impl_->perform("entity call", query, built);
}

asio::awaitable<std::tuple<std::error_code, std::int64_t>> client::trigger_alarm(trigger_alarm_args args) {
  alarm_calls calls;
  if (auto built = calls.trigger_alarm(args)) co_return std::tuple{impl_->refuse("TriggerAlarm", built), std::int64_t{0}};
  const request r = calls.to_request();
  std::string body;
  call_answer answer;
  if (auto ec = co_await impl_->ask(r, body, answer)) co_return std::tuple{ec, std::int64_t{0}};
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

asio::awaitable<std::error_code> client::investigate_alarms(std::vector<alarm_instance_key> instances) {
  std::vector<alarm_instance> views;
  for (const auto& i : instances) views.push_back({i.instance_id, i.alarm_guid});
  alarm_calls calls;
  const auto built = calls.investigate_alarms(views);
  co_return co_await alarm(calls, built);
}

asio::awaitable<std::error_code> client::forward_alarm(std::int64_t instance_id, std::string recipient_guid) {
  alarm_calls calls;
  const auto built = calls.forward_alarm(instance_id, std::string_view(recipient_guid));
  co_return co_await alarm(calls, built);
}

asio::awaitable<std::error_code> client::forward_alarm(std::int64_t instance_id,
                                                       std::vector<std::string> recipient_guids) {
  const std::vector<std::string_view> views(recipient_guids.begin(), recipient_guids.end());
  alarm_calls calls;
  const auto built = calls.forward_alarm(instance_id, std::span<const std::string_view>(views));
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
  if (auto built = calls.is_active(alarm_guid)) co_return std::tuple{impl_->refuse("IsActive", built), false};
  const request r = calls.to_request();
  std::string body;
  call_answer answer;
  if (auto ec = co_await impl_->ask(r, body, answer)) co_return std::tuple{ec, false};
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
  std::string body;
  active_alarms_decoder decoder;
  active_alarms_answer answer;
  if (auto ec = co_await impl_->ask(r, body, decoder, answer)) co_return std::tuple{ec, std::move(out)};
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
  if (auto built = raise_event_request(event_type, entity, r)) co_return impl_->refuse("RaiseEvent", built);
  co_return co_await impl_->perform(r);
}

}  // namespace eventwire::websdk
