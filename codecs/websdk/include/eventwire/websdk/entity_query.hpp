#pragma once

// The /entity call language for the calls the events-and-alarms seed lists:
//
//   POST /entity?q=entity={alarm},Recipients.Add({user-or-group},00:00:00)
//   POST /entity?q=entity={alarm},Recipients.Remove({user-or-group})
//   POST /entity?q=entity={alarm},Recipients.Clear()
//   GET  /entity?q=entity={alarm},IsRecipient({user-or-group})
//   POST /entity?q=entity={alarm},Recipients.Contains({user})
//   GET  /entity?q=entity={entityId},SupportedEvents
//   POST /entity?q=entity=00000000-0000-0000-0000-000000000007,CustomEvents.Add(12345,Name,Camera)
//   POST /entity?q=entity=00000000-0000-0000-0000-000000000007,CustomEvents-12345
//   GET  /entity?q=entity=00000000-0000-0000-0000-000000000007,CustomEvents
//   GET  /entity?q=entity={entityId},SupportedCustomEvents
//
// GUIDs are written bare, as the seed's concrete /entity examples write them (the placeholder
// braces are not part of the text). Several calls on one entity are joined by ',' after the
// `entity=` term; the request is a POST when any call changes something (inferred: the seed gives
// each call alone). A custom event name is free text without `( ) { } ,` or controls; a space
// in it is percent-encoded in the target (%20), as the seed shows.

#include <eventwire/websdk/entity_ref.hpp>
#include <eventwire/websdk/event_requests.hpp>
#include <eventwire/websdk/guid.hpp>
#include <eventwire/websdk/request.hpp>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <system_error>

namespace eventwire::websdk {

class entity_query {
 public:
  // `target` is a GUID or LogicalID; it is checked by the first call.
  explicit entity_query(entity_ref target,
                        std::size_t max_query_size = default_max_query_size) noexcept
      : target_(target), max_query_size_(max_query_size) {}

  // Recipients.Add(guid,[d.]hh:mm:ss): the delay before the alarm is escalated to the recipient,
  // a .NET TimeSpan in whole seconds, [0, 9999 days].
  std::error_code recipients_add(std::string_view user_or_group_guid,
                                 std::chrono::seconds forward_delay = {});
  std::error_code recipients_remove(std::string_view user_or_group_guid);
  std::error_code recipients_clear();
  std::error_code is_recipient(std::string_view user_or_group_guid);  // GET
  std::error_code recipients_contains(std::string_view user_guid);
  std::error_code supported_events();  // GET
  // CustomEvents.Add(id,name,entityType): id in [0, 2^31-1].
  std::error_code custom_events_add(std::int64_t event_id, std::string_view name,
                                    std::string_view entity_type);
  std::error_code custom_events_remove(std::int64_t event_id);  // CustomEvents-{id}
  std::error_code custom_events();                               // GET
  std::error_code supported_custom_events();                     // GET

  const std::string& query() const noexcept { return query_; }
  bool empty() const noexcept { return query_.empty(); }
  // GET or POST /entity?q=entity=<target>,<calls>.
  request to_request() const;

 private:
  std::error_code commit(std::error_code ec, const std::string& call, http_method method);

  entity_ref target_;
  std::size_t max_query_size_;
  std::string query_;
  http_method method_ = http_method::get;
};

// The entity that owns custom events: entity_ref::guid(system_configuration_guid).
inline entity_query custom_events_query(std::size_t max_query_size = default_max_query_size) {
  return entity_query(entity_ref::guid(system_configuration_guid), max_query_size);
}

}  // namespace eventwire::websdk
