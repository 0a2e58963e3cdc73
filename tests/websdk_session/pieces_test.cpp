// The event_stream's small pieces: its error texts, subscriptions from config text, and the part
// reader (ConnectionId line, splits, limits) without sockets.

#include "part_reader.hpp"

#include <eventwire/websdk/error.hpp>
#include <eventwire/websdk/stream_error.hpp>
#include <eventwire/websdk/stream_subscription.hpp>

#include <boost/test/unit_test.hpp>

#include <sstream>
#include <string>
#include <vector>

namespace {

using namespace eventwire::websdk;

const std::string event_json =
    R"({"Rsp":{"Status":"Ok","Result":{"EventType":"CameraMotion","SourceGuid":"00000001-0000-babe-0000-2bddb61cced4","Timestamp":"2026-03-15T11:05:44.3322672Z"}}})";
const std::string alarm_json =
    R"({"Rsp":{"Status":"Ok","Result":{"AlarmTriggered":{"AlarmGuid":"8f1f727f-38d9-41e9-ac4d-fe1d41a4a6da","InstanceId":18}}}})";

std::string part(const std::string& json) {
  return "Content-type: text/json\r\n\r\n" + json + "\r\n--GENETECBOUNDARY\r\n";
}

// What a reader makes of `input` fed in pieces of `step` bytes: one line per message or skip.
std::vector<std::string> read_all(const std::string& input, std::size_t step, bool first_line,
                                  std::string* id = nullptr, std::size_t max_part = 1024) {
  detail::part_reader reader({}, max_part);
  reader.reset("--GENETECBOUNDARY", first_line);
  stream_statistics stats;
  std::vector<std::string> out;
  const event_stream::message_handler on_message = [&](const stream_message& m, std::string_view) {
    std::ostringstream os;
    if (std::holds_alternative<event_notification>(m)) os << "event";
    if (std::holds_alternative<alarm_triggered>(m)) os << "alarm " << std::get<alarm_triggered>(m).instance_id;
    out.push_back(os.str());
  };
  const detail::part_reader::skip_callback on_skip = [&](std::error_code ec, std::string_view) {
    out.push_back("skipped " + ec.message());
  };
  for (std::size_t i = 0; i < input.size(); i += step) {
    const auto ec = reader.feed(std::string_view(input).substr(i, step), stats, on_message, on_skip);
    BOOST_TEST(!ec);
  }
  out.push_back("heartbeats " + std::to_string(stats.heartbeats));
  if (id && reader.connection_id()) *id = *reader.connection_id();
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(websdk_stream_pieces)

BOOST_AUTO_TEST_CASE(stream_error_messages) {
  const std::vector<std::pair<stream_error, std::string>> table = {
      {stream_error::stopped, "event stream stopped"},
      {stream_error::already_running, "the event stream is already running"},
      {stream_error::invalid_url, "the Web SDK URL is not a valid http or https URL"},
      {stream_error::unauthorized,
       "the Web SDK refused the credentials (401): check the user name, application id and password"},
      {stream_error::http_status, "the Web SDK answered with an HTTP status other than 200"},
      {stream_error::call_failed, "the Web SDK answered the call with a status other than Ok"},
      {stream_error::not_a_stream, "GET /events did not answer a multipart/mixed event stream"},
      {stream_error::part_too_large, "an event stream part is larger than max_part_size; it was skipped"},
      {stream_error::part_not_json, "an event stream part is not text/json; it was skipped"},
      {stream_error::stream_ended, "the Web SDK ended the event stream"},
      {stream_error::reconnect_gave_up, "gave up reconnecting: the reconnect policy is exhausted"},
      {stream_error::no_subscriptions, "no event subscription given"},
  };
  for (const auto& [e, text] : table) {
    BOOST_TEST(make_error_code(e).message() == text);
    std::ostringstream os;
    os << e;
    BOOST_TEST(os.str() == text);
  }
  BOOST_TEST(std::string(stream_error_category().name()) == "eventwire.websdk.stream");
  BOOST_TEST((make_error_code(stream_error::stopped) == std::errc::operation_canceled));
  BOOST_TEST((make_error_code(stream_error::unauthorized) == std::errc::permission_denied));
}

BOOST_AUTO_TEST_CASE(subscriptions_from_config_text) {
  stream_subscription s;
  BOOST_TEST(!parse_subscription("event(Camera,CameraMotion)", s));
  BOOST_TEST((s == stream_subscription::every("Camera", "CameraMotion")));
  BOOST_TEST(!parse_subscription("event(LogicalID(Door,1),AccessGranted)", s));
  BOOST_TEST((s == stream_subscription::logical("Door", 1, "AccessGranted")));
  BOOST_TEST(!parse_subscription(" event({78c5aaf7-3b1f-4cca-bbbf-73e3695c55ad},AccessGranted) ", s));
  BOOST_TEST((s == stream_subscription::entity("78c5aaf7-3b1f-4cca-bbbf-73e3695c55ad", "AccessGranted")));
  std::ostringstream os;
  os << s;
  BOOST_TEST(os.str() == "event(78c5aaf7-3b1f-4cca-bbbf-73e3695c55ad,AccessGranted)");

  BOOST_TEST(parse_subscription("Camera,CameraMotion", s) == error::invalid_name);
  BOOST_TEST(parse_subscription("event(Camera)", s) == error::invalid_name);
  BOOST_TEST(parse_subscription("event(Camera,Camera Motion)", s) == error::invalid_name);
  BOOST_TEST(parse_subscription("event(78c5aaf7-3b1f,AccessGranted)", s) == error::invalid_guid);
  BOOST_TEST(parse_subscription("event(LogicalID(Door,x),AccessGranted)", s) == error::out_of_range);
  BOOST_TEST((s == stream_subscription::entity("78c5aaf7-3b1f-4cca-bbbf-73e3695c55ad", "AccessGranted")));
}

BOOST_AUTO_TEST_CASE(reader_gives_the_same_messages_at_every_step) {
  const std::string input = "--GENETECBOUNDARY\r\n" + part(event_json) + "KeepAlive\r\n" + part(alarm_json) +
                            part("{not json") + part(event_json);
  const std::vector<std::string> expected = {"event", "alarm 18", "skipped invalid JSON", "event", "heartbeats 1"};
  const auto whole = read_all(input, input.size(), false);
  BOOST_TEST(whole.size() == expected.size());
  for (std::size_t step : {std::size_t{1}, std::size_t{2}, std::size_t{7}, std::size_t{64}}) {
    const auto pieces = read_all(input, step, false);
    BOOST_TEST(pieces == whole, boost::test_tools::per_element());
  }
  BOOST_TEST(whole[0] == expected[0]);
  BOOST_TEST(whole[1] == expected[1]);
  BOOST_TEST(whole[3] == expected[3]);
  BOOST_TEST(whole[4] == expected[4]);
}

BOOST_AUTO_TEST_CASE(reader_takes_a_first_connection_id_line) {
  const std::string input = "ConnectionId:f810a565-16cc-493c-8749-41ee8b999539\r\n--GENETECBOUNDARY\r\n" +
                            part(event_json);
  for (std::size_t step : {std::size_t{1}, std::size_t{5}, input.size()}) {
    std::string id;
    const auto out = read_all(input, step, true, &id);
    BOOST_TEST(id == "f810a565-16cc-493c-8749-41ee8b999539");
    BOOST_TEST(out == (std::vector<std::string>{"event", "heartbeats 0"}), boost::test_tools::per_element());
  }
  // Without such a line the first line is stream bytes.
  std::string id;
  const auto out = read_all("--GENETECBOUNDARY\r\n" + part(event_json), 3, true, &id);
  BOOST_TEST(id.empty());
  BOOST_TEST(out == (std::vector<std::string>{"event", "heartbeats 0"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(reader_skips_large_and_non_json_parts) {
  const std::string big = R"({"Rsp":{"Status":"Ok","Result":")" + std::string(2000, 'x') + R"("}})";
  const std::string input = "--GENETECBOUNDARY\r\n" + part(big) +
                            "Content-type: text/plain\r\n\r\nhello\r\n--GENETECBOUNDARY\r\n" +
                            part(R"({"Rsp":{"Status":"Fail","Result":"no"}})") + part(event_json);
  const auto out = read_all(input, 100, false, nullptr, 1024);
  const std::vector<std::string> expected = {
      "skipped an event stream part is larger than max_part_size; it was skipped",
      "skipped an event stream part is not text/json; it was skipped",
      "skipped the Web SDK answered the call with a status other than Ok", "event", "heartbeats 0"};
  BOOST_TEST(out == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_SUITE_END()
