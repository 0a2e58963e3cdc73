#include "samples.hpp"

#include <eventwire/json/error.hpp>
#include <eventwire/missioncontrol/error.hpp>
#include <eventwire/missioncontrol/notification_decoder.hpp>

#include <boost/test/unit_test.hpp>

#include <string>

namespace mc = eventwire::missioncontrol;
namespace samples = missioncontrol_samples;
using mc::error;
using samples::outcome;

BOOST_AUTO_TEST_SUITE(missioncontrol_notification_decoder_errors)

BOOST_AUTO_TEST_CASE(the_type_is_required_and_may_not_be_null_or_empty) {
  const outcome missing{error::missing_key, "Type"};
  BOOST_TEST(samples::decode_outcome(samples::without(samples::state_changed, "Type")) == missing);
  BOOST_TEST(samples::decode_outcome(samples::with(samples::state_changed, "Type", "null")) == missing);
  BOOST_TEST(samples::decode_outcome(samples::with(samples::state_changed, "Type", R"("")")) == missing);
  BOOST_TEST(samples::decode_outcome("{}") == missing);
}

BOOST_AUTO_TEST_CASE(every_wrong_type_is_named) {
  for (const char* key : {"Type", "IncidentId", "Timestamp"}) {
    for (const char* value : {"1", "true", "{}", "[\"x\"]", "-0.5"}) {
      const std::string json = samples::with(samples::state_changed, key, value);
      BOOST_TEST_CONTEXT(json) {
        BOOST_TEST(samples::decode_outcome(json) == (outcome{error::wrong_type, key}));
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(the_document_must_be_an_object) {
  for (const char* json : {"[]", "\"x\"", "1", "null", "true"})
    BOOST_TEST(samples::decode_outcome(json) == (outcome{error::wrong_type, ""}), json);
  mc::notification_decoder decoder;
  mc::incident_notification n;
  BOOST_TEST((decoder.decode("[]", n) == error::wrong_type));
  BOOST_TEST((decoder.json_error() == eventwire::json::error::expected_object));
  BOOST_TEST(decoder.describe_error() ==
             "value has the wrong type at the document (expected a JSON object) at offset 0");
}

BOOST_AUTO_TEST_CASE(invalid_timestamps) {
  for (const char* value : {R"("")", R"("yesterday")", R"("2024-02-30T00:00:00Z")",
                            R"("2024-05-14T25:00:00Z")", R"("2024-05-14")",
                            R"("2024-05-14T09:21:37Z ")"}) {
    const std::string json = samples::with(samples::state_changed, "Timestamp", value);
    BOOST_TEST_CONTEXT(json) {
      mc::notification_decoder decoder;
      mc::incident_notification n;
      BOOST_TEST((decoder.decode(json, n) == error::invalid_timestamp));
      BOOST_TEST(decoder.error_key() == "Timestamp");
      BOOST_TEST(json.substr(decoder.error_offset(), std::string_view(value).size()) == value);
    }
  }
}

BOOST_AUTO_TEST_CASE(a_key_given_twice_in_any_case_is_an_error) {
  const std::string_view base = samples::state_changed;
  const std::string tail(base.substr(1));
  BOOST_TEST(samples::decode_outcome(R"({"Type":"Created",)" + tail) ==
             (outcome{error::duplicate_key, "Type"}));
  BOOST_TEST(samples::decode_outcome(R"({"type":"Created",)" + tail) ==
             (outcome{error::duplicate_key, "Type"}));
  BOOST_TEST(samples::decode_outcome(R"({"incidentid":null,)" + tail) ==
             (outcome{error::duplicate_key, "IncidentId"}));
  // Unknown keys may repeat: they are not read.
  BOOST_TEST(!samples::decode_outcome(R"({"State":1,"State":2,)" + tail).code);
}

BOOST_AUTO_TEST_CASE(invalid_json_names_where_it_broke_and_why) {
  using eventwire::json::error;
  struct row {
    std::string json;
    const char* key;
    error json_error;
  };
  const std::string base(samples::state_changed);
  const row rows[] = {
      {"", "", error::unexpected_end},
      {"{", "", error::unexpected_end},
      {R"({"Type" "x"})", "", error::unexpected_character},
      {base + "}", "", error::trailing_data},
      {base + " x", "", error::trailing_data},
      {std::string(base).replace(base.find("\"InProgress\""), 12, "\"In\x01\""), "State",
       error::control_character_in_string},
      {std::string(base).replace(base.find("\"New\""), 5, "\"\\q\""), "PreviousState",
       error::invalid_escape},
      {std::string(base).replace(base.find("\"New\""), 5, "\"\xff\""), "PreviousState",
       error::invalid_utf8},
      {std::string(base).replace(base.find("\"New\""), 5, "-x"), "PreviousState",
       error::invalid_number},
      {std::string(base).replace(base.find("\"StateChanged\""), 14, "\"State\x01\""), "Type",
       error::control_character_in_string},
      {std::string(base).replace(base.find("\"StateChanged\""), 14, "nul"), "Type",
       error::unexpected_character},
  };
  for (const row& r : rows) {
    BOOST_TEST_CONTEXT(r.json) {
      mc::notification_decoder decoder;
      mc::incident_notification n;
      BOOST_TEST((decoder.decode(r.json, n) == mc::error::invalid_json));
      BOOST_TEST(decoder.error_key() == r.key);
      BOOST_TEST((decoder.json_error() == r.json_error));
      BOOST_TEST(decoder.error_offset() <= r.json.size());
    }
  }
}

// Every error but invalid_json is about valid JSON: invalid JSON later in the text wins.
BOOST_AUTO_TEST_CASE(invalid_json_after_another_error_takes_precedence) {
  for (const char* json : {R"({"Type":"Created","TYPE":"Linked"ked"})", R"({"Type":1,)",
                           R"({"Timestamp":"x","Type":"Created"} x)", R"({"a":1})" "\xff"}) {
    mc::notification_decoder decoder;
    mc::incident_notification n;
    BOOST_TEST((decoder.decode(json, n) == error::invalid_json), json);
    BOOST_TEST(decoder.error_key() == "");
    BOOST_TEST(!!decoder.json_error());
  }
  BOOST_TEST(samples::decode_outcome(R"({"x":1})") == (outcome{error::missing_key, "Type"}));
}

BOOST_AUTO_TEST_CASE(nesting_beyond_the_depth_limit_is_invalid_json) {
  mc::notification_decoder::options o;
  o.max_depth = 4;
  mc::notification_decoder decoder(o);
  mc::incident_notification n;
  BOOST_TEST(!decoder.decode(samples::with(samples::state_changed, "Deep", "[[[1]]]"), n));
  BOOST_TEST((decoder.decode(samples::with(samples::state_changed, "Deep", "[[[[1]]]]"), n) ==
              error::invalid_json));
  BOOST_TEST(decoder.error_key() == "Deep");
  BOOST_TEST((decoder.json_error() == eventwire::json::error::depth_exceeded));
}

BOOST_AUTO_TEST_CASE(an_error_clears_with_the_next_success) {
  mc::notification_decoder decoder;
  mc::incident_notification n;
  BOOST_TEST(!!decoder.decode("{}", n));
  BOOST_TEST(decoder.error_key() == "Type");
  BOOST_TEST(decoder.describe_error() == "required key is missing at \"Type\" at offset 2");
  BOOST_TEST(!decoder.decode(samples::state_changed, n));
  BOOST_TEST(decoder.error_key() == "");
  BOOST_TEST(!decoder.json_error());
  BOOST_TEST(decoder.describe_error() == "no error");
}

BOOST_AUTO_TEST_SUITE_END()
