// websdk::client: supported events, the custom event registry and RaiseCustomEvent (with a
// message, without, and with a hidden multipart/form-data payload), against the Web SDK emulator.

#include "websdk_testing.hpp"

#include <eventwire/websdk/error.hpp>
#include <eventwire/websdk/stream_error.hpp>

namespace {

using namespace eventwire::testing::websdk;
using eventwire::websdk::entity_ref;
using eventwire::websdk::stream_error;
using eventwire::websdk::stream_subscription;

}  // namespace

BOOST_FIXTURE_TEST_SUITE(websdk_client_custom_events, client_fixture)

BOOST_AUTO_TEST_CASE(supported_events_of_an_entity) {
  const std::string door = emu.find("Door", 2)->guid;
  run(io, [&]() -> asio::awaitable<void> {
    auto [ec, events] = co_await c.supported_events(entity_ref::logical_id("Cardholder", 1));
    BOOST_REQUIRE_MESSAGE(!ec, c.last_error_detail());
    const std::vector<std::string> seed = {"CardholderAccessGranted",     "CardholderAccessRefused",
                                           "CardholderInactive",          "CardholderCredentialExpired",
                                           "CardholderDuressPinEntered",  "CardholderDoubleBadgeOn",
                                           "CardholderDoubleBadgeOff"};
    BOOST_TEST(events == seed, boost::test_tools::per_element());
    std::tie(ec, events) = co_await c.supported_events(entity_ref::guid(door));
    BOOST_TEST(!ec);
    BOOST_TEST(events.front() == "AccessGranted");
    std::tie(ec, events) = co_await c.supported_events(entity_ref::logical_id("Camera", 99));
    BOOST_TEST(ec == stream_error::call_failed);
    BOOST_TEST(c.last_error_detail() == "GET /entity answered Status Fail: unknown entity LogicalID(Camera,99)");
    BOOST_TEST(events.empty());
    std::tie(ec, events) = co_await c.supported_events(entity_ref::entity_type("Camera"));
    BOOST_TEST(ec == eventwire::websdk::error::unsupported_combination);
  }());
}

BOOST_AUTO_TEST_CASE(add_list_and_remove_custom_events) {
  run(io, [&]() -> asio::awaitable<void> {
    auto ec = co_await c.add_custom_event(12345, "TemperatureAlert", "Camera");
    BOOST_REQUIRE_MESSAGE(!ec, c.last_error_detail());
    ec = co_await c.add_custom_event(12346, "Temperature Alert High", "Camera");
    BOOST_REQUIRE_MESSAGE(!ec, c.last_error_detail());
    ec = co_await c.add_custom_event(7, "Door held", "Door");
    BOOST_REQUIRE(!ec);
    BOOST_REQUIRE(emu.custom_events().size() == 3u);
    BOOST_TEST(emu.custom_events()[2].name == "Temperature Alert High");  // %20 decoded

    auto [list_error, all] = co_await c.custom_events();
    BOOST_REQUIRE_MESSAGE(!list_error, c.last_error_detail());
    BOOST_REQUIRE(all.size() == 3u);
    BOOST_TEST(all[0].id == 7);
    BOOST_TEST(all[1].name == "TemperatureAlert");
    BOOST_TEST(all[1].local.value_or(false));
    BOOST_TEST(all[1].source_entity_type == "Camera");
    BOOST_TEST(all[1].owner == std::string(eventwire::emulator::websdk_admin_guid));

    auto [camera_error, for_camera] = co_await c.supported_custom_events(entity_ref::logical_id("Camera", 1));
    BOOST_TEST(!camera_error);
    BOOST_REQUIRE(for_camera.size() == 2u);
    BOOST_TEST(for_camera[1].name == "Temperature Alert High");
    BOOST_TEST(for_camera[1].owner == "00000000-0000-0000-0000-000000000000");

    // The id is unique across custom events; names may repeat.
    ec = co_await c.add_custom_event(12345, "Another", "Door");
    BOOST_TEST(ec == stream_error::call_failed);
    BOOST_TEST(c.last_error_detail() == "POST /entity answered Status Fail: custom event 12345 already exists");
    ec = co_await c.add_custom_event(1, "TemperatureAlert", "Camera");
    BOOST_TEST(!ec);
    ec = co_await c.add_custom_event(2, "a,b", "Camera");
    BOOST_TEST(ec == eventwire::websdk::error::invalid_text);

    ec = co_await c.remove_custom_event(12345);
    BOOST_TEST(!ec);
    ec = co_await c.remove_custom_event(12345);
    BOOST_TEST(ec == stream_error::call_failed);
    BOOST_TEST(c.last_error_detail() == "POST /entity answered Status Fail: unknown custom event 12345");
    std::tie(list_error, all) = co_await c.custom_events();
    BOOST_TEST(all.size() == 3u);
  }());
}

BOOST_AUTO_TEST_CASE(raise_custom_events_with_a_message_and_a_hidden_payload) {
  auto o = stream_options(emu);
  o.subscriptions = {stream_subscription::every("Camera", "CustomEvent")};
  eventwire::websdk::event_stream s(io.get_executor(), o);
  stream_log log(io.get_executor());
  log.attach(s);
  const std::string camera1 = emu.find("Camera", 1)->guid;
  run(io, [&]() -> asio::awaitable<void> {
    log.start(io, s);
    BOOST_REQUIRE(co_await log.connected.wait_for(1));
    auto ec = co_await c.add_custom_event(12345, "Temperature Alert", "Camera");
    BOOST_REQUIRE(!ec);

    ec = co_await c.raise_custom_event(12345, entity_ref::logical_id("Camera", 1), "Test message");
    BOOST_REQUIRE_MESSAGE(!ec, c.last_error_detail());
    ec = co_await c.raise_custom_event(12345, entity_ref::guid(camera1));
    BOOST_REQUIRE_MESSAGE(!ec, c.last_error_detail());
    const std::string payload = R"({"orderId": "12345", "customerId": "67890"})";
    ec = co_await c.raise_custom_event(12345, entity_ref::guid(camera1), "Visible message", payload);
    BOOST_REQUIRE_MESSAGE(!ec, c.last_error_detail());
    // A payload that holds the seed's boundary goes with another.
    const std::string tricky = "x\r\n------FormBoundary--\r\ny";
    ec = co_await c.raise_custom_event(12345, entity_ref::guid(camera1), "50%/h?#", tricky);
    BOOST_REQUIRE_MESSAGE(!ec, c.last_error_detail());

    const auto raised = emu.raised_custom_events();
    BOOST_REQUIRE(raised.size() == 4u);
    BOOST_TEST(raised[0].message == "Test message");
    BOOST_TEST(raised[0].source_guid == camera1);
    BOOST_TEST(!raised[0].payload);
    BOOST_TEST(raised[1].message.empty());
    BOOST_TEST(raised[2].message == "Visible message");
    BOOST_TEST(raised[2].payload.value_or("") == payload);
    BOOST_TEST(raised[3].message == "50%/h?#");
    BOOST_TEST(raised[3].payload.value_or("") == tricky);

    BOOST_REQUIRE(co_await log.events.wait_for(4));
    BOOST_TEST(log.event_types[0] == "CustomEvent");
    BOOST_TEST(log.sources[2] == camera1);
    BOOST_TEST(log.details[0].find(R"("CustomEventId":12345,"Message":"Test message")") != std::string::npos);
    BOOST_TEST(log.details[0].find("Payload") == std::string::npos);
    BOOST_TEST(log.details[2].find(R"("Payload":"{\"orderId\": \"12345\", \"customerId\": \"67890\"}")") !=
               std::string::npos);

    // Refusals: an unknown id, an entity of another type, an id out of range.
    ec = co_await c.raise_custom_event(999, entity_ref::guid(camera1), "x");
    BOOST_TEST(ec == stream_error::call_failed);
    BOOST_TEST(c.last_error_detail() == "POST /events/RaiseCustomEvent/999/" + camera1 +
                                            "/x answered Status Fail: unknown custom event 999");
    ec = co_await c.raise_custom_event(12345, entity_ref::logical_id("Door", 1), "x", "{}");
    BOOST_TEST(ec == stream_error::call_failed);
    BOOST_TEST(c.last_error_detail().ends_with("custom event 12345 is raised by Camera entities, not by Door"));
    ec = co_await c.raise_custom_event(-1, entity_ref::guid(camera1));
    BOOST_TEST(ec == eventwire::websdk::error::out_of_range);
    BOOST_TEST(emu.raised_custom_events().size() == 4u);
    // A payload that holds the seed's boundary and the next candidates' delimiters still goes.
    const std::string crowded =
        "------FormBoundary-eventwire-eventwire-eventwire-eventwire-eventwire\r\n------FormBoundary-1--";
    ec = co_await c.raise_custom_event(12345, entity_ref::guid(camera1), "crowded", crowded);
    BOOST_REQUIRE_MESSAGE(!ec, c.last_error_detail());
    BOOST_REQUIRE(emu.raised_custom_events().size() == 5u);
    BOOST_TEST(emu.raised_custom_events()[4].payload.value_or("") == crowded);
    co_await s.stop();
    BOOST_REQUIRE(co_await log.ended.wait_for(1));
  }());
}

BOOST_AUTO_TEST_SUITE_END()
