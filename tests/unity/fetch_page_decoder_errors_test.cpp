#include "samples.hpp"

#include <eventwire/json/error.hpp>
#include <eventwire/unity/error.hpp>
#include <eventwire/unity/fetch_page_decoder.hpp>

#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

namespace unity = eventwire::unity;
namespace samples = unity_samples;
using samples::decode_exact;
using samples::outcome;
using unity::error;

namespace {

outcome expect(error e, const std::string& path) { return {e, path}; }

const std::string_view page = samples::seed_page;
constexpr const char* wts = "Notifications[0].WtsUrlActionEvent";
constexpr const char* file = "Notifications[1].EndpointFileDetectionEvent";

std::string replaced(std::string_view json, std::string_view what, std::string_view by) {
  std::string out(json);
  out.replace(out.find(what), what.size(), by);
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(unity_fetch_page_decoder_errors)

BOOST_AUTO_TEST_CASE(every_missing_required_key_is_named) {
  const std::string timestamp = std::string(file) + ".Timestamp";
  for (const std::string path :
       {"SubscriptionId", "Count", "MoreAvailable", "Notifications", "Notifications[0].EventType",
        "Notifications[0].EventObjectName", "Notifications[1].UnityAPIEventId", timestamp.c_str()}) {
    const std::string json = samples::without(page, path);
    BOOST_TEST_CONTEXT(json) { BOOST_TEST(decode_exact(json) == expect(error::missing_key, path)); }
  }
}

BOOST_AUTO_TEST_CASE(a_missing_or_null_next_position_has_its_own_code) {
  BOOST_TEST(decode_exact(samples::without(page, "NextPosition")) ==
             expect(error::missing_next_position, "NextPosition"));
  BOOST_TEST(decode_exact(samples::with(page, "NextPosition", "null")) ==
             expect(error::missing_next_position, "NextPosition"));
  BOOST_TEST(decode_exact(samples::with(page, "NextPosition", "\"\"")) ==
             expect(error::empty_position, "NextPosition"));
}

BOOST_AUTO_TEST_CASE(a_missing_event_object_names_the_member_looked_for) {
  BOOST_TEST(decode_exact(samples::without(page, wts)) == expect(error::missing_event_object, wts));
  // Named differently from the member that is there.
  BOOST_TEST(decode_exact(samples::with(page, "Notifications[1].EventObjectName", "\"Other\"")) ==
             expect(error::missing_event_object, "Notifications[1].Other"));
  // A known key is never the event object, even when EventObjectName names it.
  BOOST_TEST(
      decode_exact(samples::with(page, "Notifications[0].EventObjectName", "\"EventType\"")) ==
      expect(error::missing_event_object, "Notifications[0].EventType"));
  // The event object came first, under another name.
  std::string first(R"({"X":{"Timestamp":"2022-11-29T10:32:07Z"},"EventType":"A",)"
                    R"("EventObjectName":"E","UnityAPIEventId":"i"})");
  const std::string json = samples::with(page, "Notifications[0]", first);
  BOOST_TEST(decode_exact(json) == expect(error::missing_event_object, "Notifications[0].E"));
}

BOOST_AUTO_TEST_CASE(a_count_that_disagrees_with_the_notifications) {
  for (const char* count : {"0", "1", "3", "1000"}) {
    const std::string json = samples::with(page, "Count", count);
    BOOST_TEST_CONTEXT(json) { BOOST_TEST(decode_exact(json) == expect(error::count_mismatch, "Count")); }
  }
  BOOST_TEST(decode_exact(samples::with(samples::empty_page, "Count", "1")) ==
             expect(error::count_mismatch, "Count"));
  unity::fetch_page_decoder decoder;
  unity::fetch_page out;
  const std::string json = samples::with(page, "Count", "5");
  BOOST_TEST((decoder.decode(json, out) == error::count_mismatch));
  BOOST_TEST(json.substr(decoder.error_offset(), 2) == "5,");
}

BOOST_AUTO_TEST_CASE(every_wrong_type_is_named) {
  const std::string timestamp = std::string(file) + ".Timestamp";
  std::vector<std::pair<std::string, std::vector<const char*>>> rows;
  for (const std::string path :
       {"SubscriptionId", "NextPosition", "Notifications[0].EventType",
        "Notifications[1].EventObjectName", "Notifications[0].UnityAPIEventId", timestamp.c_str()})
    rows.push_back({path, {"1", "true", "{}", "[\"x\"]", "-0.5"}});
  rows.push_back({"Count", {"\"2\"", "2.0", "-2", "true", "1e0", "99999999999999999999", "[]"}});
  rows.push_back({"MoreAvailable", {"\"false\"", "0", "{}", "[]"}});
  rows.push_back({"Notifications", {"{}", "\"x\"", "7", "true"}});
  rows.push_back({"Notifications[1]", {"\"x\"", "1", "[]", "false"}});
  rows.push_back({wts, {"\"x\"", "1", "[]", "false"}});
  for (auto& [path, values] : rows) {
    if (path != "NextPosition") values.push_back("null");
    for (const char* value : values) {
      const std::string json = samples::with(page, path, value);
      BOOST_TEST_CONTEXT(json) { BOOST_TEST(decode_exact(json) == expect(error::wrong_type, path)); }
    }
  }
}

BOOST_AUTO_TEST_CASE(a_wrong_type_reports_the_json_error_behind_it) {
  unity::fetch_page_decoder decoder;
  unity::fetch_page out;
  BOOST_TEST((decoder.decode(samples::with(page, wts, "[]"), out) == error::wrong_type));
  BOOST_TEST((decoder.json_error() == eventwire::json::error::expected_object));
  BOOST_TEST(decoder.describe_error() ==
             "value has the wrong type at Notifications[0].WtsUrlActionEvent (expected a JSON "
             "object) at offset " +
                 std::to_string(decoder.error_offset()));
  const std::string json = samples::with(page, "Count", "2.5");
  BOOST_TEST((decoder.decode(json, out) == error::wrong_type));
  BOOST_TEST(json.substr(decoder.error_offset(), 3) == "2.5");
}

BOOST_AUTO_TEST_CASE(invalid_timestamps) {
  const std::string timestamp = std::string(wts) + ".Timestamp";
  for (const char* value : {R"("")", R"("yesterday")", R"("2022-02-30T00:00:00Z")",
                            R"("2022-11-29")", R"("2022-11-29T10:33:06.9036303Z ")"}) {
    const std::string json = samples::with(page, timestamp, value);
    BOOST_TEST_CONTEXT(json) {
      BOOST_TEST(decode_exact(json) == expect(error::invalid_timestamp, timestamp));
      unity::fetch_page_decoder decoder;
      unity::fetch_page out;
      decoder.decode(json, out);
      BOOST_TEST(json.substr(decoder.error_offset(), std::string_view(value).size()) == value);
    }
  }
}

BOOST_AUTO_TEST_CASE(a_key_given_twice_is_an_error_in_any_case) {
  BOOST_TEST(decode_exact(replaced(page, "\"Count\":2,", "\"Count\":2,\"Count\":2,")) ==
             expect(error::duplicate_key, "Count"));
  BOOST_TEST(decode_exact(replaced(page, "\"Count\":2,", "\"Count\":2,\"count\":2,")) ==
             expect(error::duplicate_key, "Count"));
  BOOST_TEST(decode_exact(replaced(page, "\"EventType\":\"Endpoint",
                                   "\"EVENTTYPE\":\"x\",\"EventType\":\"Endpoint")) ==
             expect(error::duplicate_key, "Notifications[1].EventType"));
  BOOST_TEST(decode_exact(replaced(page, "{\"Timestamp\"", "{\"timestamp\":\"2022-11-29T10:32:07Z\",\"Timestamp\"")) ==
             expect(error::duplicate_key, std::string(wts) + ".Timestamp"));
}

BOOST_AUTO_TEST_CASE(an_event_object_given_twice_is_an_error_wherever_it_stands) {
  const std::string event = R"({"Timestamp":"2022-11-29T10:32:07Z"})";
  const std::string name = R"("EventObjectName":"E")";
  const std::string rest = R"("EventType":"A","UnityAPIEventId":"i")";
  const std::vector<std::string> notifications = {
      "{" + rest + "," + name + ",\"E\":" + event + ",\"e\":" + event + "}",   // both after
      "{" + rest + ",\"E\":" + event + ",\"e\":" + event + "," + name + "}",   // both before
      "{" + rest + ",\"E\":" + event + "," + name + ",\"e\":" + event + "}",   // around
  };
  for (const std::string& n : notifications) {
    const std::string json = samples::with(page, "Notifications[1]", n);
    BOOST_TEST_CONTEXT(json) {
      BOOST_TEST(decode_exact(json) == expect(error::duplicate_key, "Notifications[1].E"));
    }
  }
}

BOOST_AUTO_TEST_CASE(errors_inside_an_event_that_came_before_its_name_are_named_and_placed) {
  const std::string n = R"({"E":{"Timestamp":"2022-13-01T00:00:00Z"},"EventType":"A",)"
                        R"("EventObjectName":"E","UnityAPIEventId":"i"})";
  const std::string json = samples::with(page, "Notifications[1]", n);
  unity::fetch_page_decoder decoder;
  unity::fetch_page out;
  BOOST_TEST((decoder.decode(json, out) == error::invalid_timestamp));
  BOOST_TEST(decoder.error_path() == "Notifications[1].E.Timestamp");
  BOOST_TEST(json.substr(decoder.error_offset(), 12) == "\"2022-13-01T");
  const std::string not_object = samples::with(
      page, "Notifications[1]",
      R"({"E":[1],"EventType":"A","EventObjectName":"E","UnityAPIEventId":"i"})");
  BOOST_TEST(decode_exact(not_object) == expect(error::wrong_type, "Notifications[1].E"));
  BOOST_TEST(decode_exact(samples::with(
                 page, "Notifications[1]",
                 R"({"E":{},"EventType":"A","EventObjectName":"E","UnityAPIEventId":"i"})")) ==
             expect(error::missing_key, "Notifications[1].E.Timestamp"));
}

BOOST_AUTO_TEST_CASE(invalid_json_under_an_unknown_key_names_that_key) {
  BOOST_TEST(decode_exact(R"({"zz":[1,}"})") == expect(error::invalid_json, "zz"));
  BOOST_TEST(decode_exact(R"({"Notifications":[{"":[0e+]}]})") ==
             expect(error::invalid_json, R"(Notifications[0]."")"));
}

BOOST_AUTO_TEST_CASE(the_document_must_be_an_object) {
  for (const char* json : {"[]", "\"x\"", "1", "null", "true"})
    BOOST_TEST(decode_exact(json) == expect(error::wrong_type, ""), json);
}

BOOST_AUTO_TEST_CASE(invalid_json_names_where_it_broke_and_why) {
  using eventwire::json::error;
  struct row {
    std::string json;
    const char* path;
    error json_error;
  };
  const row rows[] = {
      {"", "", error::unexpected_end},
      {"{", "", error::unexpected_end},
      {"{\"Count\" 2}", "", error::unexpected_character},
      {replaced(page, "\"Count\"", "x\"Count\""), "", error::unexpected_character},
      {replaced(page, "MyComputer1", "My\x01"), "Notifications[0].WtsUrlActionEvent.HostName",
       error::control_character_in_string},
      {replaced(page, "\"BLOCK\"", "\"\\qBLOCK\""),
       "Notifications[0].WtsUrlActionEvent.BlockDetails", error::invalid_escape},
      {replaced(page, "\"WebThreatShield", "\"\xff"), "Notifications[0].EventType",
       error::invalid_utf8},
      {replaced(page, ":57,", ":-x,"), "Notifications[0].WtsUrlActionEvent.BlockDetails",
       error::invalid_number},
      {replaced(page, "\"MoreAvailable\":false", "\"MoreAvailable\":fals"), "MoreAvailable",
       error::unexpected_character},
      {std::string(page) + "}", "", error::trailing_data},
      {std::string(page) + " x", "", error::trailing_data},
  };
  for (const row& r : rows) {
    BOOST_TEST_CONTEXT(r.json) {
      unity::fetch_page_decoder decoder;
      unity::fetch_page out;
      BOOST_TEST((decoder.decode(r.json, out) == unity::error::invalid_json));
      BOOST_TEST(decoder.error_path() == r.path);
      BOOST_TEST((decoder.json_error() == r.json_error));
    }
  }
}

BOOST_AUTO_TEST_CASE(nesting_beyond_the_depth_limit_is_invalid_json) {
  unity::fetch_page_decoder decoder(unity::fetch_page_decoder::limits{.max_depth = 8});
  unity::fetch_page out;
  BOOST_TEST(!decoder.decode(page, out));  // the seed nests 4 deep
  const std::string deep = samples::with(page, std::string(wts) + ".Deep", "[[[[[1]]]]]");
  BOOST_TEST((decoder.decode(deep, out) == error::invalid_json));
  BOOST_TEST(decoder.error_path() == std::string(wts) + ".Deep");
  BOOST_TEST((decoder.json_error() == eventwire::json::error::depth_exceeded));
}

BOOST_AUTO_TEST_CASE(notifications_beyond_the_limit_are_an_error) {
  unity::fetch_page_decoder decoder(unity::fetch_page_decoder::limits{.max_notifications = 2});
  unity::fetch_page out;
  BOOST_TEST(!decoder.decode(page, out));
  BOOST_TEST((decoder.decode(samples::page_of(3), out) == error::too_many_notifications));
  BOOST_TEST(decoder.error_path() == "Notifications");
  BOOST_TEST((std::error_code(error::too_many_notifications) ==
              eventwire::codec::condition::limit_exceeded));
  BOOST_TEST(unity::fetch_page_decoder().configured_limits().max_notifications == 10000u);
}

// A truncated page is an error wherever it was cut, never a crash or an over-read.
BOOST_AUTO_TEST_CASE(every_prefix_of_a_valid_page_is_an_error) {
  const std::string reordered = samples::with(
      page, "Notifications[1]",
      R"({"E":{"Timestamp":"2022-11-29T10:32:07Z","x":[1,2]},"EventType":"A",)"
      R"("EventObjectName":"E","UnityAPIEventId":"i"})");
  for (std::string_view sample : {page, samples::empty_page, std::string_view(reordered)}) {
    for (std::size_t size = 0; size < sample.size(); ++size) {
      const outcome got = decode_exact(sample.substr(0, size));
      BOOST_TEST_CONTEXT("prefix of " << size << " bytes: " << sample.substr(0, size)) {
        BOOST_TEST((got.code == error::invalid_json));
      }
    }
    BOOST_TEST(!decode_exact(sample).code);
  }
}

BOOST_AUTO_TEST_CASE(an_error_clears_with_the_next_success) {
  unity::fetch_page_decoder decoder;
  unity::fetch_page out;
  BOOST_TEST(!!decoder.decode("{}", out));
  BOOST_TEST(decoder.error_path() == "SubscriptionId");
  BOOST_TEST(!decoder.decode(page, out));
  BOOST_TEST(decoder.error_path() == "");
  BOOST_TEST(!decoder.json_error());
  BOOST_TEST(decoder.describe_error() == "no error");
}

BOOST_AUTO_TEST_SUITE_END()
