// One test per call form the seed lists: the exact path and query as the seed writes them, and
// the percent-encoded target that goes on the request line.

#include <eventwire/websdk/alarm_calls.hpp>
#include <eventwire/websdk/custom_event_payload.hpp>
#include <eventwire/websdk/entity_query.hpp>
#include <eventwire/websdk/error.hpp>
#include <eventwire/websdk/event_requests.hpp>
#include <eventwire/websdk/percent_encoding.hpp>

#include <boost/test/unit_test.hpp>

#include <array>
#include <sstream>
#include <string>

namespace websdk = eventwire::websdk;
using websdk::entity_ref;
using websdk::error;
using websdk::http_method;

namespace {

constexpr std::string_view the_alarm = "c319de11-3fb9-4c42-b4ee-1745c7287799";
constexpr std::string_view alarm2 = "8f1f727f-38d9-41e9-ac4d-fe1d41a4a6da";
constexpr std::string_view camera = "00000001-0000-babe-0000-2bddb61cced4";
constexpr std::string_view door = "78c5aaf7-3b1f-4cca-bbbf-73e3695c55ad";
constexpr std::string_view user = "00000000-0000-0000-0000-000000000003";
constexpr std::string_view group = "aa25fab7-7f4e-4ae5-9c3c-4ddae5388e86";

std::string s(std::string_view v) { return std::string(v); }

void check(const websdk::request& r, http_method method, const std::string& text,
           const std::string& target) {
  BOOST_TEST(r.method == method);
  BOOST_TEST(r.text() == text);
  BOOST_TEST(r.target() == target);
}

websdk::request alarm_request(auto&& add) {
  websdk::alarm_calls calls;
  BOOST_REQUIRE(!add(calls));
  return calls.to_request();
}

websdk::request trigger(const websdk::trigger_alarm_args& a) {
  return alarm_request([&](websdk::alarm_calls& c) { return c.trigger_alarm(a); });
}

websdk::request entity_request(entity_ref target, auto&& add) {
  websdk::entity_query q(target);
  BOOST_REQUIRE(!add(q));
  return q.to_request();
}

// The braces of the /alarm forms, encoded.
std::string enc(std::string text) {
  std::string out;
  websdk::append_query_encoded(out, text);
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(websdk_event_requests)

BOOST_AUTO_TEST_CASE(subscribe_to_all_cameras_motion) {
  websdk::request r;
  const websdk::event_filter f[] = {{entity_ref::entity_type("Camera"), "CameraMotion"}};
  BOOST_REQUIRE(!websdk::subscribe_request(f, r));
  check(r, http_method::get, "/events/subscribe?q=event(Camera,CameraMotion)",
        "/events/subscribe?q=event(Camera,CameraMotion)");
}

BOOST_AUTO_TEST_CASE(subscribe_to_a_door_by_logical_id) {
  websdk::request r;
  const websdk::event_filter f[] = {{entity_ref::logical_id("Door", 1), "AccessGranted"}};
  BOOST_REQUIRE(!websdk::subscribe_request(f, r));
  check(r, http_method::get, "/events/subscribe?q=event(LogicalID(Door,1),AccessGranted)",
        "/events/subscribe?q=event(LogicalID(Door,1),AccessGranted)");
}

BOOST_AUTO_TEST_CASE(subscribe_to_a_specific_entity_by_guid) {
  websdk::request r;
  const websdk::event_filter f[] = {{entity_ref::guid(door), "AccessGranted"}};
  BOOST_REQUIRE(!websdk::subscribe_request(f, r));
  check(r, http_method::get, "/events/subscribe?q=event(" + s(door) + ",AccessGranted)",
        "/events/subscribe?q=event(" + s(door) + ",AccessGranted)");
}

BOOST_AUTO_TEST_CASE(subscribe_to_several_events_in_one_request) {
  websdk::request r;
  const websdk::event_filter f[] = {{entity_ref::entity_type("Camera"), "CameraMotion"},
                                    {entity_ref::entity_type("Door"), "AccessGranted"},
                                    {entity_ref::entity_type("User"), "UserLoggedOn"}};
  BOOST_REQUIRE(!websdk::subscribe_request(f, r));
  const std::string q =
      "/events/subscribe?q=event(Camera,CameraMotion),event(Door,AccessGranted),event(User,UserLoggedOn)";
  check(r, http_method::get, q, q);
}

BOOST_AUTO_TEST_CASE(unsubscribe) {
  websdk::request r;
  const websdk::event_filter f[] = {{entity_ref::guid(camera), "CameraMotion"}};
  BOOST_REQUIRE(!websdk::unsubscribe_request(f, r));
  check(r, http_method::get, "/events/unsubscribe?q=event(" + s(camera) + ",CameraMotion)",
        "/events/unsubscribe?q=event(" + s(camera) + ",CameraMotion)");
}

BOOST_AUTO_TEST_CASE(subscribed_stream_and_alarm_monitoring) {
  check(websdk::subscribed_request(), http_method::get, "/events/subscribed", "/events/subscribed");
  check(websdk::open_stream_request(), http_method::get, "/events", "/events");
  check(websdk::alarm_monitoring_request(true), http_method::post, "/events/alarmMonitoring/on",
        "/events/alarmMonitoring/on");
  check(websdk::alarm_monitoring_request(false), http_method::post, "/events/alarmMonitoring/off",
        "/events/alarmMonitoring/off");
}

BOOST_AUTO_TEST_CASE(close_connection) {
  websdk::request r;
  BOOST_REQUIRE(!websdk::close_connection_request("f810a565-16cc-493c-8749-41ee8b999539", r));
  check(r, http_method::post, "/events/closeconnection/f810a565-16cc-493c-8749-41ee8b999539",
        "/events/closeconnection/f810a565-16cc-493c-8749-41ee8b999539");
  BOOST_TEST((websdk::close_connection_request("", r) == error::invalid_guid));
}

BOOST_AUTO_TEST_CASE(raise_event) {
  websdk::request r;
  BOOST_REQUIRE(!websdk::raise_event_request("CameraMotion", entity_ref::logical_id("Camera", 5), r));
  check(r, http_method::post, "/events/RaiseEvent/CameraMotion/LogicalID(Camera,5)",
        "/events/RaiseEvent/CameraMotion/LogicalID(Camera,5)");
  BOOST_REQUIRE(!websdk::raise_event_request("AccessGranted", entity_ref::guid(door), r));
  check(r, http_method::post, "/events/RaiseEvent/AccessGranted/" + s(door),
        "/events/RaiseEvent/AccessGranted/" + s(door));
}

BOOST_AUTO_TEST_CASE(raise_custom_event_without_a_message_keeps_the_trailing_slash) {
  websdk::request r;
  BOOST_REQUIRE(!websdk::raise_custom_event_request(1000, entity_ref::guid(camera), {}, r));
  check(r, http_method::post, "/events/RaiseCustomEvent/1000/" + s(camera) + "/",
        "/events/RaiseCustomEvent/1000/" + s(camera) + "/");
}

BOOST_AUTO_TEST_CASE(raise_custom_event_with_a_message) {
  websdk::request r;
  BOOST_REQUIRE(!websdk::raise_custom_event_request(12345, entity_ref::logical_id("Camera", 1),
                                                    "Test message", r));
  check(r, http_method::post, "/events/RaiseCustomEvent/12345/LogicalID(Camera,1)/Test message",
        "/events/RaiseCustomEvent/12345/LogicalID(Camera,1)/Test%20message");
  BOOST_REQUIRE(!websdk::raise_custom_event_request(1000, entity_ref::guid(camera),
                                                    "Visible message", r));
  BOOST_TEST(r.target() == "/events/RaiseCustomEvent/1000/" + s(camera) + "/Visible%20message");
  // Any text: a slash or a percent sign in the message is encoded.
  BOOST_REQUIRE(!websdk::raise_custom_event_request(1, entity_ref::guid(camera), "50%/h?#", r));
  BOOST_TEST(r.target() == "/events/RaiseCustomEvent/1/" + s(camera) + "/50%25%2Fh%3F%23");
}

BOOST_AUTO_TEST_CASE(hidden_payload_form) {
  websdk::form_body f;
  BOOST_REQUIRE(!websdk::custom_event_payload_form(R"({"orderId": "12345", "customerId": "67890"})", f));
  BOOST_TEST(f.content_type == "multipart/form-data; boundary=----FormBoundary");
  BOOST_TEST(f.body ==
             "------FormBoundary\r\n"
             "Content-Disposition: form-data; name=\"payload\"; filename=\"payload\"\r\n\r\n"
             "{\"orderId\": \"12345\", \"customerId\": \"67890\"}\r\n"
             "------FormBoundary--\r\n");
  BOOST_TEST((websdk::custom_event_payload_form("x------FormBoundary", f) == error::invalid_text));
  BOOST_TEST((websdk::custom_event_payload_form("{}", f, "") == error::invalid_text));
  BOOST_TEST((websdk::custom_event_payload_form("{}", f, "a b") == error::invalid_text));
  BOOST_TEST((websdk::custom_event_payload_form("{}", f, std::string(71, 'a')) == error::invalid_text));
}

BOOST_AUTO_TEST_CASE(invalid_event_arguments) {
  websdk::request r;
  r.query = "unchanged";
  auto sub = [&](entity_ref source, std::string_view type) {
    const websdk::event_filter f[] = {{source, type}};
    return websdk::subscribe_request(f, r);
  };
  BOOST_TEST((sub(entity_ref::guid(""), "CameraMotion") == error::invalid_guid));
  BOOST_TEST((sub(entity_ref::guid("{" + s(camera) + "}"), "CameraMotion") == error::invalid_guid));
  BOOST_TEST((sub(entity_ref::guid("00000001-0000-babe-0000-2bddb61cced"), "X") == error::invalid_guid));
  BOOST_TEST((sub(entity_ref::guid("00000001-0000-babe-0000_2bddb61cced4"), "X") == error::invalid_guid));
  BOOST_TEST((sub(entity_ref::guid("g0000001-0000-babe-0000-2bddb61cced4"), "X") == error::invalid_guid));
  BOOST_TEST((sub(entity_ref::entity_type("Camera"), "") == error::invalid_name));
  BOOST_TEST((sub(entity_ref::entity_type("Camera"), "Camera Motion") == error::invalid_name));
  BOOST_TEST((sub(entity_ref::entity_type("Cam,era"), "CameraMotion") == error::invalid_name));
  BOOST_TEST((sub(entity_ref::logical_id("", 1), "CameraMotion") == error::invalid_name));
  BOOST_TEST((websdk::subscribe_request({}, r) == error::empty_list));
  BOOST_TEST(r.query == "unchanged");
  std::vector<websdk::event_filter> many(400, {entity_ref::guid(camera), "CameraMotion"});
  BOOST_TEST((websdk::subscribe_request(many, r) == error::query_too_long));
  BOOST_TEST(!websdk::subscribe_request(many, r, 100000));
  BOOST_TEST((websdk::raise_event_request("Camera/Motion", entity_ref::guid(camera), r) == error::invalid_name));
  BOOST_TEST((websdk::raise_event_request("CameraMotion", entity_ref::entity_type("Camera"), r) ==
              error::unsupported_combination));
  BOOST_TEST((websdk::raise_custom_event_request(-1, entity_ref::guid(camera), {}, r) == error::out_of_range));
  BOOST_TEST((websdk::raise_custom_event_request(2147483648, entity_ref::guid(camera), {}, r) ==
              error::out_of_range));
}

BOOST_AUTO_TEST_CASE(requests_print_as_method_and_text) {
  std::ostringstream os;
  os << websdk::alarm_monitoring_request(true) << " | " << websdk::subscribed_request();
  BOOST_TEST(os.str() == "POST /events/alarmMonitoring/on | GET /events/subscribed");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(websdk_alarm_calls)

BOOST_AUTO_TEST_CASE(trigger_alarm_minimal) {
  check(trigger({.alarm = entity_ref::guid(the_alarm)}), http_method::get,
        "/alarm?q=TriggerAlarm({" + s(the_alarm) + "})",
        "/alarm?q=TriggerAlarm(%7B" + s(the_alarm) + "%7D)");
}

BOOST_AUTO_TEST_CASE(trigger_alarm_with_source) {
  const std::string q = "TriggerAlarm({" + s(the_alarm) + "},{" + s(camera) + "})";
  check(trigger({.alarm = entity_ref::guid(the_alarm), .source = entity_ref::guid(camera)}),
        http_method::get, "/alarm?q=" + q, "/alarm?q=" + enc(q));
  BOOST_TEST(enc(q) == "TriggerAlarm(%7B" + s(the_alarm) + "%7D,%7B" + s(camera) + "%7D)");
}

BOOST_AUTO_TEST_CASE(trigger_alarm_with_context) {
  const auto r = trigger({.alarm = entity_ref::guid(the_alarm),
                          .source = entity_ref::guid(door),
                          .content = websdk::alarm_content_args{.context = "Door forced open"}});
  check(r, http_method::get,
        "/alarm?q=TriggerAlarm({" + s(the_alarm) + "},{" + s(door) + "},DynamicAlarmContent(Door forced open))",
        "/alarm?q=TriggerAlarm(%7B" + s(the_alarm) + "%7D,%7B" + s(door) +
            "%7D,DynamicAlarmContent(Door%20forced%20open))");
}

BOOST_AUTO_TEST_CASE(trigger_alarm_with_priority_and_attached_entities) {
  const std::array<std::string_view, 2> attached{camera, door};
  const auto r = trigger({.alarm = entity_ref::guid(the_alarm),
                          .source = entity_ref::guid(door),
                          .content = websdk::alarm_content_args{.context = "Server room breach",
                                                                .priority = 100,
                                                                .attached_entities = attached}});
  const std::string q = "TriggerAlarm({" + s(the_alarm) + "},{" + s(door) +
                        "},DynamicAlarmContent(Server room breach){Priority=100,AttachedEntities@{" +
                        s(camera) + "}@{" + s(door) + "}})";
  check(r, http_method::get, "/alarm?q=" + q,
        "/alarm?q=TriggerAlarm(%7B" + s(the_alarm) + "%7D,%7B" + s(door) +
            "%7D,DynamicAlarmContent(Server%20room%20breach)%7BPriority=100,AttachedEntities@%7B" +
            s(camera) + "%7D@%7B" + s(door) + "%7D%7D)");
}

BOOST_AUTO_TEST_CASE(trigger_alarm_with_acknowledgement_settings) {
  const auto r = trigger({.alarm = entity_ref::guid(the_alarm),
                          .source = entity_ref::guid(camera),
                          .acknowledgement = websdk::acknowledgement_args{1, true}});
  const std::string q = "TriggerAlarm({" + s(the_alarm) + "},{" + s(camera) + "},1,true)";
  check(r, http_method::get, "/alarm?q=" + q, "/alarm?q=" + enc(q));
  const auto no_user_ack = trigger({.alarm = entity_ref::guid(the_alarm),
                                    .source = entity_ref::guid(camera),
                                    .acknowledgement = websdk::acknowledgement_args{7, false}});
  BOOST_TEST(no_user_ack.query == "TriggerAlarm({" + s(the_alarm) + "},{" + s(camera) + "},7,false)");
}

BOOST_AUTO_TEST_CASE(trigger_alarm_with_geographic_coordinates) {
  const auto r = trigger({.alarm = entity_ref::guid(the_alarm),
                          .source = entity_ref::guid(camera),
                          .content = websdk::alarm_content_args{.context = "Perimeter alarm"},
                          .location = websdk::geo_coordinate{45.5020, -73.5680, 4}});
  const std::string q = "TriggerAlarm({" + s(the_alarm) + "},{" + s(camera) +
                        "},DynamicAlarmContent(Perimeter alarm),GeoCoordinate(45.5020,-73.5680))";
  check(r, http_method::get, "/alarm?q=" + q,
        "/alarm?q=TriggerAlarm(%7B" + s(the_alarm) + "%7D,%7B" + s(camera) +
            "%7D,DynamicAlarmContent(Perimeter%20alarm),GeoCoordinate(45.5020,-73.5680))");
  const auto six = trigger({.alarm = entity_ref::guid(the_alarm),
                            .content = websdk::alarm_content_args{.context = "x"},
                            .location = websdk::geo_coordinate{-90, 180}});
  BOOST_TEST(six.query.ends_with(",GeoCoordinate(-90.000000,180.000000))"));
}

BOOST_AUTO_TEST_CASE(trigger_alarm_with_forwarded_recipients) {
  const std::array<std::string_view, 2> recipients{user, group};
  const auto r = trigger({.alarm = entity_ref::guid(the_alarm),
                          .source = entity_ref::guid(camera),
                          .content = websdk::alarm_content_args{.context = "Critical alert",
                                                                .forwarded_recipients = recipients}});
  const std::string q = "TriggerAlarm({" + s(the_alarm) + "},{" + s(camera) +
                        "},DynamicAlarmContent(Critical alert){ForwardedRecipients@{" + s(user) +
                        "}@{" + s(group) + "}})";
  check(r, http_method::get, "/alarm?q=" + q, "/alarm?q=" + enc(q));
}

BOOST_AUTO_TEST_CASE(trigger_alarm_with_urls) {
  const std::array<std::string_view, 1> urls{"https://tickets.example.com/INC-42"};
  const auto r = trigger({.alarm = entity_ref::guid(the_alarm),
                          .source = entity_ref::guid(camera),
                          .content = websdk::alarm_content_args{.context = "Incident logged", .urls = urls}});
  const std::string q = "TriggerAlarm({" + s(the_alarm) + "},{" + s(camera) +
                        "},DynamicAlarmContent(Incident logged){Urls@https://tickets.example.com/INC-42})";
  check(r, http_method::get, "/alarm?q=" + q,
        "/alarm?q=TriggerAlarm(%7B" + s(the_alarm) + "%7D,%7B" + s(camera) +
            "%7D,DynamicAlarmContent(Incident%20logged)%7BUrls@https://tickets.example.com/INC-42%7D)");
}

BOOST_AUTO_TEST_CASE(trigger_alarm_with_every_attribute) {
  const std::array<std::string_view, 2> attached{camera, door};
  const std::array<std::string_view, 1> recipients{user};
  const std::array<std::string_view, 1> urls{"https://tickets.example.com/INC-100"};
  const auto r = trigger({.alarm = entity_ref::guid(the_alarm),
                          .source = entity_ref::guid(door),
                          .content = websdk::alarm_content_args{.context = "Server room breach",
                                                                .priority = 200,
                                                                .attached_entities = attached,
                                                                .forwarded_recipients = recipients,
                                                                .urls = urls}});
  const std::string q = "TriggerAlarm({" + s(the_alarm) + "},{" + s(door) +
                        "},DynamicAlarmContent(Server room breach){Priority=200,AttachedEntities@{" +
                        s(camera) + "}@{" + s(door) + "},ForwardedRecipients@{" + s(user) +
                        "},Urls@https://tickets.example.com/INC-100})";
  check(r, http_method::get, "/alarm?q=" + q, "/alarm?q=" + enc(q));
}

BOOST_AUTO_TEST_CASE(trigger_alarm_of_the_workflow_and_other_references) {
  const auto workflow = trigger({.alarm = entity_ref::guid(the_alarm),
                                 .source = entity_ref::guid(door),
                                 .content = websdk::alarm_content_args{.context = "Door forced open",
                                                                       .priority = 150}});
  BOOST_TEST(workflow.text() == "/alarm?q=TriggerAlarm({" + s(the_alarm) + "},{" + s(door) +
                                    "},DynamicAlarmContent(Door forced open){Priority=150})");
  // Alarm and source may be logical ids; without a source the nil GUID stands in.
  const auto logical = trigger({.alarm = entity_ref::logical_id("Alarm", 3),
                                .source = entity_ref::logical_id("Door", 1)});
  BOOST_TEST(logical.query == "TriggerAlarm(LogicalID(Alarm,3),LogicalID(Door,1))");
  const auto nil = trigger({.alarm = entity_ref::guid(the_alarm),
                            .content = websdk::alarm_content_args{.context = "Quotes \"kept\""}});
  BOOST_TEST(nil.query == "TriggerAlarm({" + s(the_alarm) +
                              "},{00000000-0000-0000-0000-000000000000},DynamicAlarmContent(Quotes \"kept\"))");
  BOOST_TEST(nil.target().find("Quotes%20%22kept%22") != std::string::npos);
  const auto empty_context = trigger({.alarm = entity_ref::guid(the_alarm),
                                      .source = entity_ref::guid(door),
                                      .content = websdk::alarm_content_args{}});
  BOOST_TEST(empty_context.query.ends_with(",DynamicAlarmContent())"));
}

BOOST_AUTO_TEST_CASE(acknowledge_alarm_with_instance_and_type) {
  check(alarm_request([](auto& c) { return c.acknowledge_alarm(42, websdk::ack_type::ack); }),
        http_method::get, "/alarm?q=AcknowledgeAlarm(42,Ack)", "/alarm?q=AcknowledgeAlarm(42,Ack)");
  check(alarm_request([](auto& c) { return c.acknowledge_alarm(42, websdk::ack_type::nack); }),
        http_method::get, "/alarm?q=AcknowledgeAlarm(42,Nack)", "/alarm?q=AcknowledgeAlarm(42,Nack)");
}

BOOST_AUTO_TEST_CASE(acknowledge_alarm_with_instance_guid_and_type) {
  check(alarm_request([](auto& c) { return c.acknowledge_alarm(42, the_alarm, websdk::ack_type::ack); }),
        http_method::get, "/alarm?q=AcknowledgeAlarm(42,{c319de11-3fb9-4c42-b4ee-1745c7287799},Ack)",
        "/alarm?q=AcknowledgeAlarm(42,%7Bc319de11-3fb9-4c42-b4ee-1745c7287799%7D,Ack)");
}

BOOST_AUTO_TEST_CASE(acknowledge_several_instances_of_one_alarm) {
  const std::array<std::int64_t, 2> ids{42, 43};
  check(alarm_request([&](auto& c) { return c.acknowledge_alarms(ids, websdk::ack_type::ack); }),
        http_method::get, "/alarm?q=AcknowledgeAlarm({42,43},Ack)",
        "/alarm?q=AcknowledgeAlarm(%7B42,43%7D,Ack)");
}

BOOST_AUTO_TEST_CASE(acknowledge_several_alarms) {
  const std::array<websdk::alarm_instance, 2> instances{{{42, the_alarm}, {43, alarm2}}};
  const std::string q = "AcknowledgeAlarm({{42," + s(the_alarm) + "},{43," + s(alarm2) + "}},Nack)";
  check(alarm_request([&](auto& c) { return c.acknowledge_alarms(instances, websdk::ack_type::nack); }),
        http_method::get, "/alarm?q=" + q,
        "/alarm?q=AcknowledgeAlarm(%7B%7B42," + s(the_alarm) + "%7D,%7B43," + s(alarm2) + "%7D%7D,Nack)");
}

BOOST_AUTO_TEST_CASE(force_acknowledge_alarm) {
  check(alarm_request([](auto& c) { return c.force_acknowledge_alarm(42, the_alarm); }), http_method::get,
        "/alarm?q=ForceAcknowledgeAlarm(42,{" + s(the_alarm) + "})",
        "/alarm?q=ForceAcknowledgeAlarm(42,%7B" + s(the_alarm) + "%7D)");
}

BOOST_AUTO_TEST_CASE(investigate_alarm) {
  check(alarm_request([](auto& c) { return c.investigate_alarm(42, the_alarm); }), http_method::get,
        "/alarm?q=InvestigateAlarm(42,{" + s(the_alarm) + "})",
        "/alarm?q=InvestigateAlarm(42,%7B" + s(the_alarm) + "%7D)");
}

BOOST_AUTO_TEST_CASE(investigate_several_alarms) {
  const std::array<websdk::alarm_instance, 2> instances{{{42, the_alarm}, {43, alarm2}}};
  check(alarm_request([&](auto& c) { return c.investigate_alarms(instances); }), http_method::get,
        "/alarm?q=InvestigateAlarm({{42," + s(the_alarm) + "},{43," + s(alarm2) + "}})",
        "/alarm?q=InvestigateAlarm(%7B%7B42," + s(the_alarm) + "%7D,%7B43," + s(alarm2) + "%7D%7D)");
}

BOOST_AUTO_TEST_CASE(forward_alarm) {
  check(alarm_request([](auto& c) { return c.forward_alarm(42, user); }), http_method::get,
        "/alarm?q=ForwardAlarm(42,{00000000-0000-0000-0000-000000000003})",
        "/alarm?q=ForwardAlarm(42,%7B00000000-0000-0000-0000-000000000003%7D)");
}

BOOST_AUTO_TEST_CASE(forward_alarm_to_several_recipients) {
  const std::array<std::string_view, 2> recipients{user, group};
  check(alarm_request([&](auto& c) { return c.forward_alarm(42, recipients); }), http_method::get,
        "/alarm?q=ForwardAlarm(42,{" + s(user) + "," + s(group) + "})",
        "/alarm?q=ForwardAlarm(42,%7B" + s(user) + "," + s(group) + "%7D)");
}

BOOST_AUTO_TEST_CASE(edit_alarm_context) {
  check(alarm_request([](auto& c) { return c.edit_alarm_context(42, the_alarm, "Investigation complete"); }),
        http_method::get, "/alarm?q=EditAlarmContext(42,{" + s(the_alarm) + "},Investigation complete)",
        "/alarm?q=EditAlarmContext(42,%7B" + s(the_alarm) + "%7D,Investigation%20complete)");
}

BOOST_AUTO_TEST_CASE(calls_without_instances) {
  check(alarm_request([](auto& c) { return c.force_acknowledge_all_alarms(); }), http_method::get,
        "/alarm?q=ForceAcknowledgeAllAlarms()", "/alarm?q=ForceAcknowledgeAllAlarms()");
  check(alarm_request([](auto& c) { return c.is_active(the_alarm); }), http_method::get,
        "/alarm?q=IsActive({" + s(the_alarm) + "})", "/alarm?q=IsActive(%7B" + s(the_alarm) + "%7D)");
  check(alarm_request([](auto& c) { return c.clear_source_condition(camera, 1); }), http_method::get,
        "/alarm?q=ClearSourceCondition({" + s(camera) + "},1)",
        "/alarm?q=ClearSourceCondition(%7B" + s(camera) + "%7D,1)");
  check(alarm_request([](auto& c) { return c.get_active_alarms(); }), http_method::get,
        "/alarm?q=GetActiveAlarms()", "/alarm?q=GetActiveAlarms()");
}

BOOST_AUTO_TEST_CASE(several_calls_run_in_order_in_one_request) {
  websdk::alarm_calls calls;
  BOOST_TEST(calls.empty());
  BOOST_REQUIRE(!calls.forward_alarm(42, group));
  BOOST_REQUIRE(!calls.investigate_alarm(42, the_alarm));
  BOOST_REQUIRE(!calls.acknowledge_alarm(42, the_alarm, websdk::ack_type::ack));
  BOOST_TEST(calls.query() == "ForwardAlarm(42,{" + s(group) + "}),InvestigateAlarm(42,{" + s(the_alarm) +
                                  "}),AcknowledgeAlarm(42,{" + s(the_alarm) + "},Ack)");
  calls.clear();
  BOOST_TEST(calls.empty());
}

BOOST_AUTO_TEST_CASE(invalid_alarm_arguments_leave_the_query_as_it_was) {
  websdk::alarm_calls calls(200);
  BOOST_REQUIRE(!calls.get_active_alarms());
  const std::string before = calls.query();
  const std::array<std::string_view, 1> bad_guid{""};
  const std::array<std::string_view, 1> bad_url{"https://x.example/a,b"};
  const std::array<std::int64_t, 0> no_ids{};
  const std::array<websdk::alarm_instance, 1> bad_instance{{{-1, the_alarm}}};
  auto content = [](websdk::alarm_content_args c) {
    return websdk::trigger_alarm_args{.alarm = entity_ref::guid(the_alarm), .content = c};
  };
  const std::pair<std::error_code, error> rows[] = {
      {calls.trigger_alarm({.alarm = entity_ref::guid("")}), error::invalid_guid},
      {calls.trigger_alarm({.alarm = entity_ref::guid(the_alarm), .source = entity_ref::guid("x")}),
       error::invalid_guid},
      {calls.trigger_alarm({.alarm = entity_ref::entity_type("Alarm")}), error::unsupported_combination},
      {calls.trigger_alarm(content({.priority = 0})), error::invalid_priority},
      {calls.trigger_alarm(content({.priority = 256})), error::invalid_priority},
      {calls.trigger_alarm(content({.priority = -5})), error::invalid_priority},
      {calls.trigger_alarm(content({.context = "a)b"})), error::invalid_text},
      {calls.trigger_alarm(content({.context = "a,b"})), error::invalid_text},
      {calls.trigger_alarm(content({.context = "a{b"})), error::invalid_text},
      {calls.trigger_alarm(content({.context = "line\nbreak"})), error::invalid_text},
      {calls.trigger_alarm(content({.attached_entities = bad_guid})), error::invalid_guid},
      {calls.trigger_alarm(content({.forwarded_recipients = bad_guid})), error::invalid_guid},
      {calls.trigger_alarm(content({.urls = bad_url})), error::invalid_text},
      {calls.trigger_alarm({.alarm = entity_ref::guid(the_alarm),
                            .content = websdk::alarm_content_args{},
                            .acknowledgement = websdk::acknowledgement_args{}}),
       error::unsupported_combination},
      {calls.trigger_alarm({.alarm = entity_ref::guid(the_alarm), .location = websdk::geo_coordinate{}}),
       error::unsupported_combination},
      {calls.trigger_alarm({.alarm = entity_ref::guid(the_alarm),
                            .content = websdk::alarm_content_args{},
                            .location = websdk::geo_coordinate{91, 0}}),
       error::out_of_range},
      {calls.trigger_alarm({.alarm = entity_ref::guid(the_alarm),
                            .content = websdk::alarm_content_args{},
                            .location = websdk::geo_coordinate{0, -180.5}}),
       error::out_of_range},
      {calls.trigger_alarm({.alarm = entity_ref::guid(the_alarm),
                            .acknowledgement = websdk::acknowledgement_args{-1, true}}),
       error::out_of_range},
      {calls.acknowledge_alarm(-1, websdk::ack_type::ack), error::out_of_range},
      {calls.acknowledge_alarm(2147483648, websdk::ack_type::ack), error::out_of_range},
      {calls.acknowledge_alarm(1, "{" + s(the_alarm) + "}", websdk::ack_type::ack), error::invalid_guid},
      {calls.acknowledge_alarms(no_ids, websdk::ack_type::ack), error::empty_list},
      {calls.acknowledge_alarms(std::span<const websdk::alarm_instance>{}, websdk::ack_type::ack),
       error::empty_list},
      {calls.acknowledge_alarms(bad_instance, websdk::ack_type::ack), error::out_of_range},
      {calls.investigate_alarms(bad_instance), error::out_of_range},
      {calls.force_acknowledge_alarm(1, ""), error::invalid_guid},
      {calls.investigate_alarm(-2, the_alarm), error::out_of_range},
      {calls.forward_alarm(1, ""), error::invalid_guid},
      {calls.forward_alarm(1, std::span<const std::string_view>{}), error::empty_list},
      {calls.forward_alarm(1, bad_guid), error::invalid_guid},
      {calls.edit_alarm_context(1, the_alarm, "(x)"), error::invalid_text},
      {calls.is_active(""), error::invalid_guid},
      {calls.clear_source_condition(camera, -1), error::out_of_range},
      {calls.clear_source_condition("", 1), error::invalid_guid},
      {calls.trigger_alarm(content({.context = std::string(200, 'x')})), error::query_too_long},
  };
  for (const auto& [got, expected] : rows) BOOST_TEST((got == expected), got.message());
  BOOST_TEST(calls.query() == before);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(websdk_entity_query)

BOOST_AUTO_TEST_CASE(recipients_add) {
  check(entity_request(entity_ref::guid(the_alarm), [](auto& q) { return q.recipients_add(user); }),
        http_method::post, "/entity?q=entity=" + s(the_alarm) + ",Recipients.Add(" + s(user) + ",00:00:00)",
        "/entity?q=entity=" + s(the_alarm) + ",Recipients.Add(" + s(user) + ",00:00:00)");
  using namespace std::chrono_literals;
  const auto delayed = entity_request(entity_ref::guid(the_alarm), [](auto& q) {
    return q.recipients_add(group, std::chrono::seconds(90061));  // 1 day, 1 h, 1 min, 1 s
  });
  BOOST_TEST(delayed.query == "entity=" + s(the_alarm) + ",Recipients.Add(" + s(group) + ",1.01:01:01)");
  const auto minutes =
      entity_request(entity_ref::guid(the_alarm), [](auto& q) { return q.recipients_add(group, 5min); });
  BOOST_TEST(minutes.query.ends_with(",00:05:00)"));
}

BOOST_AUTO_TEST_CASE(recipients_remove_clear_contains_and_is_recipient) {
  check(entity_request(entity_ref::guid(the_alarm), [](auto& q) { return q.recipients_remove(group); }),
        http_method::post, "/entity?q=entity=" + s(the_alarm) + ",Recipients.Remove(" + s(group) + ")",
        "/entity?q=entity=" + s(the_alarm) + ",Recipients.Remove(" + s(group) + ")");
  check(entity_request(entity_ref::guid(the_alarm), [](auto& q) { return q.recipients_clear(); }),
        http_method::post, "/entity?q=entity=" + s(the_alarm) + ",Recipients.Clear()",
        "/entity?q=entity=" + s(the_alarm) + ",Recipients.Clear()");
  check(entity_request(entity_ref::guid(the_alarm), [](auto& q) { return q.is_recipient(user); }),
        http_method::get, "/entity?q=entity=" + s(the_alarm) + ",IsRecipient(" + s(user) + ")",
        "/entity?q=entity=" + s(the_alarm) + ",IsRecipient(" + s(user) + ")");
  check(entity_request(entity_ref::guid(the_alarm), [](auto& q) { return q.recipients_contains(user); }),
        http_method::post, "/entity?q=entity=" + s(the_alarm) + ",Recipients.Contains(" + s(user) + ")",
        "/entity?q=entity=" + s(the_alarm) + ",Recipients.Contains(" + s(user) + ")");
}

BOOST_AUTO_TEST_CASE(supported_events) {
  check(entity_request(entity_ref::guid(camera), [](auto& q) { return q.supported_events(); }),
        http_method::get, "/entity?q=entity=" + s(camera) + ",SupportedEvents",
        "/entity?q=entity=" + s(camera) + ",SupportedEvents");
  check(entity_request(entity_ref::logical_id("Camera", 2), [](auto& q) { return q.supported_events(); }),
        http_method::get, "/entity?q=entity=LogicalID(Camera,2),SupportedEvents",
        "/entity?q=entity=LogicalID(Camera,2),SupportedEvents");
}

BOOST_AUTO_TEST_CASE(custom_events_add) {
  websdk::entity_query q = websdk::custom_events_query();
  BOOST_REQUIRE(!q.custom_events_add(12345, "TemperatureAlert", "Camera"));
  check(q.to_request(), http_method::post,
        "/entity?q=entity=00000000-0000-0000-0000-000000000007,CustomEvents.Add(12345,TemperatureAlert,Camera)",
        "/entity?q=entity=00000000-0000-0000-0000-000000000007,CustomEvents.Add(12345,TemperatureAlert,Camera)");
}

BOOST_AUTO_TEST_CASE(custom_events_add_with_spaces_in_the_name) {
  websdk::entity_query q = websdk::custom_events_query();
  BOOST_REQUIRE(!q.custom_events_add(12346, "Temperature Alert High", "Camera"));
  check(q.to_request(), http_method::post,
        "/entity?q=entity=00000000-0000-0000-0000-000000000007,CustomEvents.Add(12346,Temperature Alert High,Camera)",
        "/entity?q=entity=00000000-0000-0000-0000-000000000007,CustomEvents.Add(12346,Temperature%20Alert%20High,Camera)");
}

BOOST_AUTO_TEST_CASE(custom_events_remove_and_list) {
  websdk::entity_query remove = websdk::custom_events_query();
  BOOST_REQUIRE(!remove.custom_events_remove(12345));
  check(remove.to_request(), http_method::post,
        "/entity?q=entity=00000000-0000-0000-0000-000000000007,CustomEvents-12345",
        "/entity?q=entity=00000000-0000-0000-0000-000000000007,CustomEvents-12345");
  websdk::entity_query list = websdk::custom_events_query();
  BOOST_REQUIRE(!list.custom_events());
  check(list.to_request(), http_method::get,
        "/entity?q=entity=00000000-0000-0000-0000-000000000007,CustomEvents",
        "/entity?q=entity=00000000-0000-0000-0000-000000000007,CustomEvents");
  check(entity_request(entity_ref::guid(camera), [](auto& q) { return q.supported_custom_events(); }),
        http_method::get, "/entity?q=entity=" + s(camera) + ",SupportedCustomEvents",
        "/entity?q=entity=" + s(camera) + ",SupportedCustomEvents");
}

BOOST_AUTO_TEST_CASE(several_calls_on_one_entity) {
  websdk::entity_query q(entity_ref::guid(the_alarm));
  BOOST_REQUIRE(!q.is_recipient(user));
  BOOST_TEST(q.to_request().method == http_method::get);
  BOOST_REQUIRE(!q.recipients_add(user));
  BOOST_TEST(q.to_request().method == http_method::post);
  BOOST_TEST(q.query() == "entity=" + s(the_alarm) + ",IsRecipient(" + s(user) + "),Recipients.Add(" +
                              s(user) + ",00:00:00)");
}

BOOST_AUTO_TEST_CASE(invalid_entity_arguments) {
  websdk::entity_query bad_target(entity_ref::guid("nope"));
  BOOST_TEST((bad_target.recipients_clear() == error::invalid_guid));
  websdk::entity_query type_target(entity_ref::entity_type("Camera"));
  BOOST_TEST((type_target.supported_events() == error::unsupported_combination));
  websdk::entity_query q(entity_ref::guid(the_alarm), 80);
  BOOST_TEST((q.recipients_add("") == error::invalid_guid));
  BOOST_TEST((q.recipients_add(user, std::chrono::seconds(-1)) == error::out_of_range));
  BOOST_TEST((q.recipients_add(user, std::chrono::seconds(10000LL * 86400)) == error::out_of_range));
  BOOST_TEST((q.recipients_remove("x") == error::invalid_guid));
  BOOST_TEST((q.is_recipient("") == error::invalid_guid));
  BOOST_TEST((q.recipients_contains("") == error::invalid_guid));
  BOOST_TEST((q.custom_events_add(-1, "x", "Camera") == error::out_of_range));
  BOOST_TEST((q.custom_events_add(1, "", "Camera") == error::invalid_text));
  BOOST_TEST((q.custom_events_add(1, "a,b", "Camera") == error::invalid_text));
  BOOST_TEST((q.custom_events_add(1, "Alert", "Camera Type") == error::invalid_name));
  BOOST_TEST((q.custom_events_remove(-1) == error::out_of_range));
  BOOST_TEST(q.empty());
  BOOST_REQUIRE(!q.recipients_clear());
  BOOST_TEST((q.recipients_add(user) == error::query_too_long));
  BOOST_TEST(q.query() == "entity=" + s(the_alarm) + ",Recipients.Clear()");
}

BOOST_AUTO_TEST_CASE(percent_encoding) {
  std::string query;
  websdk::append_query_encoded(query, "a b&c+d#e%f{g}h=i@j:k/l?m,n(o)p'q*r!s$t;u\"v<w>x\\y^z`|~-._\xC3\xA9\x01");
  BOOST_TEST(query ==
             "a%20b%26c%2Bd%23e%25f%7Bg%7Dh=i@j:k/l?m,n(o)p'q*r!s$t;u%22v%3Cw%3Ex%5Cy%5Ez%60%7C~-._%C3%A9%01");
  std::string segment;
  websdk::append_segment_encoded(segment, "a b/c?d#e%f&g+h=i@j:k,l(m)n;o$p!q'r*s{t}");
  BOOST_TEST(segment == "a%20b%2Fc%3Fd%23e%25f&g+h=i@j:k,l(m)n;o$p!q'r*s%7Bt%7D");
}

BOOST_AUTO_TEST_SUITE_END()
