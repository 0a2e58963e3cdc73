// websdk::client: the recipients of an alarm entity (/entity?q=entity={alarm},Recipients...).

#include "client_impl.hpp"

#include <eventwire/websdk/error.hpp>

namespace eventwire::websdk {

namespace asio = boost::asio;

namespace {

entity_query alarm_query(const std::string& alarm_guid) { return entity_query(entity_ref::guid(alarm_guid)); }

}  // namespace

asio::awaitable<std::error_code> client::add_recipient(std::string alarm_guid, std::string user_or_group_guid,
                                                       std::chrono::seconds forward_delay) {
  entity_query q = alarm_query(alarm_guid);
  const auto built = q.recipients_add(user_or_group_guid, forward_delay);
  co_return co_await entity(q, built);
}

asio::awaitable<std::error_code> client::remove_recipient(std::string alarm_guid, std::string user_or_group_guid) {
  entity_query q = alarm_query(alarm_guid);
  const auto built = q.recipients_remove(user_or_group_guid);
  co_return co_await entity(q, built);
}

asio::awaitable<std::error_code> client::clear_recipients(std::string alarm_guid) {
  entity_query q = alarm_query(alarm_guid);
  const auto built = q.recipients_clear();
  co_return co_await entity(q, built);
}

asio::awaitable<std::tuple<std::error_code, bool>> client::is_recipient(std::string alarm_guid,
                                                                        std::string user_or_group_guid) {
  entity_query q = alarm_query(alarm_guid);
  const auto built = q.is_recipient(user_or_group_guid);
  co_return co_await recipient_check(q, built);
}

asio::awaitable<std::tuple<std::error_code, bool>> client::recipients_contain(std::string alarm_guid,
                                                                              std::string user_guid) {
  entity_query q = alarm_query(alarm_guid);
  const auto built = q.recipients_contains(user_guid);
  co_return co_await recipient_check(q, built);
}

// The answer is read from Result.IsRecipient or Result.Contains, or from a Result that is a bare
// boolean (the seed shows neither).
asio::awaitable<std::tuple<std::error_code, bool>> client::recipient_check(entity_query& query, std::error_code built) {
  if (built) co_return std::tuple{impl_->refuse("recipient check", built), false};
  const request r = query.to_request();
  std::string body;
  call_answer answer;
  if (auto ec = co_await impl_->ask(r, body, answer)) co_return std::tuple{ec, false};
  if (answer.recipient) co_return std::tuple{std::error_code(), *answer.recipient};
  if (answer.result_json == "true" || answer.result_json == "false")
    co_return std::tuple{std::error_code(), answer.result_json == "true"};
  impl_->last_error = detail::describe(r) + " answered without IsRecipient or Contains";
  co_return std::tuple{std::error_code(error::missing_key), false};
}

}  // namespace eventwire::websdk
