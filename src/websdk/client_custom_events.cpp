// websdk::client: the events an entity can raise, and custom events (declared on the system
// configuration entity, raised with RaiseCustomEvent).

#include "client_impl.hpp"

#include <eventwire/websdk/custom_events_decoder.hpp>
#include <eventwire/websdk/error.hpp>
#include <eventwire/websdk/event_requests.hpp>

namespace eventwire::websdk {

namespace asio = boost::asio;

namespace {

custom_event_record owned(const custom_event& e, std::string& scratch) {
  custom_event_record out;
  out.id = e.id;
  out.name.assign(e.name.decode(scratch));
  out.local = e.local;
  if (e.source_entity_type) out.source_entity_type.assign(e.source_entity_type->decode(scratch));
  if (e.owner) out.owner.assign(e.owner->decode(scratch));
  return out;
}

// The seed's boundary, or the first of ----FormBoundary-1, -2, ... whose delimiter the payload
// does not hold (the only refusal of a valid boundary). The payload holds finitely many
// delimiters, so one is found; every candidate is a valid boundary (at most 37 characters).
std::error_code payload_form(std::string_view payload, form_body& out) {
  constexpr std::string_view seed = "----FormBoundary";
  std::string boundary(seed);
  std::error_code ec = custom_event_payload_form(payload, out, boundary);
  for (std::uint64_t n = 1; ec == error::invalid_text; ++n) {
    boundary.assign(seed).append("-").append(std::to_string(n));
    ec = custom_event_payload_form(payload, out, boundary);
  }
  return ec;
}

}  // namespace

asio::awaitable<std::tuple<std::error_code, std::vector<std::string>>> client::supported_events(entity_ref entity) {
  std::vector<std::string> out;
  entity_query q(entity);
  if (auto built = q.supported_events()) co_return std::tuple{impl_->refuse("SupportedEvents", built), std::move(out)};
  const request r = q.to_request();
  std::string body;
  custom_events_decoder decoder;
  custom_events_answer answer;
  if (auto ec = co_await impl_->ask(r, body, decoder, answer)) co_return std::tuple{ec, std::move(out)};
  std::string scratch;
  for (const auto& name : answer.supported_events) out.emplace_back(name.decode(scratch));
  co_return std::tuple{std::error_code(), std::move(out)};
}

asio::awaitable<std::error_code> client::add_custom_event(std::int64_t id, std::string name, std::string entity_type) {
  entity_query q = custom_events_query();
  const auto built = q.custom_events_add(id, name, entity_type);
  co_return co_await entity(q, built);
}

asio::awaitable<std::error_code> client::remove_custom_event(std::int64_t id) {
  entity_query q = custom_events_query();
  const auto built = q.custom_events_remove(id);
  co_return co_await entity(q, built);
}

asio::awaitable<std::tuple<std::error_code, std::vector<custom_event_record>>> client::custom_events() {
  entity_query q = custom_events_query();
  const auto built = q.custom_events();
  co_return co_await list_custom_events(q, built);
}

asio::awaitable<std::tuple<std::error_code, std::vector<custom_event_record>>> client::supported_custom_events(
    entity_ref entity) {
  entity_query q(entity);
  const auto built = q.supported_custom_events();
  co_return co_await list_custom_events(q, built);
}

asio::awaitable<std::tuple<std::error_code, std::vector<custom_event_record>>> client::list_custom_events(
    entity_query& query, std::error_code built) {
  std::vector<custom_event_record> out;
  if (built) co_return std::tuple{impl_->refuse("custom event list", built), std::move(out)};
  const request r = query.to_request();
  std::string body;
  custom_events_decoder decoder;
  custom_events_answer answer;
  if (auto ec = co_await impl_->ask(r, body, decoder, answer)) co_return std::tuple{ec, std::move(out)};
  std::string scratch;
  for (const auto& e : answer.custom_events) out.push_back(owned(e, scratch));
  co_return std::tuple{std::error_code(), std::move(out)};
}

asio::awaitable<std::error_code> client::raise_custom_event(std::int64_t id, entity_ref entity, std::string message) {
  request r;
  if (auto built = raise_custom_event_request(id, entity, message, r))
    co_return impl_->refuse("RaiseCustomEvent", built);
  co_return co_await impl_->perform(r);
}

asio::awaitable<std::error_code> client::raise_custom_event(std::int64_t id, entity_ref entity, std::string message,
                                                            std::string payload) {
  request r;
  if (auto built = raise_custom_event_request(id, entity, message, r))
    co_return impl_->refuse("RaiseCustomEvent", built);
  form_body form;
  if (auto built = payload_form(payload, form)) co_return impl_->refuse("custom event payload", built);
  co_return co_await impl_->perform(r, &form);
}

}  // namespace eventwire::websdk
