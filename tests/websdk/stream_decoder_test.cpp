#include "samples.hpp"

#include <eventwire/websdk/stream_decoder.hpp>

#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

namespace websdk = eventwire::websdk;
namespace samples = websdk_samples;
using eventwire::json::raw_string;

namespace {

std::string text(const raw_string& s) {
  std::string out;
  s.append_to(out);
  return out;
}

std::string utc(const websdk::sent_time& t) {
  std::string out;
  eventwire::time::append_rfc3339(out, t.value.utc);
  return out;
}

std::string printed(std::string_view json) {
  return samples::decode_printed<websdk::stream_decoder, websdk::stream_message>(json);
}

bool inside(std::string_view view, std::string_view buffer) {
  return view.data() >= buffer.data() && view.data() + view.size() <= buffer.data() + buffer.size();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(websdk_stream_decoder)

BOOST_AUTO_TEST_CASE(decodes_every_field_of_the_seed_event) {
  websdk::stream_decoder decoder;
  websdk::stream_message m;
  BOOST_REQUIRE(!decoder.decode(samples::camera_motion, m));
  BOOST_REQUIRE(std::holds_alternative<websdk::event_notification>(m));
  const auto& e = std::get<websdk::event_notification>(m);
  BOOST_TEST(text(e.event_type) == "CameraMotion");
  BOOST_TEST(text(e.source_guid) == "00000001-0000-babe-0000-2bddb61cced4");
  BOOST_TEST(e.timestamp.text.escaped == "2026-03-15T11:05:44.3322672Z");
  BOOST_TEST(utc(e.timestamp) == "2026-03-15T11:05:44.3322672Z");
  BOOST_TEST(e.timestamp.value.has_offset);
  BOOST_TEST(text(*e.group_id) == "00000000-0000-0000-0000-000000000000");
  BOOST_REQUIRE(e.details);
  const websdk::event_details& d = *e.details;
  BOOST_TEST(text(*d.type) == "CameraMotion");
  BOOST_TEST(text(*d.source_entity) == "00000001-0000-babe-0000-2bddb61cced4");
  BOOST_REQUIRE(d.source_entity_types.size() == 1u);
  BOOST_TEST(text(d.source_entity_types[0]) == "Camera");
  BOOST_REQUIRE(d.related_entities.size() == 1u);
  BOOST_TEST(text(d.related_entities[0]) == "00000001-0000-babe-0000-2bddb61cced4");
  BOOST_TEST(utc(*d.timestamp) == "2026-03-15T11:05:44Z");
  BOOST_TEST(d.event_name.value_or(0) == 2535);
  BOOST_TEST(text(*d.group_id) == "00000000-0000-0000-0000-000000000000");
  BOOST_TEST(text(*d.condition) == "");
  BOOST_TEST(text(*d.offline_period) == "None");
  // The rest stays as JSON text: the whole Event object and the whole Result.
  const std::string_view whole = samples::camera_motion;
  const std::size_t event_at = whole.find("{\"Condition\"");
  const std::size_t event_end = whole.find("]},\"EventType\"") + 2;
  BOOST_TEST(e.details_json == whole.substr(event_at, event_end - event_at));
  BOOST_TEST(e.details_json.find("\"SourceTimeZone\":{\"Id\":\"Singapore Standard Time\"") !=
             std::string_view::npos);
  const std::size_t result_at = whole.find("{\"Event\"");
  BOOST_TEST(e.result_json == whole.substr(result_at, whole.size() - 2 - result_at));
  for (std::string_view v : {e.event_type.escaped, e.details_json, e.result_json,
                             d.related_entities[0].escaped})
    BOOST_TEST(inside(v, whole));
}

BOOST_AUTO_TEST_CASE(decodes_every_field_of_the_seed_alarm) {
  websdk::stream_decoder decoder;
  websdk::stream_message m;
  BOOST_REQUIRE(!decoder.decode(samples::alarm_triggered, m));
  BOOST_REQUIRE(std::holds_alternative<websdk::alarm_triggered>(m));
  const auto& a = std::get<websdk::alarm_triggered>(m);
  BOOST_TEST(text(a.alarm_guid) == "8f1f727f-38d9-41e9-ac4d-fe1d41a4a6da");
  BOOST_TEST(a.instance_id == 18);
  BOOST_TEST(utc(*a.creation_timestamp) == "2026-03-15T11:17:23.7152364Z");
  BOOST_TEST(utc(*a.trigger_timestamp) == "2026-03-15T11:17:23.7381299Z");
  BOOST_TEST(text(*a.source_guid) == "00000001-0000-babe-0000-2bddb61cced4");
  BOOST_TEST(text(*a.source_name) == "GUSTAV Unit 10Mbps - Camera - 01");
  BOOST_TEST(text(*a.trigger_event) == "ManualAction");
  BOOST_TEST(text(*a.offline_period) == "None");
  BOOST_TEST(a.propagation_level.value_or(-1) == 0);
  BOOST_TEST((a.has_source_condition == std::optional<bool>(false)));
  BOOST_REQUIRE(a.content);
  BOOST_TEST(a.content->attached_entities.empty());
  BOOST_TEST(text(*a.content->context) == "Alarm with recipient");
  BOOST_TEST(a.content->forwarded_recipients.empty());
  BOOST_TEST(a.content->priority.value_or(-1) == 0);
  BOOST_TEST(a.content->urls.empty());
  BOOST_TEST(a.alarm_json.substr(0, 13) == "{\"AlarmGuid\":");
  BOOST_TEST(a.alarm_json.back() == '}');
  BOOST_TEST(printed(samples::alarm_triggered) ==
             "alarm_triggered{alarm_guid=\"8f1f727f-38d9-41e9-ac4d-fe1d41a4a6da\", instance_id=18, "
             "creation_timestamp=\"2026-03-15T11:17:23.7152364Z\" (2026-03-15T11:17:23.7152364Z), "
             "trigger_timestamp=\"2026-03-15T11:17:23.7381299Z\" (2026-03-15T11:17:23.7381299Z), "
             "source_guid=\"00000001-0000-babe-0000-2bddb61cced4\", "
             "source_name=\"GUSTAV Unit 10Mbps - Camera - 01\", trigger_event=\"ManualAction\", "
             "offline_period=\"None\", propagation_level=0, has_source_condition=false, "
             "content={attached_entities=[], context=\"Alarm with recipient\", "
             "forwarded_recipients=[], priority=0, urls=[]}}");
}

BOOST_AUTO_TEST_CASE(alarm_content_lists) {
  const std::string json = samples::with(
      samples::alarm_triggered, "Rsp.Result.AlarmTriggered.DynamicAlarmContent",
      R"({"AttachedEntities":["a1","a2"],"ForwardedRecipients":["u1"],"Priority":200,)"
      R"("Urls":["https://tickets.example.com/INC-100"],"Context":"Server room breach"})");
  websdk::stream_decoder decoder;
  websdk::stream_message m;
  BOOST_REQUIRE(!decoder.decode(json, m));
  const auto& c = *std::get<websdk::alarm_triggered>(m).content;
  BOOST_REQUIRE(c.attached_entities.size() == 2u);
  BOOST_TEST(text(c.attached_entities[1]) == "a2");
  BOOST_REQUIRE(c.forwarded_recipients.size() == 1u);
  BOOST_TEST(text(c.forwarded_recipients[0]) == "u1");
  BOOST_TEST(c.priority.value_or(0) == 200);
  BOOST_REQUIRE(c.urls.size() == 1u);
  BOOST_TEST(text(c.urls[0]) == "https://tickets.example.com/INC-100");
}

BOOST_AUTO_TEST_CASE(an_alarm_wins_over_event_fields_in_the_same_result) {
  const std::string json =
      samples::with(samples::alarm_triggered, "Rsp.Result.EventType", "\"CameraMotion\"");
  BOOST_TEST(printed(json).rfind("alarm_triggered{", 0) == 0u);
}

// The sample client's AlarmAcknowledge: its shape is unknown, so it is kept as text.
BOOST_AUTO_TEST_CASE(alarm_acknowledge_is_kept_as_text) {
  BOOST_TEST(printed(R"({"Rsp":{"Status":"Ok","Result":{"AlarmAcknowledge":{"AlarmGuid":"g",)"
                     R"("InstanceId":18,"AckedBy":"u"}}}})") ==
             R"(alarm_acknowledged{alarm_guid="g", instance_id=18, json={"AlarmGuid":"g",)"
             R"("InstanceId":18,"AckedBy":"u"}})");
  BOOST_TEST(printed(R"({"Rsp":{"Status":"Ok","Result":{"AlarmAcknowledge":"42"}}})") ==
             R"(alarm_acknowledged{alarm_guid=null, instance_id=null, json="42"})");
  BOOST_TEST(printed(R"({"Rsp":{"Status":"Ok","Result":{"AlarmAcknowledge":{}}}})") ==
             R"(alarm_acknowledged{alarm_guid=null, instance_id=null, json={}})");
}

BOOST_AUTO_TEST_CASE(unknown_results_are_an_alternative_not_an_error) {
  const std::pair<const char*, const char*> rows[] = {
      {R"({"Rsp":{"Status":"Ok","Result":{}}})", "unknown{result={}}"},
      {R"({"Rsp":{"Status":"Ok","Result":{"Other":[1,2]}}})", R"(unknown{result={"Other":[1,2]}})"},
      {R"({"Rsp":{"Status":"Ok","Result":[1]}})", "unknown{result=[1]}"},
      {R"({"Rsp":{"Status":"Ok","Result":null}})", "unknown{result=null}"},
      {R"({"Rsp":{"Status":"Ok","Result":"text"}})", R"(unknown{result="text"})"},
      {R"({"Rsp":{"Status":"Ok"}})", "unknown{result=}"},
  };
  for (const auto& [json, expected] : rows) BOOST_TEST(printed(json) == expected, json);
}

BOOST_AUTO_TEST_CASE(failures_carry_the_status_and_the_error_text) {
  BOOST_TEST(printed(samples::failed) ==
             R"(failure{status="Fail", message="Alarm not found", code="InvalidOperation", )"
             R"(result={"SdkErrorCode":"InvalidOperation","Message":"Alarm not found"}})");
  BOOST_TEST(printed(R"({"Rsp":{"Status":"Fail","Result":"Session expired"}})") ==
             R"(failure{status="Fail", message="Session expired", code=null, result="Session expired"})");
  BOOST_TEST(printed(R"({"Rsp":{"Status":"Error"}})") ==
             R"(failure{status="Error", message=null, code=null, result=})");
  // A failure's Result is read leniently: other shapes and types are kept as text.
  BOOST_TEST(printed(R"({"Rsp":{"Status":"Fail","Result":{"Message":7,"x":[]}}})") ==
             R"(failure{status="Fail", message=null, code=null, result={"Message":7,"x":[]}})");
  BOOST_TEST(printed(R"({"Rsp":{"Status":"Fail","Result":[1]}})") ==
             R"(failure{status="Fail", message=null, code=null, result=[1]})");
}

BOOST_AUTO_TEST_CASE(ok_is_matched_in_any_case) {
  for (const char* status : {"\"Ok\"", "\"OK\"", "\"ok\"", "\"oK\"", "\"\\u004fk\""}) {
    const std::string json = samples::with(samples::camera_motion, "Rsp.Status", status);
    BOOST_TEST(printed(json).rfind("event{", 0) == 0u, json);
  }
  for (const char* status : {"\"\"", "\"Okay\"", "\"O\"", "\"Fail\""}) {
    const std::string json = samples::with(samples::camera_motion, "Rsp.Status", status);
    BOOST_TEST(printed(json).rfind("failure{", 0) == 0u, json);
  }
}

BOOST_AUTO_TEST_CASE(result_before_status_gives_the_same_message) {
  for (std::string_view sample : {samples::camera_motion, samples::alarm_triggered, samples::failed}) {
    const std::string normal = samples::normalized(sample);
    boost::json::value v = boost::json::parse(sample);
    boost::json::object& rsp = v.at("Rsp").as_object();
    boost::json::object reordered{{"Result", rsp.at("Result")}, {"Status", rsp.at("Status")}};
    const std::string swapped = boost::json::serialize(boost::json::object{{"Rsp", reordered}});
    BOOST_TEST_REQUIRE(swapped.find("{\"Rsp\":{\"Result\"") == 0u);
    BOOST_TEST(printed(swapped) == printed(normal));
  }
}

// A raised custom event, as the emulator sends it (the names are inferred: the seed shows none).
BOOST_AUTO_TEST_CASE(a_custom_events_id_message_and_payload_are_fields) {
  const std::string part =
      R"({"Rsp":{"Status":"Ok","Result":{"EventType":"CustomEvent","SourceGuid":"00000001-0000-babe-0000-2bddb61cced4",)"
      R"("Timestamp":"2026-03-15T11:05:44Z","Event":{"Type":"CustomEvent","CustomEventId":12345,)"
      R"("Message":"Temperature \"high\"","Payload":"{\"orderId\": \"12345\"}"}}}})";
  websdk::stream_decoder decoder;
  websdk::stream_message m;
  BOOST_REQUIRE(!decoder.decode(part, m));
  const auto& d = *std::get<websdk::event_notification>(m).details;
  BOOST_TEST(*d.custom_event_id == 12345);
  BOOST_TEST(text(*d.message) == "Temperature \"high\"");
  BOOST_TEST(text(*d.payload) == R"({"orderId": "12345"})");
  BOOST_TEST(printed(part).find(R"(custom_event_id=12345, message="Temperature \"high\"", payload=)") != std::string::npos,
             printed(part));
  // Absent or null: none; a wrong type is an error with its path, as for every other field.
  for (const char* key : {"CustomEventId", "Message", "Payload"}) {
    const std::string path = std::string("Rsp.Result.Event.") + key;
    BOOST_TEST(printed(samples::without(part, path)) == printed(samples::with(part, path, "null")), key);
    BOOST_TEST(printed(samples::with(part, path, key == std::string_view("CustomEventId") ? "\"x\"" : "1")) ==
               "error: value has the wrong type at '" + path + "'");
  }
  BOOST_REQUIRE(!decoder.decode(samples::camera_motion, m));
  const auto& plain = *std::get<websdk::event_notification>(m).details;
  BOOST_TEST(!plain.custom_event_id.has_value());
  BOOST_TEST(!plain.message.has_value());
  BOOST_TEST(!plain.payload.has_value());
}

BOOST_AUTO_TEST_CASE(unknown_keys_are_ignored_at_every_level) {
  const char* unknown = R"({"deep":[1,{"EventType":"x"}],"Rsp":"\u0041"})";
  for (std::string_view sample : {samples::camera_motion, samples::alarm_triggered}) {
    const std::string expected = printed(samples::normalized(sample));
    std::vector<std::string> objects = {"", "Rsp", "Rsp.Result"};
    if (sample == samples::camera_motion) objects.push_back("Rsp.Result.Event");
    else {
      objects.push_back("Rsp.Result.AlarmTriggered");
      objects.push_back("Rsp.Result.AlarmTriggered.DynamicAlarmContent");
    }
    for (const std::string& object : objects) {
      const std::string path = object + (object.empty() ? "" : ".") + "Zz";
      const std::string json = samples::with(sample, path, unknown);
      BOOST_TEST(printed(json) == expected, json);
    }
  }
}

BOOST_AUTO_TEST_CASE(optional_keys_may_be_null_or_absent) {
  const char* event_keys[] = {"Rsp.Result.GroupId",
                              "Rsp.Result.Event",
                              "Rsp.Result.Event.Type",
                              "Rsp.Result.Event.SourceEntity",
                              "Rsp.Result.Event.SourceEntityTypes",
                              "Rsp.Result.Event.RelatedEntities",
                              "Rsp.Result.Event.Timestamp",
                              "Rsp.Result.Event.EventName",
                              "Rsp.Result.Event.GroupId",
                              "Rsp.Result.Event.Condition",
                              "Rsp.Result.Event.OfflinePeriod"};
  const char* alarm_keys[] = {"CreationTimestamp", "TriggerTimestamp",   "SourceGuid",
                              "SourceName",        "TriggerEvent",       "OfflinePeriod",
                              "PropagationLevel",  "HasSourceCondition", "DynamicAlarmContent",
                              "DynamicAlarmContent.AttachedEntities",
                              "DynamicAlarmContent.Context",
                              "DynamicAlarmContent.ForwardedRecipients",
                              "DynamicAlarmContent.Priority", "DynamicAlarmContent.Urls"};
  std::vector<std::pair<std::string_view, std::string>> rows;
  for (const char* k : event_keys) rows.emplace_back(samples::camera_motion, k);
  for (const char* k : alarm_keys)
    rows.emplace_back(samples::alarm_triggered, std::string("Rsp.Result.AlarmTriggered.") + k);
  for (const auto& [sample, path] : rows) {
    BOOST_TEST_CONTEXT(path) {
      const std::string absent = printed(samples::without(sample, path));
      const std::string null = printed(samples::with(sample, path, "null"));
      BOOST_TEST(absent.find("error") == std::string::npos);
      BOOST_TEST(absent == null);
    }
  }
}

BOOST_AUTO_TEST_CASE(escaped_strings_and_keys) {
  std::string json(samples::camera_motion);
  json.replace(json.find("\"EventType\""), 11, R"("\u0045ventType")");
  json.replace(json.find("\"2026-03-15T11:05:44.3322672Z\""), 30,
               R"("2026-03-15T11:05:44.3322672\u005a")");
  websdk::stream_decoder decoder;
  websdk::stream_message m;
  BOOST_REQUIRE(!decoder.decode(json, m));
  const auto& e = std::get<websdk::event_notification>(m);
  BOOST_TEST(text(e.event_type) == "CameraMotion");
  BOOST_TEST(utc(e.timestamp) == "2026-03-15T11:05:44.3322672Z");
}

BOOST_AUTO_TEST_CASE(whitespace_around_and_inside) {
  const std::string json = " \r\n{ \"Rsp\" : { \"Result\" : { \"EventType\" : \"AccessGranted\" , "
                           "\"SourceGuid\" : \"g\" , \"Timestamp\" : \"2026-03-15T11:05:44Z\" } ,"
                           " \"Status\" : \"Ok\" } }\r\n";
  BOOST_TEST(printed(json) ==
             R"(event{event_type="AccessGranted", source_guid="g", timestamp="2026-03-15T11:05:44Z")"
             R"( (2026-03-15T11:05:44Z), group_id=null, details=null})");
}

// A part inside a larger buffer: only its bytes are read and every view lies inside them.
BOOST_AUTO_TEST_CASE(reads_only_its_own_bytes_inside_a_larger_buffer) {
  for (std::string_view sample : {samples::camera_motion, samples::alarm_triggered}) {
    const std::string head = "--GENETECBOUNDARY\r\nContent-type: text/json\r\n\r\n";
    const std::string buffer = head + std::string(sample) + "}]\"\r\n--GENETECBOUNDARY\r\n";
    const std::string_view value = std::string_view(buffer).substr(head.size(), sample.size());
    BOOST_TEST_REQUIRE(value == sample);
    websdk::stream_decoder decoder;
    websdk::stream_message m;
    BOOST_REQUIRE(!decoder.decode(value, m));
    std::visit(
        [&](const auto& alt) {
          using T = std::decay_t<decltype(alt)>;
          if constexpr (std::is_same_v<T, websdk::event_notification>) {
            BOOST_TEST(inside(alt.result_json, value));
            BOOST_TEST(inside(alt.source_guid.escaped, value));
          } else if constexpr (std::is_same_v<T, websdk::alarm_triggered>) {
            BOOST_TEST(inside(alt.alarm_json, value));
            BOOST_TEST(inside(alt.content->context->escaped, value));
          } else {
            BOOST_FAIL("unexpected alternative");
          }
        },
        m);
    BOOST_TEST(!!decoder.decode(value.substr(0, value.size() - 1), m));
  }
}

BOOST_AUTO_TEST_CASE(a_reused_decoder_gives_the_same_results_as_a_fresh_one) {
  const std::vector<std::string> inputs = {
      std::string(samples::camera_motion), std::string(samples::alarm_triggered),
      std::string(samples::failed), "{}",
      samples::with(samples::camera_motion, "Rsp.Result.Event.RelatedEntities", "[\"a\",\"b\",\"c\"]"),
      samples::with(samples::alarm_triggered, "Rsp.Result.AlarmTriggered.DynamicAlarmContent.Urls",
                    "[\"u1\",\"u2\"]")};
  websdk::stream_decoder reused;
  for (int round = 0; round < 2; ++round) {
    for (const std::string& json : inputs) {
      websdk::stream_message m;
      std::ostringstream os;
      if (const std::error_code ec = reused.decode(json, m))
        os << "error: " << ec.message() << " at '" << reused.error_path() << '\'';
      else
        os << m;
      BOOST_TEST(os.str() == printed(json));
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()
