#include "samples.hpp"

#include <eventwire/missioncontrol/notification_decoder.hpp>
#include <eventwire/signalr/hub_message_decoder.hpp>
#include <eventwire/time/timestamp.hpp>

#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

namespace mc = eventwire::missioncontrol;
namespace samples = missioncontrol_samples;
using eventwire::json::raw_string;
using mc::event_type;

namespace {

std::string text(const raw_string& s) {
  std::string out;
  s.append_to(out);
  return out;
}

std::string utc_text(const eventwire::time::timestamp& t) {
  std::string out;
  eventwire::time::append_rfc3339(out, t.utc);
  return out;
}

bool inside(std::string_view view, std::string_view input) {
  return view.data() >= input.data() && view.data() + view.size() <= input.data() + input.size();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(missioncontrol_notification_decoder)

// Every event type of the seed, each decoded from a heap copy of exactly its size that is freed
// right after the fields have been copied out.
BOOST_AUTO_TEST_CASE(decodes_each_of_the_24_event_types) {
  BOOST_REQUIRE(std::size(samples::all) == 24u);
  mc::notification_decoder decoder;
  for (const samples::sample& s : samples::all) {
    BOOST_TEST_CONTEXT(s.json) {
      auto copy = std::make_unique<samples::exact_copy>(s.json);
      const std::string_view input = copy->view();
      mc::incident_notification n;
      BOOST_REQUIRE(!decoder.decode(input, n));
      BOOST_TEST(decoder.error_key() == "");
      BOOST_TEST((n.type == s.type));
      BOOST_TEST(text(n.type_name) == mc::event_type_name(s.type));
      BOOST_REQUIRE(n.incident_id);
      BOOST_TEST(text(*n.incident_id) == "6c3f2a9e-8d1b-4f7a-9b2e-1f0d4c5a7e21");
      BOOST_REQUIRE(n.timestamp);
      BOOST_TEST(utc_text(n.timestamp->value) == "2024-05-14T09:21:37.1234567Z");
      BOOST_TEST(n.payload_json == input);  // the whole object, not a copy
      BOOST_TEST(inside(n.type_name.escaped, input));
      BOOST_TEST(inside(n.incident_id->escaped, input));
      copy.reset();  // from here on, any use of n's views would be a use after free
    }
  }
}

BOOST_AUTO_TEST_CASE(every_prefix_of_every_sample_is_invalid_json) {
  for (const samples::sample& s : samples::all) {
    for (std::size_t size = 0; size < s.json.size(); ++size) {
      const samples::outcome got = samples::decode_outcome(s.json.substr(0, size));
      BOOST_TEST_CONTEXT("prefix of " << size << " bytes: " << s.json.substr(0, size)) {
        BOOST_TEST((got.code == mc::error::invalid_json));
      }
    }
  }
  const samples::outcome whole = samples::decode_outcome(samples::state_changed);
  BOOST_TEST(!whole.code);
}

BOOST_AUTO_TEST_CASE(an_unknown_type_keeps_its_name) {
  mc::notification_decoder decoder;
  mc::incident_notification n;
  const std::string json = samples::with(samples::state_changed, "Type", R"("Escalated")");
  BOOST_REQUIRE(!decoder.decode(json, n));
  BOOST_TEST((n.type == event_type::unknown));
  BOOST_TEST(text(n.type_name) == "Escalated");
  BOOST_REQUIRE(n.incident_id);
}

BOOST_AUTO_TEST_CASE(an_escaped_type_name_is_decoded_before_matching) {
  mc::notification_decoder decoder;
  mc::incident_notification n;
  std::string raw(samples::state_changed);
  raw.replace(raw.find("StateChanged"), 12, R"(State\u0043hanged)");
  BOOST_REQUIRE(!decoder.decode(raw, n));
  BOOST_TEST((n.type == event_type::state_changed));
  BOOST_TEST(n.type_name.escaped == R"(State\u0043hanged)");
}

// The .NET SignalR JSON protocol writes camelCase by default and reads keys in any case.
BOOST_AUTO_TEST_CASE(camel_case_keys_and_type_names_are_read) {
  const std::string json =
      R"({"type":"stateChanged","incidentId":"i-1","timestamp":"2024-05-14T11:21:37+02:00","state":"New"})";
  mc::notification_decoder decoder;
  mc::incident_notification n;
  BOOST_REQUIRE(!decoder.decode(json, n));
  BOOST_TEST((n.type == event_type::state_changed));
  BOOST_TEST(text(*n.incident_id) == "i-1");
  BOOST_TEST(utc_text(n.timestamp->value) == "2024-05-14T09:21:37Z");
  BOOST_TEST(n.timestamp->value.offset_minutes == 120);
  BOOST_TEST(n.timestamp->text.escaped == "2024-05-14T11:21:37+02:00");
}

BOOST_AUTO_TEST_CASE(incident_id_and_timestamp_may_be_null_or_absent) {
  for (const char* key : {"IncidentId", "Timestamp"}) {
    BOOST_TEST_CONTEXT(key) {
      const std::string absent = samples::decode_printed(samples::without(samples::state_changed, key));
      const std::string null = samples::decode_printed(samples::with(samples::state_changed, key, "null"));
      BOOST_TEST(absent.find("error") == std::string::npos);
      BOOST_TEST(absent.find("=null") != std::string::npos);
      BOOST_TEST(null.find("=null") != std::string::npos);
    }
  }
  mc::notification_decoder decoder;
  mc::incident_notification n;
  BOOST_REQUIRE(!decoder.decode(R"({"Type":"Created"})", n));
  BOOST_TEST((n.type == event_type::created));
  BOOST_TEST(!n.incident_id);
  BOOST_TEST(!n.timestamp);
  BOOST_TEST(n.payload_json == R"({"Type":"Created"})");
}

BOOST_AUTO_TEST_CASE(members_may_come_in_any_order_and_unknown_ones_are_kept_in_the_payload) {
  const std::string json =
      R"({"Extra":{"Type":"Linked","IncidentId":7},"Timestamp":"2024-05-14T09:21:37Z",)"
      R"("List":[null,true,-1.5e3,"x"],"IncidentId":"i-9","Type":"Linked"})";
  mc::notification_decoder decoder;
  mc::incident_notification n;
  BOOST_REQUIRE(!decoder.decode(json, n));
  BOOST_TEST((n.type == event_type::linked));
  BOOST_TEST(text(*n.incident_id) == "i-9");
  BOOST_TEST(n.payload_json == json);
}

BOOST_AUTO_TEST_CASE(escaped_keys_are_recognised) {
  const std::string json = R"({"\u0054ype":"Created","Incident\u0049d":"i-2"})";
  mc::notification_decoder decoder;
  mc::incident_notification n;
  BOOST_REQUIRE(!decoder.decode(json, n));
  BOOST_TEST((n.type == event_type::created));
  BOOST_TEST(text(*n.incident_id) == "i-2");
}

BOOST_AUTO_TEST_CASE(whitespace_around_the_object_is_not_part_of_the_payload) {
  const std::string json = " \r\n\t{ \"Type\" : \"NoteAdded\" , \"IncidentId\" : \"i\" }\n ";
  mc::notification_decoder decoder;
  mc::incident_notification n;
  BOOST_REQUIRE(!decoder.decode(json, n));
  BOOST_TEST((n.type == event_type::note_added));
  BOOST_TEST(n.payload_json == "{ \"Type\" : \"NoteAdded\" , \"IncidentId\" : \"i\" }");
}

BOOST_AUTO_TEST_CASE(timestamps_with_and_without_offsets) {
  struct row {
    const char* text;
    const char* utc;
    bool has_offset;
  };
  const row rows[] = {
      {"2024-05-14T09:21:37Z", "2024-05-14T09:21:37Z", true},
      {"2024-05-14T09:21:37.5-05:00", "2024-05-14T14:21:37.500Z", true},
      {"2024-05-14T09:21:37.1234567", "2024-05-14T09:21:37.1234567Z", false},
      {"0001-01-01T00:00:00", "0001-01-01T00:00:00Z", false},  // .NET DateTime.MinValue
  };
  for (const row& r : rows) {
    mc::notification_decoder decoder;
    mc::incident_notification n;
    const std::string json =
        samples::with(samples::state_changed, "Timestamp", std::string("\"") + r.text + "\"");
    BOOST_TEST_CONTEXT(r.text) {
      BOOST_REQUIRE(!decoder.decode(json, n));
      BOOST_TEST(utc_text(n.timestamp->value) == r.utc);
      BOOST_TEST(n.timestamp->value.has_offset == r.has_offset);
    }
  }
}

BOOST_AUTO_TEST_CASE(field_names_are_configurable_and_an_empty_name_turns_a_field_off) {
  mc::notification_decoder::options o;
  o.keys.type = "EventType";
  o.keys.incident_id = "Id";
  o.keys.timestamp = "";
  mc::notification_decoder decoder(o);
  mc::incident_notification n;
  const std::string json =
      R"({"EventType":"PriorityChanged","Id":"i-3","Type":7,"Timestamp":"not a date"})";
  BOOST_REQUIRE(!decoder.decode(json, n));
  BOOST_TEST((n.type == event_type::priority_changed));
  BOOST_TEST(text(*n.incident_id) == "i-3");
  BOOST_TEST(!n.timestamp);
  BOOST_TEST((samples::decode_outcome(R"({"Type":"Created"})", o) ==
              samples::outcome{mc::error::missing_key, "EventType"}));
}

// The whole path: a SignalR record, its invocation's first argument, the notification.
BOOST_AUTO_TEST_CASE(decodes_the_argument_of_a_signalr_invocation) {
  const std::string record = R"({"type":1,"target":"IncidentNotification","arguments":[)" +
                             std::string(samples::state_changed) + "]}";
  eventwire::signalr::hub_message message;
  BOOST_REQUIRE(!eventwire::signalr::decode_hub_message(record, message));
  const auto& call = std::get<eventwire::signalr::invocation>(message);
  BOOST_TEST(call.target.escaped == "IncidentNotification");
  mc::notification_decoder decoder;
  mc::incident_notification n;
  BOOST_REQUIRE(!decoder.decode(*call.arguments.begin(), n));
  BOOST_TEST((n.type == event_type::state_changed));
  BOOST_TEST(n.payload_json == samples::state_changed);
}

BOOST_AUTO_TEST_SUITE_END()
