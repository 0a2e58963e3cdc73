#pragma once

// The generic answer of a Web SDK call: `{"Rsp":{"Status":"Ok","Result":{...}}}`, as /alarm
// methods, /events/subscribe, /events/unsubscribe, RaiseEvent, RaiseCustomEvent and the /entity
// recipient calls give it (the seed shows no subscribe/unsubscribe or recipient answer; they are
// read the same way). The Result members the seed names are decoded; the Result stays as text.

#include <eventwire/websdk/failure.hpp>

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string_view>

namespace eventwire::websdk {

struct call_answer {
  std::optional<failure> failed;                 // set when Status is not Ok
  std::string_view result_json;                  // Rsp.Result as sent; empty when absent
  std::optional<std::int64_t> alarm_instance_id;  // Result.alarminstanceid (TriggerAlarm)
  std::optional<bool> acknowledged;              // Result.Acknowledged (AcknowledgeAlarm)
  std::optional<bool> is_active;                 // Result.IsActive (IsActive)
  // Result.IsRecipient or Result.Contains (the /entity recipient checks; the seed says they
  // return true or false and shows no answer: the names are inferred).
  std::optional<bool> recipient;
};

std::ostream& operator<<(std::ostream& os, const call_answer& a);

}  // namespace eventwire::websdk
