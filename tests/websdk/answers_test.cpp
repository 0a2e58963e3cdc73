#include "samples.hpp"

#include <eventwire/websdk/active_alarms_decoder.hpp>
#include <eventwire/websdk/call_answer_decoder.hpp>
#include <eventwire/websdk/custom_events_decoder.hpp>
#include <eventwire/websdk/error.hpp>
#include <eventwire/websdk/subscriptions_decoder.hpp>

#include <boost/test/unit_test.hpp>

#include <string>

namespace websdk = eventwire::websdk;
namespace samples = websdk_samples;
using samples::outcome;
using websdk::error;

namespace {

std::string subscriptions(std::string_view json, const websdk::decode_limits& l = {}) {
  return samples::decode_printed<websdk::subscriptions_decoder, websdk::subscriptions_answer>(json, l);
}
std::string call(std::string_view json) {
  return samples::decode_printed<websdk::call_answer_decoder, websdk::call_answer>(json);
}
std::string custom(std::string_view json, const websdk::decode_limits& l = {}) {
  return samples::decode_printed<websdk::custom_events_decoder, websdk::custom_events_answer>(json, l);
}
std::string alarms(std::string_view json, const websdk::decode_limits& l = {}) {
  return samples::decode_printed<websdk::active_alarms_decoder, websdk::active_alarms_answer>(json, l);
}

const std::string seed_alarm_printed =
    R"({instance_id=42, alarm_guid="c319de11-3fb9-4c42-b4ee-1745c7287799", )"
    R"(trigger_time="2025-11-15T11:04:36.000Z" (2025-11-15T11:04:36Z), )"
    R"(trigger_entity="00000000-0000-0000-0000-000000000003", trigger_event=1, )";

}  // namespace

BOOST_AUTO_TEST_SUITE(websdk_answers)

BOOST_AUTO_TEST_CASE(subscribed_lists_each_event_type_with_its_entities) {
  BOOST_TEST(subscriptions(samples::subscribed) ==
             R"(subscriptions[{event_type="AccessGranted", entities=["78c5aaf7-3b1f-4cca-bbbf-73e3695c55ad", )"
             R"("aa25fab7-7f4e-4ae5-9c3c-4ddae5388e86"]}, {event_type="CameraMotion", )"
             R"(entities=["00000001-0000-babe-0000-2bddb61cced4", "00000001-0000-babe-0000-df7434997b3b"]}])");
  // "Returns empty result if no active subscriptions"; entities may take a moment to populate.
  BOOST_TEST(subscriptions(R"({"Rsp":{"Status":"Ok","Result":[]}})") == "subscriptions[]");
  BOOST_TEST(subscriptions(R"({"Rsp":{"Status":"Ok","Result":null}})") == "subscriptions[]");
  BOOST_TEST(subscriptions(R"({"Rsp":{"Status":"Ok"}})") == "subscriptions[]");
  BOOST_TEST(subscriptions(R"({"Rsp":{"Status":"Ok","Result":[{"EventType":"AccessGranted","Entities":[]}]}})") ==
             R"(subscriptions[{event_type="AccessGranted", entities=[]}])");
  BOOST_TEST(subscriptions(R"({"Rsp":{"Status":"Ok","Result":[{"Entities":null,"EventType":"A","x":1}]}})") ==
             R"(subscriptions[{event_type="A", entities=[]}])");
  BOOST_TEST(subscriptions(samples::failed).rfind("failure{status=\"Fail\"", 0) == 0u);
}

BOOST_AUTO_TEST_CASE(subscribed_errors) {
  using D = websdk::subscriptions_decoder;
  using A = websdk::subscriptions_answer;
  BOOST_TEST((samples::decode_outcome<D, A>(samples::without(samples::subscribed, "Rsp.Result[1].EventType")) ==
              outcome{error::missing_key, "Rsp.Result[1].EventType"}));
  BOOST_TEST((samples::decode_outcome<D, A>(samples::without(samples::subscribed, "Rsp.Result[0].Entities")) ==
              outcome{error::missing_key, "Rsp.Result[0].Entities"}));
  BOOST_TEST((samples::decode_outcome<D, A>(samples::with(samples::subscribed, "Rsp.Result[0].Entities[1]", "7")) ==
              outcome{error::wrong_type, "Rsp.Result[0].Entities[1]"}));
  BOOST_TEST((samples::decode_outcome<D, A>(samples::with(samples::subscribed, "Rsp.Result", "{}")) ==
              outcome{error::wrong_type, "Rsp.Result"}));
  websdk::decode_limits one;
  one.max_elements = 1;
  BOOST_TEST(subscriptions(samples::subscribed, one) ==
             "error: array exceeds the element limit at 'Rsp.Result[0].Entities'");
  for (std::size_t n = 0; n < samples::subscribed.size(); ++n)
    BOOST_TEST((samples::decode_outcome<D, A>(samples::subscribed.substr(0, n)).code == error::invalid_json));
}

BOOST_AUTO_TEST_CASE(call_answers_of_the_seed) {
  BOOST_TEST(call(samples::trigger_answer) ==
             "ok{alarm_instance_id=20, acknowledged=null, is_active=null, recipient=null, result={\n\"alarminstanceid\": 20\n}}");
  BOOST_TEST(call(samples::acknowledge_answer) ==
             "ok{alarm_instance_id=null, acknowledged=true, is_active=null, recipient=null, result={\n\"Acknowledged\": true\n}}");
  BOOST_TEST(call(samples::empty_result_answer) ==
             "ok{alarm_instance_id=null, acknowledged=null, is_active=null, recipient=null, result={}}");
  BOOST_TEST(call(samples::is_active_answer) ==
             "ok{alarm_instance_id=null, acknowledged=null, is_active=true, recipient=null, result={\n\"IsActive\": true\n}}");
  BOOST_TEST(call(samples::raise_answer) ==
             "ok{alarm_instance_id=null, acknowledged=null, is_active=null, recipient=null, result=}");
  BOOST_TEST(call(R"({"Rsp":{"Status":"Ok","Result":true}})") ==
             "ok{alarm_instance_id=null, acknowledged=null, is_active=null, recipient=null, result=true}");
  BOOST_TEST(call(samples::failed) ==
             R"(failure{status="Fail", message="Alarm not found", code="InvalidOperation", )"
             R"(result={"SdkErrorCode":"InvalidOperation","Message":"Alarm not found"}})");
  BOOST_TEST(call(R"({"Rsp":{"Status":"Ok","Result":{"IsActive":1}}})") ==
             "error: value has the wrong type at 'Rsp.Result.IsActive'");
  BOOST_TEST(call(R"({"Rsp":{"Status":"Ok","Result":{"alarminstanceid":"20"}}})") ==
             "error: value has the wrong type at 'Rsp.Result.alarminstanceid'");
  BOOST_TEST(call(R"({"Rsp":{"Result":{}}})") == "error: required key is missing at 'Rsp.Status'");
}

BOOST_AUTO_TEST_CASE(recipient_checks_answer_true_or_false) {
  BOOST_TEST(call(R"({"Rsp":{"Status":"Ok","Result":{"IsRecipient":true}}})") ==
             R"(ok{alarm_instance_id=null, acknowledged=null, is_active=null, recipient=true, result={"IsRecipient":true}})");
  BOOST_TEST(call(R"({"Rsp":{"Status":"Ok","Result":{"Contains":false}}})") ==
             R"(ok{alarm_instance_id=null, acknowledged=null, is_active=null, recipient=false, result={"Contains":false}})");
  BOOST_TEST(call(R"({"Rsp":{"Status":"Ok","Result":{"Contains":null}}})") ==
             R"(ok{alarm_instance_id=null, acknowledged=null, is_active=null, recipient=null, result={"Contains":null}})");
  BOOST_TEST(call(R"({"Rsp":{"Status":"Ok","Result":{"IsRecipient":true,"Contains":true}}})") ==
             "error: key appears twice at 'Rsp.Result.Contains'");
  BOOST_TEST(call(R"({"Rsp":{"Status":"Ok","Result":{"IsRecipient":"yes"}}})") ==
             "error: value has the wrong type at 'Rsp.Result.IsRecipient'");
}

BOOST_AUTO_TEST_CASE(custom_and_supported_events) {
  BOOST_TEST(custom(samples::custom_events) ==
             R"(custom_events[{id=12345, name="Temperature Alert", local=true, source_entity_type="Camera", )"
             R"(owner="4e8bb3f7-0d41-4f4c-a430-0b6ee7478cbe"}] supported_events[])");
  BOOST_TEST(custom(samples::supported_custom_events) ==
             R"(custom_events[{id=12345, name="Temperature Alert", local=true, source_entity_type="Camera", )"
             R"(owner="00000000-0000-0000-0000-000000000000"}] supported_events[])");
  BOOST_TEST(custom(samples::supported_events) ==
             R"(custom_events[] supported_events["CardholderAccessGranted", "CardholderAccessRefused", )"
             R"("CardholderInactive", "CardholderCredentialExpired", "CardholderDuressPinEntered", )"
             R"("CardholderDoubleBadgeOn", "CardholderDoubleBadgeOff"])");
  BOOST_TEST(custom(R"({"Rsp":{"Status":"Ok","Result":{"CustomEvents":[{"Id":1,"Name":"x"}]}}})") ==
             R"(custom_events[{id=1, name="x", local=null, source_entity_type=null, owner=null}] supported_events[])");
  BOOST_TEST(custom(R"({"Rsp":{"Status":"Ok","Result":{"CustomEvents":[],"SupportedCustomEvents":[]}}})") ==
             "error: key appears twice at 'Rsp.Result.SupportedCustomEvents'");
  BOOST_TEST(custom(samples::without(samples::custom_events, "Rsp.Result.CustomEvents[0].Id")) ==
             "error: required key is missing at 'Rsp.Result.CustomEvents[0].Id'");
  BOOST_TEST(custom(samples::without(samples::custom_events, "Rsp.Result.CustomEvents[0].Name")) ==
             "error: required key is missing at 'Rsp.Result.CustomEvents[0].Name'");
  BOOST_TEST(custom(samples::with(samples::custom_events, "Rsp.Result.CustomEvents[0].LocalCustomEvent", "1")) ==
             "error: value has the wrong type at 'Rsp.Result.CustomEvents[0].LocalCustomEvent'");
  BOOST_TEST(custom(samples::with(samples::supported_events, "Rsp.Result.SupportedEvents[2]", "{}")) ==
             "error: value has the wrong type at 'Rsp.Result.SupportedEvents[2]'");
  websdk::decode_limits few;
  few.max_elements = 6;
  BOOST_TEST(custom(samples::supported_events, few) ==
             "error: array exceeds the element limit at 'Rsp.Result.SupportedEvents'");
  BOOST_TEST(custom(samples::failed).rfind("failure{", 0) == 0u);
}

BOOST_AUTO_TEST_CASE(active_alarms_modern_and_legacy) {
  BOOST_TEST(alarms(samples::active_alarms) ==
             "active_alarms[" + seed_alarm_printed +
                 R"(trigger_event_sub_type=0, creation_time="2025-11-15T11:04:35.000Z" (2025-11-15T11:04:35Z), )"
                 R"(ack_time=null, ack_by="00000000-0000-0000-0000-000000000000", ack_by_name=null, )"
                 R"(ack_reason=28673, external_instance_id=-1, offline_period=0, state=1, )"
                 R"(investigated_by="00000000-0000-0000-0000-000000000000", investigated_time=null, )"
                 R"(has_source_condition=false, context='Server breach', priority=1, latitude=null, )"
                 R"(longitude=null, dynamic_context_by="00000000-0000-0000-0000-000000000000", )"
                 R"(dynamic_context_by_name=null, source_dynamic_context_by="00000000-0000-0000-0000-000000000000", )"
                 R"(source_dynamic_context_by_name=null, source_ack_by="00000000-0000-0000-0000-000000000000", )"
                 R"(source_ack_by_name=null, forward_information=null}])");
  BOOST_TEST(alarms(samples::get_active_alarms) ==
             "active_alarms[" + seed_alarm_printed +
                 R"(trigger_event_sub_type=null, creation_time="2025-11-15T11:04:35.000Z" (2025-11-15T11:04:35Z), )"
                 R"(ack_time="0001-01-01T00:00:00Z" (0001-01-01T00:00:00Z), ack_by="00000000-0000-0000-0000-000000000000", )"
                 R"(ack_by_name=null, ack_reason=28673, external_instance_id=-1, offline_period=0, state=1, )"
                 R"(investigated_by="00000000-0000-0000-0000-000000000000", )"
                 R"(investigated_time="0001-01-01T00:00:00Z" (0001-01-01T00:00:00Z), )"
                 R"(has_source_condition=false, context='Server breach', priority=1, latitude=null, )"
                 R"(longitude=null, dynamic_context_by=null, dynamic_context_by_name=null, )"
                 R"(source_dynamic_context_by=null, source_dynamic_context_by_name=null, source_ack_by=null, )"
                 R"(source_ack_by_name=null, forward_information=null}])");
}

BOOST_AUTO_TEST_CASE(active_alarm_values) {
  websdk::active_alarms_decoder decoder;
  websdk::active_alarms_answer a;
  std::string json = samples::with(samples::active_alarms, "Rsp.Result[0].Latitude", "45.502");
  json = samples::with(json, "Rsp.Result[0].Longitude", "-73.568");
  json = samples::with(json, "Rsp.Result[0].ForwardInformation", R"("{\"ForwardCount\":1}")");
  // A second alarm whose context needs decoding, and a third with a plain legacy context.
  boost::json::value v = boost::json::parse(json);
  boost::json::array& list = v.at("Rsp").at("Result").as_array();
  boost::json::object second = list[0].as_object();
  second["InstanceID"] = 43;
  second["DynamicContent"] =
      "<?xml version=\"1.0\"?>\n<DynamicContent><Context>Door &amp; window \"A\" &#x263A;</Context></DynamicContent>";
  list.push_back(second);
  boost::json::object third = boost::json::parse(samples::get_active_alarms).at("Rsp").at("Result").at(0).as_object();
  third["DynamicContext"] = "Tab\there";
  list.push_back(third);
  json = boost::json::serialize(v);
  BOOST_REQUIRE(!decoder.decode(json, a));
  BOOST_REQUIRE(a.alarms.size() == 3u);
  BOOST_TEST(a.alarms[0].latitude.value_or(0) == 45.502);
  BOOST_TEST(a.alarms[0].longitude.value_or(0) == -73.568);
  BOOST_TEST(a.alarms[0].forward_information->escaped == R"({\"ForwardCount\":1})");
  BOOST_TEST(*a.alarms[0].context == "Server breach");
  BOOST_TEST(*a.alarms[1].context == "Door & window \"A\" \xE2\x98\xBA");
  BOOST_TEST(*a.alarms[2].context == "Tab\there");
  BOOST_TEST(a.alarms[1].instance_id == 43);
}

BOOST_AUTO_TEST_CASE(active_alarm_contexts_absent_empty_and_nil) {
  const std::pair<const char*, const char*> rows[] = {
      {R"("<DynamicContent><Context></Context></DynamicContent>")", "context=''"},
      {R"("<DynamicContent><Context/></DynamicContent>")", "context=''"},
      {R"("<DynamicContent><Context i:nil=\"true\" /></DynamicContent>")", "context=null"},
      {R"("<DynamicContent xmlns:i=\"x\"><Priority>0</Priority></DynamicContent>")", "context=null"},
      {R"("<DynamicContent />")", "context=null"},
      {"null", "context=null"},
  };
  for (const auto& [value, expected] : rows) {
    const std::string got = alarms(samples::with(samples::active_alarms, "Rsp.Result[0].DynamicContent", value));
    BOOST_TEST(got.find(expected) != std::string::npos, value << " gives " << got);
  }
}

BOOST_AUTO_TEST_CASE(active_alarm_errors) {
  using D = websdk::active_alarms_decoder;
  using A = websdk::active_alarms_answer;
  auto outcome_of = [](const std::string& json) { return samples::decode_outcome<D, A>(json); };
  BOOST_TEST((outcome_of(samples::without(samples::active_alarms, "Rsp.Result[0].InstanceID")) ==
              outcome{error::missing_key, "Rsp.Result[0].InstanceID"}));
  BOOST_TEST((outcome_of(samples::without(samples::active_alarms, "Rsp.Result[0].Guid")) ==
              outcome{error::missing_key, "Rsp.Result[0].Guid"}));
  BOOST_TEST((outcome_of(samples::with(samples::active_alarms, "Rsp.Result[0].Alarm", "\"x\"")) ==
              outcome{error::duplicate_key, "Rsp.Result[0].Alarm"}));
  BOOST_TEST((outcome_of(samples::with(samples::get_active_alarms, "Rsp.Result[0].AckTime", "null")) ==
              outcome{error::duplicate_key, "Rsp.Result[0].AckTime"}));
  BOOST_TEST((outcome_of(samples::with(samples::active_alarms, "Rsp.Result[0].DynamicContext", "\"x\"")) ==
              outcome{error::duplicate_key, "Rsp.Result[0].DynamicContext"}));
  BOOST_TEST((outcome_of(samples::with(samples::active_alarms, "Rsp.Result[0].State", "\"1\"")) ==
              outcome{error::wrong_type, "Rsp.Result[0].State"}));
  BOOST_TEST((outcome_of(samples::with(samples::active_alarms, "Rsp.Result[0].Latitude", "\"1\"")) ==
              outcome{error::wrong_type, "Rsp.Result[0].Latitude"}));
  BOOST_TEST((outcome_of(samples::with(samples::active_alarms, "Rsp.Result[0].TriggerTime", "\"soon\"")) ==
              outcome{error::invalid_timestamp, "Rsp.Result[0].TriggerTime"}));
  for (const char* xml : {R"("<Context>x</Context>")", R"("<DynamicContent><Context>a<b/></Context></DynamicContent>")",
                          R"("<DynamicContent><Context>a &bogus; b</Context></DynamicContent>")",
                          R"("<DynamicContent><Context>unterminated</DynamicContent>")", R"("")"})
    BOOST_TEST((outcome_of(samples::with(samples::active_alarms, "Rsp.Result[0].DynamicContent", xml)) ==
                outcome{error::invalid_dynamic_content, "Rsp.Result[0].DynamicContent"}), xml);
  // Decoded contexts share max_text_bytes.
  websdk::decode_limits small;
  small.max_text_bytes = 13;
  BOOST_TEST(alarms(samples::active_alarms, small).find("context='Server breach'") != std::string::npos);
  small.max_text_bytes = 12;
  BOOST_TEST(alarms(samples::active_alarms, small) ==
             "error: decoded text exceeds the limit at 'Rsp.Result[0].DynamicContent'");
  const std::string escaped = samples::with(samples::get_active_alarms, "Rsp.Result[0].DynamicContext",
                                            "\"Server\\tbreach!\"");
  BOOST_TEST(alarms(escaped, small) ==
             "error: decoded text exceeds the limit at 'Rsp.Result[0].DynamicContext'");
  small.max_text_bytes = 14;
  BOOST_TEST(alarms(escaped, small).find("context='Server\tbreach!'") != std::string::npos);
  for (std::size_t n = 0; n < samples::active_alarms.size(); ++n)
    BOOST_TEST((outcome_of(std::string(samples::active_alarms.substr(0, n))).code == error::invalid_json));
}

BOOST_AUTO_TEST_CASE(every_prefix_of_every_answer_is_an_error) {
  for (std::string_view sample : {samples::trigger_answer, samples::acknowledge_answer, samples::raise_answer,
                                  samples::is_active_answer, samples::empty_result_answer}) {
    for (std::size_t n = 0; n < sample.size(); ++n)
      BOOST_TEST((samples::decode_outcome<websdk::call_answer_decoder, websdk::call_answer>(sample.substr(0, n))
                      .code == error::invalid_json));
  }
  for (std::string_view sample : {samples::custom_events, samples::supported_custom_events, samples::supported_events}) {
    for (std::size_t n = 0; n < sample.size(); ++n)
      BOOST_TEST((samples::decode_outcome<websdk::custom_events_decoder, websdk::custom_events_answer>(
                      sample.substr(0, n)).code == error::invalid_json));
  }
  for (std::size_t n = 0; n < samples::get_active_alarms.size(); ++n)
    BOOST_TEST((samples::decode_outcome<websdk::active_alarms_decoder, websdk::active_alarms_answer>(
                    samples::get_active_alarms.substr(0, n)).code == error::invalid_json));
}

BOOST_AUTO_TEST_SUITE_END()
