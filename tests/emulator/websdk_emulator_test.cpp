// The Web SDK emulator over real sockets with a plain HTTP client: credentials, subscriptions,
// the 301 hand-off and the stream's wire form, RaiseEvent, the /alarm operations, closeconnection
// and generated traffic.

#include "websdk_emulator_testing.hpp"

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>

namespace {

using namespace eventwire::testing::websdk;

}  // namespace

BOOST_AUTO_TEST_SUITE(websdk_emulator)

BOOST_AUTO_TEST_CASE(wrong_credentials_get_401) {
  emulator_fixture f;
  run(f.io, [&]() -> asio::awaitable<void> {
    api wrong(f.io, *f.emu, "admin;eventwire:nope");
    auto res = co_await wrong.get("/events/subscribed");
    BOOST_TEST(res.result_int() == 401u);
    BOOST_TEST(res[http::field::www_authenticate] == "Basic realm=\"WebSdk\"");
    BOOST_TEST(res.body().find("\"Status\":\"Fail\"") != std::string::npos);
    api other_app(f.io, *f.emu, "admin;other:admin");
    res = co_await other_app.get("/events/subscribed");
    BOOST_TEST(res.result_int() == 401u);
    api right(f.io, *f.emu);
    res = co_await right.get("/events/subscribed");
    BOOST_TEST(res.result_int() == 200u);
    BOOST_TEST(res.body() == R"({"Rsp":{"Status":"Ok","Result":[]}})");
    BOOST_TEST(f.emu->unauthorized_requests() == 2u);
  }());
}

BOOST_AUTO_TEST_CASE(refuse_status_answers_every_api_request_until_cleared) {
  emulator_fixture f;
  run(f.io, [&]() -> asio::awaitable<void> {
    api a(f.io, *f.emu);
    f.emu->set_faults({.refuse_status = 503});
    auto res = co_await a.get("/events/subscribed");
    BOOST_TEST(res.result_int() == 503u);
    BOOST_TEST(res[http::field::retry_after] == "1");
    f.emu->set_faults({.refuse_status = 429});
    res = co_await a.get("/events");
    BOOST_TEST(res.result_int() == 429u);
    f.emu->set_faults({});
    res = co_await a.get("/events/subscribed");
    BOOST_TEST(res.result_int() == 200u);
  }());
}

// A proxy in front of the streaming port: the 301 names the advertised port, and events raised
// with extra members carry them.
BOOST_AUTO_TEST_CASE(the_redirect_names_the_advertised_streaming_port) {
  auto options = emulator_fixture::quiet();
  options.advertised_streaming_port = 1;  // nothing listens there: only the Location is checked
  emulator_fixture f(options);
  run(f.io, [&]() -> asio::awaitable<void> {
    // A plain request: the client would follow the 301.
    asio::ip::tcp::socket socket(f.io);
    co_await socket.async_connect({asio::ip::make_address("127.0.0.1"), f.emu->api_port()}, asio::use_awaitable);
    http::request<http::empty_body> req(http::verb::get, "/WebSdk/events", 11);
    req.set(http::field::host, "127.0.0.1");
    req.set(http::field::authorization, basic("admin;eventwire:admin"));
    co_await http::async_write(socket, req, asio::use_awaitable);
    boost::beast::flat_buffer buffer;
    http::response<http::string_body> res;
    co_await http::async_read(socket, buffer, res, asio::use_awaitable);
    BOOST_TEST(res.result_int() == 301u);
    BOOST_TEST(std::string(res[http::field::location]).substr(0, 23) == "http://127.0.0.1:1/WebS");
  }());
}

BOOST_AUTO_TEST_CASE(raised_events_carry_extra_members) {
  emulator_fixture f;
  auto& emu = *f.emu;
  run(f.io, [&]() -> asio::awaitable<void> {
    subscribed_stream c(f.io, emu);
    co_await c.open("/events/subscribe?q=event(Camera,CameraMotion)");
    BOOST_TEST(emu.raise_event("CameraMotion", emu.find("Camera", 1)->guid, R"("Sequence":"fwseq-7")") == 1u);
    std::string seen;
    co_await read_until(c.stream, seen, "fwseq-7");
    BOOST_TEST(seen.find(R"("RelatedEntities":[")" + emu.find("Camera", 1)->guid + R"("],"Sequence":"fwseq-7"})") !=
               std::string::npos);
  }());
}

BOOST_AUTO_TEST_CASE(subscriptions_by_guid_logical_id_and_type) {
  emulator_fixture f;
  auto& emu = *f.emu;
  run(f.io, [&]() -> asio::awaitable<void> {
    api a(f.io, emu);
    const std::string camera1 = emu.find("Camera", 1)->guid;
    auto res = co_await a.get("/events/subscribe?q=event(" + camera1 +
                              ",CameraMotion),event(LogicalID(Door,2),AccessGranted),event(Cardholder,CardholderAccessGranted)");
    BOOST_TEST(res.body() == R"({"Rsp":{"Status":"Ok"}})");
    BOOST_TEST(emu.subscriptions().size() == 3u);
    res = co_await a.get("/events/subscribed");
    const std::string door2 = emu.find("Door", 2)->guid;
    BOOST_TEST(res.body().find(R"({"EventType":"CameraMotion","Entities":[")" + camera1 + "\"]}") != std::string::npos);
    BOOST_TEST(res.body().find(R"({"EventType":"AccessGranted","Entities":[")" + door2 + "\"]}") != std::string::npos);
    res = co_await a.get("/events/unsubscribe?q=event(LogicalID(Door,2),AccessGranted)");
    BOOST_TEST(emu.subscriptions().size() == 2u);
    res = co_await a.get("/events/subscribe?q=event(Camera");
    BOOST_TEST(res.body().find("\"Status\":\"Fail\"") != std::string::npos);
  }());
}

BOOST_AUTO_TEST_CASE(stream_hand_off_wire_form_events_and_closeconnection) {
  emulator_fixture f;
  auto& emu = *f.emu;
  run(f.io, [&]() -> asio::awaitable<void> {
    api a(f.io, emu);
    co_await a.get("/events/subscribe?q=event(Camera,CameraMotion)");
    // GET /events answers 301 to the streaming port, with the session id.
    net::http_response_stream s(f.io.get_executor());
    BOOST_REQUIRE(!co_await a.open_stream(s));
    BOOST_TEST(s.final_url().port == emu.streaming_port());
    BOOST_TEST(s.final_url().path.substr(0, 35) == "/WebSdk/streaming/events/sessionid=");
    BOOST_TEST(s.status() == 200u);
    BOOST_TEST(s.header().version() == 10u);
    BOOST_TEST(s.header()["Expires"] == "Thu, 1 Jan 1998 00:00:00 GMT");
    BOOST_TEST(s.header()[http::field::content_type] == "multipart/mixed; boundary=--GENETECBOUNDARY");
    const std::string connection_id(s.header()["ConnectionId"]);
    BOOST_TEST(connection_id.size() == 36u);
    BOOST_TEST(co_await emu.wait_until([&] { return emu.open_streams() == 1; }));

    auto res = co_await a.post("/events/RaiseEvent/CameraMotion/LogicalID(Camera,2)");
    BOOST_TEST(res.body() == R"({"Rsp":{"Status":"Ok"}})");
    std::string seen;
    co_await read_until(s, seen, "\"Type\":\"CameraMotion\"");
    BOOST_TEST(seen.substr(0, 46) == "--GENETECBOUNDARY\r\nContent-type: text/json\r\n\r\n");
    BOOST_TEST(seen.find(R"({"Rsp":{"Status":"Ok","Result":{"Event":{)") != std::string::npos);
    BOOST_TEST(seen.find("\"SourceGuid\":\"" + emu.find("Camera", 2)->guid + "\"") != std::string::npos);
    co_await read_until(s, seen, "\r\n--GENETECBOUNDARY\r\nKeepAlive\r\n");  // heartbeats while idle

    res = co_await a.post("/events/closeconnection/" + connection_id);
    BOOST_TEST(res.body() == R"({"Rsp":{"Status":"Ok"}})");
    char buffer[256];
    std::error_code ec;
    while (!ec) {
      auto [read_error, n] = co_await s.read_some(asio::buffer(buffer));
      ec = read_error;
    }
    BOOST_TEST(ec == net::error::end_of_body);
    BOOST_TEST(emu.connections_closed() == 1u);
    BOOST_TEST(emu.open_streams() == 0u);
    res = co_await a.post("/events/closeconnection/" + connection_id);
    BOOST_TEST(res.body().find("unknown connection") != std::string::npos);
  }());
}

BOOST_AUTO_TEST_CASE(unknown_session_id_on_the_streaming_port_is_404) {
  emulator_fixture f;
  run(f.io, [&]() -> asio::awaitable<void> {
    net::http_client c(f.io.get_executor());
    net::url u;
    BOOST_REQUIRE(!net::parse_url("http://127.0.0.1:" + std::to_string(f.emu->streaming_port()) +
                                      "/WebSdk/streaming/events/sessionid=nope",
                                  u));
    auto [ec, res] = co_await c.get(u);
    BOOST_TEST(!ec);
    BOOST_TEST(res.result_int() == 404u);
  }());
}

BOOST_AUTO_TEST_CASE(alarm_operations) {
  emulator_fixture f;
  auto& emu = *f.emu;
  const std::string alarm = "c319de11-3fb9-4c42-b4ee-1745c7287799";
  run(f.io, [&]() -> asio::awaitable<void> {
    api a(f.io, emu);
    const std::string door = emu.find("Door", 1)->guid;
    auto res = co_await a.get(alarm_q("TriggerAlarm({" + alarm + "},{" + door +
                                      "},DynamicAlarmContent(Server room breach){Priority=200})"));
    BOOST_TEST(res.body() == R"({"Rsp":{"Status":"Ok","Result":{"alarminstanceid":1}}})");
    res = co_await a.get(alarm_q("TriggerAlarm({" + alarm + "})"));
    BOOST_TEST(res.body() == R"({"Rsp":{"Status":"Ok","Result":{"alarminstanceid":2}}})");
    BOOST_REQUIRE(emu.active_alarms().size() == 2u);
    BOOST_TEST(emu.active_alarms()[0].context == "Server room breach");
    BOOST_TEST(emu.active_alarms()[0].priority == 200);

    res = co_await a.get(alarm_q("IsActive({" + alarm + "})"));
    BOOST_TEST(res.body() == R"({"Rsp":{"Status":"Ok","Result":{"IsActive":true}}})");
    res = co_await a.get("/activealarms");
    BOOST_TEST(res.body().find("<Context>Server room breach</Context>") != std::string::npos);
    res = co_await a.get(alarm_q("GetActiveAlarms()"));
    BOOST_TEST(res.body().find(R"("DynamicContext":"Server room breach")") != std::string::npos);
    res = co_await a.get(alarm_q("InvestigateAlarm(1,{" + alarm + "})"));
    BOOST_TEST(res.body() == R"({"Rsp":{"Status":"Ok","Result":{}}})");
    res = co_await a.get(alarm_q("ForwardAlarm(1,{00000000-0000-0000-0000-000000000003})"));
    BOOST_TEST(res.body() == R"({"Rsp":{"Status":"Ok","Result":{}}})");
    res = co_await a.get(alarm_q("EditAlarmContext(1,{" + alarm + "},Investigation complete)"));
    BOOST_TEST(emu.active_alarms()[0].context == "Investigation complete");
    res = co_await a.get(alarm_q("AcknowledgeAlarm(1,{" + alarm + "},Ack)"));
    BOOST_TEST(res.body() == R"({"Rsp":{"Status":"Ok","Result":{"Acknowledged":true}}})");
    BOOST_TEST(emu.active_alarms().size() == 1u);
    res = co_await a.get(alarm_q("AcknowledgeAlarm(99,Ack)"));
    BOOST_TEST(res.body() == R"({"Rsp":{"Status":"Fail","Result":{"Message":"unknown alarm instance 99"}}})");
    res = co_await a.get(alarm_q("ForceAcknowledgeAllAlarms()"));
    BOOST_TEST(emu.active_alarms().empty());
    res = co_await a.get(alarm_q("IsActive({" + alarm + "})"));
    BOOST_TEST(res.body() == R"({"Rsp":{"Status":"Ok","Result":{"IsActive":false}}})");
    res = co_await a.get(alarm_q("Explode()"));
    BOOST_TEST(res.body().find("unknown alarm method Explode") != std::string::npos);
  }());
}

BOOST_AUTO_TEST_CASE(the_stream_backlog_counts_what_is_queued_and_being_written) {
  emulator_fixture f;
  auto& emu = *f.emu;
  run(f.io, [&]() -> asio::awaitable<void> {
    subscribed_stream c(f.io, emu);
    co_await c.open("/events/subscribe?q=event(Camera,CameraMotion)");
    BOOST_TEST(emu.largest_stream_backlog() == 0u);
    // About 8 MB for a client that reads nothing yet: more than the socket buffers take.
    const std::string guid = emu.find("Camera", 1)->guid;
    constexpr int events = 10'000;
    for (int i = 0; i < events; ++i) BOOST_REQUIRE(emu.raise_event("CameraMotion", guid, R"("Sequence":"b)" + std::to_string(i) + "\"") == 1u);
    BOOST_TEST(emu.largest_stream_backlog() > 64u * 1024);  // queued
    // The first part reaching the client means the stream's writer has taken the whole queue into
    // one write, which cannot finish before the client reads on: still counted, now as written.
    std::string seen;
    co_await read_until(c.stream, seen, R"("Sequence":"b0")");
    BOOST_TEST(emu.largest_stream_backlog() > 64u * 1024);
    co_await read_until(c.stream, seen, "\"Sequence\":\"b" + std::to_string(events - 1) + "\"");
    BOOST_TEST(co_await emu.wait_until([&] { return emu.largest_stream_backlog() == 0; }));
  }());
}

BOOST_AUTO_TEST_CASE(generated_traffic_at_a_rate_and_count) {
  auto options = emulator_fixture::quiet();
  options.generate_interval = 5ms;
  options.generate_count = 6;
  options.cameras = options.doors = options.cardholders = 1;
  emulator_fixture f(options);
  auto& emu = *f.emu;
  run(f.io, [&]() -> asio::awaitable<void> {
    api a(f.io, emu);
    co_await a.get("/events/subscribe?q=event(Camera,CameraMotion),event(Camera,CameraMotionOff),"
                   "event(Door,AccessGranted),event(Door,DoorOpened),event(Cardholder,CardholderAccessGranted),"
                   "event(Cardholder,CardholderAccessRefused)");
    net::http_response_stream s(f.io.get_executor());
    BOOST_REQUIRE(!co_await a.open_stream(s));
    // Six events, in turn from cameras, doors and cardholders, once the stream is open.
    BOOST_TEST(co_await emu.wait_until([&] { return emu.parts_sent() == 6; }, 5s));
    std::string seen;
    co_await read_until(s, seen, "CardholderAccessGranted");
    BOOST_TEST(seen.find("\"EventType\":\"CameraMotion\"") != std::string::npos);
    BOOST_TEST(seen.find("\"EventType\":\"AccessGranted\"") != std::string::npos);
    BOOST_TEST(!co_await emu.wait_until([&] { return emu.parts_sent() > 6; }, 200ms));
  }());
  BOOST_TEST(f.emu->entities().size() == 3u);
}

BOOST_AUTO_TEST_SUITE_END()
