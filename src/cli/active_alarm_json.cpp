#include "active_alarm_json.hpp"

#include <eventwire/time/timestamp.hpp>

#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

namespace eventwire::cli {

namespace json = boost::json;

std::string active_alarm_json(const websdk::active_alarm_record& alarm) {
  json::object o;
  o["instance_id"] = alarm.instance_id;
  o["alarm"] = alarm.alarm_guid;
  if (!alarm.trigger_entity.empty()) o["trigger_entity"] = alarm.trigger_entity;
  if (alarm.trigger_time) {
    std::string text;
    time::append_rfc3339(text, *alarm.trigger_time);
    o["trigger_time"] = text;
  }
  if (alarm.state) o["state"] = *alarm.state;
  if (alarm.priority) o["priority"] = *alarm.priority;
  if (alarm.context) o["context"] = *alarm.context;
  std::string line = json::serialize(o);
  line += '\n';
  return line;
}

}  // namespace eventwire::cli
