#pragma once

// The /alarm call language: `GET /alarm?q=Method(arg1,arg2,...)`, the forms the seed lists:
//
//   TriggerAlarm({alarm})                        TriggerAlarm({alarm},{source})
//   TriggerAlarm({alarm},{source},DynamicAlarmContent(text))
//   TriggerAlarm({alarm},{source},DynamicAlarmContent(text){Priority=200,
//                AttachedEntities@{g1}@{g2},ForwardedRecipients@{u1},Urls@https://...})
//   TriggerAlarm({alarm},{source},1,true)        (acknowledgement condition, user ack required)
//   TriggerAlarm({alarm},{source},DynamicAlarmContent(text),GeoCoordinate(45.5020,-73.5680))
//   AcknowledgeAlarm(42,Ack)   AcknowledgeAlarm(42,{alarm},Nack)   AcknowledgeAlarm({42,43},Ack)
//   AcknowledgeAlarm({{42,alarm1},{43,alarm2}},Ack)
//   ForceAcknowledgeAlarm(42,{alarm})   InvestigateAlarm(42,{alarm})
//   InvestigateAlarm({{42,alarm1},{43,alarm2}})   ForwardAlarm(42,{user})   ForwardAlarm(42,{u1,u2})
//   EditAlarmContext(42,{alarm},text)   ForceAcknowledgeAllAlarms()   IsActive({alarm})
//   ClearSourceCondition({source},1)   GetActiveAlarms()
//
// Written as every concrete /alarm example in the seed writes them: a GUID standing alone as an
// argument is in braces, a GUID inside a `{...}` list is bare. Several calls in one request are
// joined by ',' (inferred: the seed says calls run in order but shows no separator). Free text
// (contexts) may not hold `( ) { } ,` or control characters; the seed says quotes are kept.

#include <eventwire/websdk/entity_ref.hpp>
#include <eventwire/websdk/event_requests.hpp>
#include <eventwire/websdk/request.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <system_error>

namespace eventwire::websdk {

enum class ack_type { ack, nack };  // Ack: standard; Nack: alternative acknowledgement

// One alarm instance: the id TriggerAlarm returned and the alarm entity's GUID.
struct alarm_instance {
  std::int64_t instance_id = 0;
  std::string_view alarm_guid;
};

// DynamicAlarmContent(context){attributes}; every attribute optional, in this order.
struct alarm_content_args {
  std::string_view context = {};                       // may be empty
  std::optional<std::int64_t> priority = {};           // 1-255: overrides the alarm's
  std::span<const std::string_view> attached_entities = {};     // GUIDs
  std::span<const std::string_view> forwarded_recipients = {};  // user or group GUIDs
  std::span<const std::string_view> urls = {};  // no `, { } @`, spaces or controls
};

// The third and fourth TriggerAlarm arguments of the acknowledgement form.
struct acknowledgement_args {
  std::int64_t condition_id = 0;   // acknowledgement condition id, [0, 2^31-1]
  bool user_ack_required = false;  // written true / false
};

// GeoCoordinate(latitude,longitude) in decimal degrees, written with `fraction_digits` digits
// after the point (the seed's example uses 4: 45.5020).
struct geo_coordinate {
  double latitude = 0;   // [-90, 90]
  double longitude = 0;  // [-180, 180]
  int fraction_digits = 6;  // [0, 12]
};

struct trigger_alarm_args {
  entity_ref alarm = entity_ref::guid({});  // GUID or LogicalID
  // GUID or LogicalID; when absent but later arguments are given, the nil GUID stands in (the
  // seed: "use 00000000-0000-0000-0000-000000000000 if none").
  std::optional<entity_ref> source = {};
  std::optional<alarm_content_args> content = {};
  std::optional<acknowledgement_args> acknowledgement = {};  // not with `content` (not in the seed)
  std::optional<geo_coordinate> location = {};               // only after `content`, as the seed shows
};

// Builds the q= text of one /alarm request, call by call. A call that fails leaves the query as
// it was. Instance ids are in [0, 2^31-1].
class alarm_calls {
 public:
  explicit alarm_calls(std::size_t max_query_size = default_max_query_size)
      : max_query_size_(max_query_size) {}

  std::error_code trigger_alarm(const trigger_alarm_args& args);
  std::error_code acknowledge_alarm(std::int64_t instance_id, ack_type type);
  std::error_code acknowledge_alarm(std::int64_t instance_id, std::string_view alarm_guid,
                                    ack_type type);
  // Several instances of one alarm: AcknowledgeAlarm({i1,i2},Ack).
  std::error_code acknowledge_alarms(std::span<const std::int64_t> instance_ids, ack_type type);
  // Instances of several alarms: AcknowledgeAlarm({{i1,g1},{i2,g2}},Ack).
  std::error_code acknowledge_alarms(std::span<const alarm_instance> instances, ack_type type);
  std::error_code force_acknowledge_alarm(std::int64_t instance_id, std::string_view alarm_guid);
  std::error_code investigate_alarm(std::int64_t instance_id, std::string_view alarm_guid);
  std::error_code investigate_alarms(std::span<const alarm_instance> instances);
  std::error_code forward_alarm(std::int64_t instance_id, std::string_view recipient_guid);
  std::error_code forward_alarm(std::int64_t instance_id,
                                std::span<const std::string_view> recipient_guids);
  std::error_code edit_alarm_context(std::int64_t instance_id, std::string_view alarm_guid,
                                     std::string_view context);
  std::error_code force_acknowledge_all_alarms();
  std::error_code is_active(std::string_view alarm_guid);
  std::error_code clear_source_condition(std::string_view source_guid, std::int64_t condition_id);
  std::error_code get_active_alarms();

  const std::string& query() const noexcept { return query_; }
  bool empty() const noexcept { return query_.empty(); }
  void clear() noexcept { query_.clear(); }
  // GET /alarm?q=<the calls>.
  request to_request() const;

 private:
  std::error_code commit(std::error_code ec, const std::string& call);

  std::size_t max_query_size_;
  std::string query_;
};

std::ostream& operator<<(std::ostream& os, ack_type t);

}  // namespace eventwire::websdk
