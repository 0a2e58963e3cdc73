#include "samples.hpp"

#include <eventwire/json/error.hpp>
#include <eventwire/websdk/error.hpp>
#include <eventwire/websdk/stream_decoder.hpp>

#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

namespace websdk = eventwire::websdk;
namespace samples = websdk_samples;
using samples::outcome;
using websdk::error;

namespace {

outcome decode(std::string_view json, const websdk::decode_limits& limits = {}) {
  return samples::decode_outcome<websdk::stream_decoder, websdk::stream_message>(json, limits);
}

outcome expect(error e, const std::string& path) { return {e, path}; }

const std::string event_result = "Rsp.Result.";
const std::string alarm_path = "Rsp.Result.AlarmTriggered.";
const std::string details = "Rsp.Result.Event.";
const std::string content = "Rsp.Result.AlarmTriggered.DynamicAlarmContent.";

}  // namespace

BOOST_AUTO_TEST_SUITE(websdk_stream_decoder_errors)

BOOST_AUTO_TEST_CASE(every_missing_required_key_is_named) {
  const std::pair<std::string_view, std::string> rows[] = {
      {samples::camera_motion, "Rsp"},
      {samples::camera_motion, "Rsp.Status"},
      {samples::camera_motion, event_result + "EventType"},
      {samples::camera_motion, event_result + "SourceGuid"},
      {samples::camera_motion, event_result + "Timestamp"},
      {samples::alarm_triggered, alarm_path + "AlarmGuid"},
      {samples::alarm_triggered, alarm_path + "InstanceId"},
  };
  for (const auto& [sample, path] : rows) {
    const std::string json = samples::without(sample, path);
    BOOST_TEST(decode(json) == expect(error::missing_key, path), json);
  }
  // An event named only by its Event details still needs the Result-level fields.
  BOOST_TEST(decode(R"({"Rsp":{"Status":"Ok","Result":{"Event":{}}}})") ==
             expect(error::missing_key, event_result + "EventType"));
}

BOOST_AUTO_TEST_CASE(every_wrong_type_is_named) {
  std::vector<std::pair<std::string, std::vector<const char*>>> rows;
  const char* not_strings[] = {"1", "true", "{}", "[\"x\"]"};
  for (const std::string& p : {std::string("Rsp.Status"), event_result + "EventType",
                               event_result + "SourceGuid", event_result + "Timestamp"})
    rows.push_back({p, {"1", "true", "{}", "[\"x\"]", "null"}});
  for (const std::string& p : {event_result + "GroupId", details + "Type", details + "SourceEntity",
                               details + "Timestamp", details + "GroupId", details + "Condition",
                               details + "OfflinePeriod"})
    rows.push_back({p, {std::begin(not_strings), std::end(not_strings)}});
  for (const std::string& p : {details + "SourceEntityTypes[0]", details + "RelatedEntities[0]"})
    rows.push_back({p, {"1", "null", "{}"}});
  for (const std::string& p : {details + "SourceEntityTypes", details + "RelatedEntities"})
    rows.push_back({p, {"\"Camera\"", "{}", "1"}});
  rows.push_back({details + "EventName", {"\"2535\"", "25.5", "true", "1e40"}});
  rows.push_back({"Rsp.Result.Event", {"\"x\"", "[]", "1"}});
  rows.push_back({"Rsp", {"\"x\"", "[]", "null"}});
  std::vector<std::pair<std::string, std::vector<const char*>>> alarm_rows;
  for (const std::string& p : {alarm_path + "AlarmGuid"}) alarm_rows.push_back({p, {"1", "null", "{}"}});
  alarm_rows.push_back({alarm_path + "InstanceId", {"\"18\"", "18.5", "null", "99999999999999999999"}});
  for (const std::string& p : {alarm_path + "SourceGuid", alarm_path + "SourceName", alarm_path + "TriggerEvent",
                               alarm_path + "OfflinePeriod", alarm_path + "CreationTimestamp",
                               alarm_path + "TriggerTimestamp", content + "Context"})
    alarm_rows.push_back({p, {std::begin(not_strings), std::end(not_strings)}});
  alarm_rows.push_back({alarm_path + "PropagationLevel", {"\"0\"", "0.5", "false"}});
  alarm_rows.push_back({alarm_path + "HasSourceCondition", {"0", "\"false\"", "{}"}});
  alarm_rows.push_back({content + "Priority", {"\"0\"", "1.5", "[]"}});
  for (const std::string& p : {content + "AttachedEntities", content + "ForwardedRecipients",
                               content + "Urls"})
    alarm_rows.push_back({p, {"\"x\"", "{}", "[1]"}});
  alarm_rows.push_back({alarm_path + "DynamicAlarmContent", {"\"x\"", "[]", "1"}});
  alarm_rows.push_back({"Rsp.Result.AlarmTriggered", {"\"x\"", "[]", "null"}});
  auto check = [](std::string_view sample, const auto& table) {
    for (const auto& [path, values] : table) {
      for (const char* value : values) {
        const std::string json = samples::with(sample, path, value);
        std::string named = path;
        if (std::string_view(value) == "[1]") named += "[0]";
        BOOST_TEST(decode(json) == expect(error::wrong_type, named), json);
      }
    }
  };
  check(samples::camera_motion, rows);
  check(samples::alarm_triggered, alarm_rows);
}

BOOST_AUTO_TEST_CASE(the_document_must_be_an_object) {
  for (const char* json : {"[]", "\"x\"", "1", "null", "true"})
    BOOST_TEST(decode(json) == expect(error::wrong_type, ""), json);
}

BOOST_AUTO_TEST_CASE(invalid_timestamps) {
  for (const std::string& path :
       {event_result + "Timestamp", details + "Timestamp", alarm_path + "CreationTimestamp",
        alarm_path + "TriggerTimestamp"}) {
    for (const char* value : {R"("")", R"("yesterday")", R"("2026-02-30T00:00:00Z")",
                              R"("2026-03-15T11:05:44Z ")", R"("2026-03-15")"}) {
      const std::string_view sample =
          path.rfind(alarm_path, 0) == 0 ? samples::alarm_triggered : samples::camera_motion;
      const std::string json = samples::with(sample, path, value);
      BOOST_TEST(decode(json) == expect(error::invalid_timestamp, path), json);
    }
  }
  websdk::stream_decoder decoder;
  websdk::stream_message m;
  const std::string json =
      samples::with(samples::camera_motion, "Rsp.Result.Timestamp", R"("2026-13-01T00:00:00Z")");
  BOOST_TEST((decoder.decode(json, m) == error::invalid_timestamp));
  BOOST_TEST(json.substr(decoder.error_offset(), 12) == R"("2026-13-01T)");
}

BOOST_AUTO_TEST_CASE(a_key_given_twice_is_an_error) {
  const std::string_view sample = samples::camera_motion;
  const std::string twice_status = std::string(R"({"Rsp":{"Status":"Ok",)") +
                                   std::string(sample.substr(8));
  BOOST_TEST(decode(twice_status) == expect(error::duplicate_key, "Rsp.Status"));
  std::string inner(sample);
  inner.replace(inner.find("\"EventName\""), 0, R"("Type":"x",)");
  BOOST_TEST(decode(inner) == expect(error::duplicate_key, details + "Type"));
  std::string top(sample);
  top.replace(top.size() - 1, 0, R"(,"Rsp":{})");
  BOOST_TEST(decode(top) == expect(error::duplicate_key, "Rsp"));
}

BOOST_AUTO_TEST_CASE(invalid_json_is_named_with_its_reason) {
  using eventwire::json::error;
  struct row {
    std::string json;
    const char* path;
    error json_error;
  };
  const std::string base(samples::camera_motion);
  const row rows[] = {
      {"", "", error::unexpected_end},
      {"{\"Rsp\"", "", error::unexpected_end},
      {base + "x", "", error::trailing_data},
      {std::string(base).replace(base.find("2535"), 4, "25x"), "Rsp.Result.Event",
       error::unexpected_character},
      {std::string(base).replace(base.find("\"Singapore Standard"), 1, "\"\\q"),
       "Rsp.Result.Event.SourceTimeZone", error::invalid_escape},
      {std::string(base).replace(base.find("None"), 4, "\x01"), "Rsp.Result.Event.OfflinePeriod",
       error::control_character_in_string},
      {std::string(base).replace(base.find("Camera\"]"), 0, "\xff"),
       "Rsp.Result.Event.SourceEntityTypes[0]", error::invalid_utf8},
      {R"({"Zz":[1,}"})", "Zz", error::unexpected_character},
  };
  for (const row& r : rows) {
    BOOST_TEST_CONTEXT(r.json) {
      websdk::stream_decoder decoder;
      websdk::stream_message m;
      const std::error_code ec = decoder.decode(r.json, m);
      BOOST_TEST((ec == websdk::error::invalid_json || ec == websdk::error::wrong_type));
      BOOST_TEST(decoder.error_path() == r.path);
      BOOST_TEST((decoder.json_error() == r.json_error));
    }
  }
}

BOOST_AUTO_TEST_CASE(describe_error_names_the_path_reason_and_offset) {
  websdk::stream_decoder decoder;
  websdk::stream_message m;
  BOOST_TEST((decoder.decode(samples::with(samples::camera_motion, "Rsp.Result.Event", "[]"), m) ==
              error::wrong_type));
  BOOST_TEST((decoder.json_error() == eventwire::json::error::expected_object));
  BOOST_TEST(decoder.describe_error() ==
             "value has the wrong type at Rsp.Result.Event (expected a JSON object) at offset " +
                 std::to_string(decoder.error_offset()));
  BOOST_TEST(!decoder.decode(samples::camera_motion, m));
  BOOST_TEST(decoder.describe_error() == "no error");
  BOOST_TEST(decoder.error_path() == "");
  BOOST_TEST(!decoder.json_error());
}

BOOST_AUTO_TEST_CASE(limits_are_errors) {
  websdk::decode_limits two;
  two.max_elements = 2;
  const std::string three = samples::with(samples::camera_motion,
                                          "Rsp.Result.Event.RelatedEntities", R"(["a","b","c"])");
  BOOST_TEST(decode(samples::camera_motion, two) == outcome{});
  BOOST_TEST(decode(three, two) ==
             expect(error::too_many_elements, "Rsp.Result.Event.RelatedEntities"));
  const std::string urls = samples::with(
      samples::alarm_triggered, "Rsp.Result.AlarmTriggered.DynamicAlarmContent.Urls", R"(["a","b","c"])");
  BOOST_TEST(decode(urls, two) == expect(error::too_many_elements, content + "Urls"));
  websdk::decode_limits shallow;
  shallow.max_depth = 4;
  websdk::stream_decoder decoder(shallow);
  websdk::stream_message m;
  BOOST_TEST((decoder.decode(samples::camera_motion, m) == error::invalid_json));
  BOOST_TEST((decoder.json_error() == eventwire::json::error::depth_exceeded));
}

// A truncated part is an error wherever it was cut, never a crash or an over-read.
BOOST_AUTO_TEST_CASE(every_prefix_of_a_seed_part_is_an_error) {
  for (std::string_view sample : {samples::camera_motion, samples::alarm_triggered, samples::failed}) {
    for (std::size_t size = 0; size < sample.size(); ++size) {
      const outcome got = decode(sample.substr(0, size));
      BOOST_TEST_CONTEXT("prefix of " << size << " bytes") {
        BOOST_TEST((got.code == error::invalid_json));
      }
    }
    BOOST_TEST(!decode(sample).code);
  }
}

BOOST_AUTO_TEST_SUITE_END()
