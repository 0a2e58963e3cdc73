// The Genetec Web SDK event stream: `Content-Type: multipart/mixed; boundary=--GENETECBOUNDARY`,
// delimiter lines equal to the boundary itself, one text/json part per event, KeepAlive lines while
// idle. Genetec's sample client (WebSDKStudio/EventsMonitor.xaml.cs) reads the stream line by line,
// skips empty lines, so it does not depend on a blank line between headers and body, and skips
// `ConnectionId:<guid>` and KeepAlive lines wherever they come.

#include "render.hpp"

#include <eventwire/multipart/boundary.hpp>
#include <eventwire/multipart/part_assembler.hpp>
#include <eventwire/testing/split_check.hpp>

#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

namespace {

using namespace eventwire::multipart;
using eventwire::multipart::testing::genetec_boundary;
using eventwire::testing::check_all_splits;

// From the Web SDK documentation of the stream (shared/seeds/001).
const std::string event_json =
    R"json({"Rsp":{"Status":"Ok","Result":{"Event":{"Condition":"","VideoEncoderDevice":"00000000-0000-0000-0000-000000000000","SourceTimeZone":{"Id":"Singapore Standard Time","DisplayName":"(UTC+08:00) Kuala Lumpur, Singapore","StandardName":"Malay Peninsula Standard Time","DaylightName":"Malay Peninsula Daylight Time","BaseUtcOffset":"08:00:00","AdjustmentRules":null,"SupportsDaylightSavingTime":false},"EventName":2535,"Coordinates":null,"SourceEntity":"00000001-0000-babe-0000-2bddb61cced4","GroupId":"00000000-0000-0000-0000-000000000000","SourceEntityTypes":["Camera"],"Timestamp":"2026-03-15T11:05:44Z","OfflinePeriod":"None","Type":"CameraMotion","RelatedEntities":["00000001-0000-babe-0000-2bddb61cced4"]},"EventType":"CameraMotion","SourceGuid":"00000001-0000-babe-0000-2bddb61cced4","Timestamp":"2026-03-15T11:05:44.3322672Z","GroupId":"00000000-0000-0000-0000-000000000000"}}})json";
const std::string alarm_json =
    R"json({"Rsp":{"Status":"Ok","Result":{"AlarmTriggered":{"AlarmGuid":"8f1f727f-38d9-41e9-ac4d-fe1d41a4a6da","CreationTimestamp":"2026-03-15T11:17:23.7152364Z","InstanceId":18,"OfflinePeriod":"None","PropagationLevel":0,"HasSourceCondition":false,"SourceGuid":"00000001-0000-babe-0000-2bddb61cced4","SourceName":"GUSTAV Unit 10Mbps - Camera - 01","TriggerEvent":"ManualAction","TriggerTimestamp":"2026-03-15T11:17:23.7381299Z","DynamicAlarmContent":{"AttachedEntities":[],"Context":"Alarm with recipient","ForwardedRecipients":[],"Priority":0,"Urls":[]}}}}})json";

std::string quoted(const std::string& body) {
  std::string out = "body \"";
  for (char c : body) out += c == '"' ? std::string("\\\"") : std::string(1, c);
  return out + '"';
}

const std::string json_part = "part_begin {Content-type: text/json}";

}  // namespace

BOOST_AUTO_TEST_SUITE(multipart_genetec)

BOOST_AUTO_TEST_CASE(boundary_comes_from_the_content_type_header) {
  std::error_code ec;
  BOOST_TEST(parse_boundary("multipart/mixed; boundary=--GENETECBOUNDARY", ec) == genetec_boundary);
  BOOST_TEST(!ec);
}

BOOST_AUTO_TEST_CASE(events_alarms_and_keepalives_as_sent) {
  const std::string input = "--GENETECBOUNDARY\r\nContent-type: text/json\r\n\r\n" + event_json +
                            "\r\n--GENETECBOUNDARY\r\nKeepAlive\r\nContent-type: text/json\r\n\r\n" +
                            alarm_json + "\r\n--GENETECBOUNDARY\r\nKeepAlive\r\nKeepAlive\r\n";
  const std::vector<std::string> expected = {
      json_part, quoted(event_json), "part_end", "heartbeat \"KeepAlive\"",
      json_part, quoted(alarm_json), "part_end", "heartbeat \"KeepAlive\"",
      "heartbeat \"KeepAlive\""};
  const auto events = check_all_splits(input, testing::splitter_decoder(genetec_boundary));
  BOOST_TEST(events == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(connection_id_line_before_the_first_delimiter_is_skipped) {
  const std::string input =
      "ConnectionId:f810a565-16cc-493c-8749-41ee8b999539\r\nKeepAlive\r\n--GENETECBOUNDARY\r\n"
      "Content-type: text/json\r\n\r\n" + event_json + "\r\n--GENETECBOUNDARY\r\n";
  const std::vector<std::string> expected = {"heartbeat \"KeepAlive\"", json_part,
                                             quoted(event_json), "part_end"};
  const auto events = check_all_splits(input, testing::splitter_decoder(genetec_boundary));
  BOOST_TEST(events == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(json_right_after_the_header_without_a_blank_line) {
  const std::string input = "--GENETECBOUNDARY\nContent-type: text/json\n" + event_json +
                            "\n--GENETECBOUNDARY\nKeepAlive\nContent-type: text/json\n" +
                            alarm_json + "\n--GENETECBOUNDARY\n";
  const std::vector<std::string> expected = {json_part, quoted(event_json), "part_end",
                                             "heartbeat \"KeepAlive\"", json_part,
                                             quoted(alarm_json), "part_end"};
  const auto events = check_all_splits(input, testing::splitter_decoder(genetec_boundary));
  BOOST_TEST(events == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(keepalive_is_matched_without_regard_to_case) {
  const auto events = check_all_splits("--GENETECBOUNDARY\r\nKEEPALIVE\r\nkeepalive\n",
                                       testing::splitter_decoder(genetec_boundary));
  const std::vector<std::string> expected = {"heartbeat \"KEEPALIVE\"", "heartbeat \"keepalive\""};
  BOOST_TEST(events == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(the_standard_dash_dash_boundary_form_is_a_delimiter_too) {
  const auto events = check_all_splits(
      "----GENETECBOUNDARY\r\nContent-type: text/json\r\n\r\n{}\r\n----GENETECBOUNDARY--\r\n",
      testing::splitter_decoder(genetec_boundary));
  const std::vector<std::string> expected = {json_part, "body \"{}\"", "part_end", "close"};
  BOOST_TEST(events == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_line_that_only_starts_like_the_delimiter_stays_in_the_body) {
  const std::string body = "{\"a\":1}\r\n--GENETECBOUNDARYX\r\n--GENETECBOUNDARY-x\r\n"
                           "x--GENETECBOUNDARY\r\n --GENETECBOUNDARY\r\n--GENETECBOUNDAR";
  const auto events =
      check_all_splits("--GENETECBOUNDARY\r\nContent-type: text/json\r\n\r\n" + body +
                           "\r\n--GENETECBOUNDARY\r\n",
                       testing::splitter_decoder(genetec_boundary));
  const std::vector<std::string> expected = {
      json_part,
      "body \"{\\\"a\\\":1}\\r\\n--GENETECBOUNDARYX\\r\\n--GENETECBOUNDARY-x\\r\\n"
      "x--GENETECBOUNDARY\\r\\n --GENETECBOUNDARY\\r\\n--GENETECBOUNDAR\"",
      "part_end"};
  BOOST_TEST(events == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(delimiter_cut_across_two_inputs_with_a_whole_part_in_the_second) {
  const std::string first = "--GENETECBOUNDARY\r\nContent-type: text/json\r\n\r\n" + event_json +
                            "\r\n--GENETEC";
  const std::string second = "BOUNDARY\r\nContent-type: text/json\r\n\r\n" + alarm_json +
                             "\r\n--GENETECBOUNDARY\r\n";
  const std::size_t cut[] = {first.size()};
  const std::vector<std::string> events =
      testing::split_events(genetec_boundary, first + second, cut);
  const std::vector<std::string> expected = {json_part, quoted(event_json), "part_end",
                                             json_part, quoted(alarm_json), "part_end"};
  BOOST_TEST(events == expected, boost::test_tools::per_element());

  const std::vector<std::string> parts =
      testing::assembled_items(genetec_boundary, first + second, cut);
  BOOST_REQUIRE_EQUAL(parts.size(), 2u);
  BOOST_TEST(parts[0] == "part {Content-type: text/json}, " + quoted(event_json));
  BOOST_TEST(parts[1] == "part {Content-type: text/json}, " + quoted(alarm_json));
}

BOOST_AUTO_TEST_CASE(whole_parts_from_the_assembler_in_every_split) {
  const std::string input = "--GENETECBOUNDARY\r\nContent-type: text/json\r\n\r\n" + event_json +
                            "\r\n--GENETECBOUNDARY\r\nKeepAlive\r\nContent-type: text/json\r\n" +
                            alarm_json + "\r\n--GENETECBOUNDARY\r\n";
  const std::vector<std::string> expected = {
      "part {Content-type: text/json}, " + quoted(event_json), "heartbeat \"KeepAlive\"",
      "part {Content-type: text/json}, " + quoted(alarm_json)};
  const auto items = check_all_splits(input, testing::assembler_decoder(genetec_boundary));
  BOOST_TEST(items == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(events_end_where_their_bytes_end) {
  const std::string input =
      "--GENETECBOUNDARY\r\nContent-type: text/json\r\n\r\n{}\r\n--GENETECBOUNDARY\r\n"
      "KeepAlive\r\n--GENETECBOUNDARY--\r\nepilogue";
  const std::vector<std::string> expected = {
      json_part + " @46", "body \"{}\" @48", "part_end @69", "heartbeat \"KeepAlive\" @80",
      "close @101"};
  BOOST_TEST(testing::events_at_offsets(genetec_boundary, input) == expected,
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_SUITE_END()
