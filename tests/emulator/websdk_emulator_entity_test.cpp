// The Web SDK emulator's /entity calls, the several-instance and several-recipient /alarm forms
// and RaiseCustomEvent with its multipart/form-data payload, over real sockets with a plain HTTP
// client: the exact answers, and the refusals as Status Fail with the reason.

#include "websdk_emulator_testing.hpp"


namespace {

using namespace eventwire::testing::websdk;
namespace emulator = eventwire::emulator;

const std::string alarm1 = "c319de11-3fb9-4c42-b4ee-1745c7287799";
const std::string alarm2 = "8f1f727f-38d9-41e9-ac4d-fe1d41a4a6da";
const std::string admin(emulator::websdk_admin_guid);
const std::string operators(emulator::websdk_operators_guid);
const std::string system_entity = "00000000-0000-0000-0000-000000000007";

std::string ok(std::string_view result) { return R"({"Rsp":{"Status":"Ok","Result":)" + std::string(result) + "}}"; }
std::string fail(std::string_view message) {
  return R"({"Rsp":{"Status":"Fail","Result":{"Message":")" + std::string(message) + R"("}}})";
}

// curl -F 'payload={"orderId": "12345"};filename=payload'
const std::string curl_boundary = "------------------------d74496d66958873e";
const std::string curl_body = "--" + curl_boundary +
                              "\r\nContent-Disposition: form-data; name=\"payload\"; filename=\"payload\"\r\n"
                              "Content-Type: application/octet-stream\r\n\r\n"
                              "{\"orderId\": \"12345\"}\r\n--" +
                              curl_boundary + "--\r\n";

}  // namespace

BOOST_AUTO_TEST_SUITE(websdk_emulator_entity)

BOOST_AUTO_TEST_CASE(recipients_of_an_alarm) {
  emulator_fixture f;
  auto& emu = *f.emu;
  run(f.io, [&]() -> asio::awaitable<void> {
    api a(f.io, emu);
    const std::string on_alarm = "entity=" + alarm1 + ",";
    auto res = co_await a.get(entity_q(on_alarm + "IsRecipient(" + admin + ")"));
    BOOST_TEST(res.body() == ok(R"({"IsRecipient":true})"));
    res = co_await a.call(http::verb::post, entity_q(on_alarm + "Recipients.Add(" + operators + ",00:00:00)"));
    BOOST_TEST(res.body() == ok("{}"));
    res = co_await a.call(http::verb::post, entity_q(on_alarm + "Recipients.Add({" + admin + "},1.02:03:04)"));
    BOOST_TEST(res.body() == ok("{}"));
    BOOST_REQUIRE(emu.recipients(alarm1).value().size() == 2u);
    BOOST_TEST(emu.recipients(alarm1)->at(1).forward_delay == std::chrono::seconds(93784));
    // Several terms on one entity answer in one Result.
    res = co_await a.call(http::verb::post, entity_q(on_alarm + "Recipients.Remove(" + admin + "),IsRecipient(" +
                                                     admin + "),Recipients.Contains(" + admin + ")"));
    BOOST_TEST(res.body() == ok(R"({"IsRecipient":true,"Contains":true})"));
    res = co_await a.call(http::verb::post, entity_q(on_alarm + "Recipients.Clear(),IsRecipient(" + admin + ")"));
    BOOST_TEST(res.body() == ok(R"({"IsRecipient":false})"));
    BOOST_TEST(emu.recipients(alarm1).value().empty());
    BOOST_TEST(!emu.recipients(alarm2));

    // Refusals.
    res = co_await a.get(entity_q(on_alarm + "Recipients.Add(" + operators + ",00:00:00)"));
    BOOST_TEST(res.body() == fail("Recipients.Add changes the entity: use POST"));
    res = co_await a.call(http::verb::post, entity_q(on_alarm + "Recipients.Add(" + operators + ",5 minutes)"));
    BOOST_TEST(res.body() == fail("Recipients.Add needs a user or group GUID and a TimeSpan"));
    res = co_await a.get(entity_q(on_alarm + "IsRecipient(nobody)"));
    BOOST_TEST(res.body() == fail("IsRecipient needs a GUID"));
    res = co_await a.get(entity_q("entity=LogicalID(Door,1),IsRecipient(" + admin + ")"));
    BOOST_TEST(res.body() == fail("IsRecipient needs an alarm; " + emu.find("Door", 1)->guid + " is not one"));
    res = co_await a.get(entity_q(on_alarm + "Name"));
    BOOST_TEST(res.body() == fail("unknown property or method Name"));
    res = co_await a.get(entity_q(on_alarm + "IsRecipient(" + admin + "),entity=" + alarm2 + ",Name"));
    BOOST_TEST(res.body() == fail("unknown property or method Name"));
    res = co_await a.get(entity_q("IsRecipient(" + admin + ")"));
    BOOST_TEST(res.body().find("invalid entity query") != std::string::npos);
  }());
}

// entity=a,...,entity=b,...: each entity= names the entity of the terms after it; the answers
// share one Result, changes are applied in order and not rolled back.
BOOST_AUTO_TEST_CASE(several_entities_in_one_request) {
  emulator_fixture f;
  auto& emu = *f.emu;
  run(f.io, [&]() -> asio::awaitable<void> {
    api a(f.io, emu);
    auto res = co_await a.call(http::verb::post,
                               entity_q("entity=" + alarm1 + ",Recipients.Add(" + operators + ",00:00:00),entity=" +
                                        alarm2 + ",Recipients.Add(" + admin + ",00:01:00),Recipients.Contains(" +
                                        admin + ")"));
    BOOST_TEST(res.body() == ok(R"({"Contains":false})"));
    BOOST_REQUIRE(emu.recipients(alarm1).value().size() == 1u);
    BOOST_TEST(emu.recipients(alarm1)->at(0).guid == operators);
    BOOST_REQUIRE(emu.recipients(alarm2).value().size() == 1u);
    BOOST_TEST(emu.recipients(alarm2)->at(0).guid == admin);
    BOOST_TEST(emu.recipients(alarm2)->at(0).forward_delay == std::chrono::seconds(60));

    // Reads of different kinds on different entities: one Result with every member.
    res = co_await a.get(entity_q("entity=" + alarm1 + ",IsRecipient(" + admin + "),entity=LogicalID(Camera,1),SupportedEvents,entity=" +
                                  system_entity + ",CustomEvents"));
    BOOST_TEST(res.body().rfind(R"({"Rsp":{"Status":"Ok","Result":{"IsRecipient":true,"SupportedEvents":[)", 0) == 0u,
               res.body());
    BOOST_TEST(res.body().find(R"(],"CustomEvents":[]}}})") != std::string::npos, res.body());

    // Refusals: the same member from two entities, an entity= without terms, an unknown entity;
    // what ran before a refusal stays applied.
    res = co_await a.get(entity_q("entity=" + alarm1 + ",IsRecipient(" + admin + "),entity=" + alarm2 +
                                  ",IsRecipient(" + admin + ")"));
    BOOST_TEST(res.body() == fail("two terms answer IsRecipient: ask them in separate requests"));
    res = co_await a.get(entity_q("entity=" + alarm1 + ",IsRecipient(" + admin + "),entity=" + alarm2));
    BOOST_TEST(res.body() == fail("invalid entity query: entity=" + alarm2 + " has no term"));
    res = co_await a.get(entity_q("entity=" + alarm1 + ",entity=" + alarm2 + ",IsRecipient(" + admin + ")"));
    BOOST_TEST(res.body() == fail("invalid entity query: entity=" + alarm1 + " has no term"));
    res = co_await a.call(http::verb::post, entity_q("entity=" + alarm1 + ",Recipients.Clear(),entity=LogicalID(Camera,99),SupportedEvents"));
    BOOST_TEST(res.body() == fail("unknown entity LogicalID(Camera,99)"));
    BOOST_TEST(emu.recipients(alarm1).value().empty());
  }());
}

BOOST_AUTO_TEST_CASE(supported_events_and_the_custom_event_registry) {
  emulator_fixture f;
  auto& emu = *f.emu;
  run(f.io, [&]() -> asio::awaitable<void> {
    api a(f.io, emu);
    auto res = co_await a.get(entity_q("entity=LogicalID(Camera,2),SupportedEvents"));
    BOOST_TEST(res.body() == ok(R"({"SupportedEvents":["CameraMotion","CameraMotionOff"]})"));
    res = co_await a.call(http::verb::post,
                          entity_q("entity=" + system_entity + ",CustomEvents.Add(12346,Temperature Alert High,Camera)"));
    BOOST_TEST(res.body() == ok("{}"));
    BOOST_TEST(a.client.last_url().to_string().find("Temperature%20Alert%20High") != std::string::npos);
    res = co_await a.get(entity_q("entity=" + system_entity + ",CustomEvents"));
    BOOST_TEST(res.body() == ok(R"({"CustomEvents":[{"Id":12346,"LocalCustomEvent":true,"Name":"Temperature Alert High",)"
                                R"("SourceEntityType":"Camera","Owner":")" + admin + R"("}]})"));
    res = co_await a.get(entity_q("entity=LogicalID(Camera,1),SupportedCustomEvents,SupportedEvents"));
    BOOST_TEST(res.body() == ok(R"({"SupportedCustomEvents":[{"Id":12346,"LocalCustomEvent":true,)"
                                R"("Name":"Temperature Alert High","SourceEntityType":"Camera",)"
                                R"("Owner":"00000000-0000-0000-0000-000000000000"}],)"
                                R"("SupportedEvents":["CameraMotion","CameraMotionOff"]})"));
    res = co_await a.get(entity_q("entity=LogicalID(Door,1),SupportedCustomEvents"));
    BOOST_TEST(res.body() == ok(R"({"SupportedCustomEvents":[]})"));
    res = co_await a.call(http::verb::post, entity_q("entity=" + system_entity + ",CustomEvents-12346"));
    BOOST_TEST(res.body() == ok("{}"));
    BOOST_TEST(emu.custom_events().empty());

    res = co_await a.call(http::verb::post, entity_q("entity=" + system_entity + ",CustomEvents-12346"));
    BOOST_TEST(res.body() == fail("unknown custom event 12346"));
    res = co_await a.call(http::verb::post, entity_q("entity=" + system_entity + ",CustomEvents-x"));
    BOOST_TEST(res.body() == fail("invalid custom event id in CustomEvents-x"));
    res = co_await a.get(entity_q("entity=" + system_entity + ",CustomEvents.Add(1,A,Camera)"));
    BOOST_TEST(res.body() == fail("CustomEvents.Add changes the entity: use POST"));
    res = co_await a.call(http::verb::post, entity_q("entity=" + system_entity + ",CustomEvents.Add(1,A)"));
    BOOST_TEST(res.body() == fail("CustomEvents.Add needs an id, a name and an entity type"));
    res = co_await a.get(entity_q("entity=LogicalID(Camera,1),CustomEvents"));
    BOOST_TEST(res.body() == fail("CustomEvents needs the system configuration entity " + system_entity));
    res = co_await a.get(entity_q("entity=" + system_entity + ",SupportedEvents"));
    BOOST_TEST(res.body() == fail("SupportedEvents needs an entity of the catalogue"));
  }());
}

BOOST_AUTO_TEST_CASE(several_instances_and_several_recipients) {
  emulator_fixture f;
  auto& emu = *f.emu;
  run(f.io, [&]() -> asio::awaitable<void> {
    api a(f.io, emu);
    co_await a.get(alarm_q("TriggerAlarm({" + alarm1 + "})"));
    co_await a.get(alarm_q("TriggerAlarm({" + alarm2 + "},{" + emu.find("Camera", 1)->guid +
                           "},DynamicAlarmContent(Critical alert){ForwardedRecipients@{" + operators + "}})"));
    BOOST_REQUIRE(emu.active_alarms().size() == 2u);
    BOOST_TEST(emu.active_alarms()[1].forwarded_to == std::vector<std::string>{operators});
    auto res = co_await a.get(alarm_q("InvestigateAlarm({{1," + alarm1 + "},{2," + alarm2 + "}})"));
    BOOST_TEST(res.body() == ok("{}"));
    BOOST_TEST(emu.active_alarms()[0].investigated);
    BOOST_TEST(emu.active_alarms()[1].investigated);
    res = co_await a.get(alarm_q("ForwardAlarm(1,{" + admin + "," + operators + "})"));
    BOOST_TEST(res.body() == ok("{}"));
    BOOST_TEST(emu.active_alarms()[0].forwarded_to == (std::vector<std::string>{admin, operators}));

    res = co_await a.get(alarm_q("InvestigateAlarm({{1," + alarm2 + "}})"));
    BOOST_TEST(res.body() == fail("alarm instance 1 is not of alarm " + alarm2));
    res = co_await a.get(alarm_q("ForwardAlarm(1,{" + admin + ",nope})"));
    BOOST_TEST(res.body() == fail("ForwardAlarm needs an instance and recipient GUIDs"));
    res = co_await a.get(alarm_q("ForwardAlarm(3,{" + admin + "})"));
    BOOST_TEST(res.body() == fail("unknown alarm instance 3"));
    res = co_await a.get(alarm_q("AcknowledgeAlarm({{1," + alarm1 + "},{2," + alarm2 + "}},Ack)"));
    BOOST_TEST(res.body() == ok(R"({"Acknowledged":true})"));
    BOOST_TEST(emu.active_alarms().empty());
  }());
}

BOOST_AUTO_TEST_CASE(raise_custom_event_with_a_form_payload) {
  emulator_fixture f;
  auto& emu = *f.emu;
  run(f.io, [&]() -> asio::awaitable<void> {
    subscribed_stream c(f.io, emu);
    api& a = c.client;
    co_await a.call(http::verb::post, entity_q("entity=" + system_entity + ",CustomEvents.Add(1000,Order,Camera)"));
    co_await c.open("/events/subscribe?q=event(LogicalID(Camera,1),CustomEvent)");

    const std::string camera1 = emu.find("Camera", 1)->guid;
    auto res = co_await a.call(http::verb::post, "/events/RaiseCustomEvent/1000/" + camera1 + "/Visible%20message",
                               curl_body, "multipart/form-data; boundary=" + curl_boundary);
    BOOST_TEST(res.body() == R"({"Rsp":{"Status":"Ok"}})");
    BOOST_REQUIRE(emu.raised_custom_events().size() == 1u);
    BOOST_TEST(emu.raised_custom_events()[0].message == "Visible message");
    BOOST_TEST(emu.raised_custom_events()[0].payload.value_or("") == R"({"orderId": "12345"})");
    std::string seen;
    const std::string event_end = R"("EventType":"CustomEvent","SourceGuid":")" + camera1 + "\"";
    co_await read_until(c.stream, seen, event_end);
    BOOST_TEST(seen.find(event_end) != std::string::npos);
    BOOST_TEST(seen.find(R"("CustomEventId":1000,"Message":"Visible message","Payload":"{\"orderId\": \"12345\"}")") !=
               std::string::npos);

    // A broken form is refused with the reader's reason, and nothing is raised.
    res = co_await a.call(http::verb::post, "/events/RaiseCustomEvent/1000/" + camera1 + "/x",
                          curl_body.substr(0, curl_body.size() - 4), "multipart/form-data; boundary=" + curl_boundary);
    BOOST_TEST(res.body() == fail("invalid custom event payload: multipart input ended inside a part"));
    res = co_await a.call(http::verb::post, "/events/RaiseCustomEvent/1000/" + camera1 + "/x", curl_body,
                          "multipart/form-data");
    BOOST_TEST(res.body().find("has no boundary parameter") != std::string::npos);
    res = co_await a.call(http::verb::post, "/events/RaiseCustomEvent/1000/" + camera1 + "/x",
                          "--b\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nhi\r\n--b--\r\n",
                          "multipart/form-data; boundary=b");
    BOOST_TEST(res.body() == fail("invalid custom event payload: form has no payload part"));
    BOOST_TEST(emu.raised_custom_events().size() == 1u);

    // Without a message the path must end with '/': else a 307 to the path with it.
    net::http_options no_redirects;
    no_redirects.max_redirects = 0;
    api strict(f.io, emu, "admin;eventwire:admin", no_redirects);
    std::error_code ec;
    const std::string no_body;
    const std::string_view no_type;
    co_await strict.call(http::verb::post, "/events/RaiseCustomEvent/1000/" + camera1, no_body, no_type, &ec);
    BOOST_TEST(ec == net::error::too_many_redirects);
    BOOST_TEST(emu.raised_custom_events().size() == 1u);
    res = co_await a.post("/events/RaiseCustomEvent/1000/" + camera1);
    BOOST_TEST(res.body() == R"({"Rsp":{"Status":"Ok"}})");
    BOOST_TEST(a.client.last_url().path == "/WebSdk/events/RaiseCustomEvent/1000/" + camera1 + "/");
    BOOST_TEST(emu.raised_custom_events().size() == 2u);
    res = co_await a.post("/events/RaiseCustomEvent/1000/LogicalID(Door,1)/");
    BOOST_TEST(res.body() == fail("custom event 1000 is raised by Camera entities, not by Door"));
    res = co_await a.post("/events/RaiseCustomEvent/77/" + camera1 + "/");
    BOOST_TEST(res.body() == fail("unknown custom event 77"));
  }());
}

BOOST_AUTO_TEST_SUITE_END()
