// websdk::client: the alarm and event operations against the Web SDK emulator.

#include "websdk_testing.hpp"

#include <eventwire/websdk/client.hpp>
#include <eventwire/websdk/error.hpp>
#include <eventwire/websdk/stream_error.hpp>

namespace {

using namespace eventwire::testing::websdk;
using eventwire::websdk::ack_type;
using eventwire::websdk::client;
using eventwire::websdk::entity_ref;
using eventwire::websdk::stream_error;

const std::string alarm_guid = "c319de11-3fb9-4c42-b4ee-1745c7287799";

}  // namespace

BOOST_FIXTURE_TEST_SUITE(websdk_client, client_fixture)

BOOST_AUTO_TEST_CASE(alarm_lifecycle) {
  const std::string door = emu.find("Door", 1)->guid;
  run(io, [&]() -> asio::awaitable<void> {
    eventwire::websdk::trigger_alarm_args args;
    args.alarm = entity_ref::guid(alarm_guid);
    args.source = entity_ref::guid(door);
    eventwire::websdk::alarm_content_args content;
    content.context = "Door forced open";
    content.priority = 150;
    args.content = content;
    auto [ec, id] = co_await c.trigger_alarm(args);
    BOOST_REQUIRE_MESSAGE(!ec, c.last_error_detail());
    BOOST_TEST(id == 1);
    BOOST_REQUIRE(emu.active_alarms().size() == 1u);
    BOOST_TEST(emu.active_alarms()[0].context == "Door forced open");
    BOOST_TEST(emu.active_alarms()[0].priority == 150);
    BOOST_TEST(emu.active_alarms()[0].source_guid == door);

    auto [active_error, active] = co_await c.is_active(alarm_guid);
    BOOST_TEST(!active_error);
    BOOST_TEST(active);

    auto [list_error, alarms] = co_await c.active_alarms();
    BOOST_TEST_MESSAGE(c.last_error_detail());
    BOOST_TEST(!list_error);
    BOOST_REQUIRE(alarms.size() == 1u);
    BOOST_TEST(alarms[0].instance_id == 1);
    BOOST_TEST(alarms[0].alarm_guid == alarm_guid);
    BOOST_TEST(alarms[0].trigger_entity == door);
    BOOST_TEST(alarms[0].context.value_or("") == "Door forced open");
    auto [legacy_error, legacy] = co_await c.active_alarms(true);
    BOOST_TEST(!legacy_error);
    BOOST_REQUIRE(legacy.size() == 1u);
    BOOST_TEST(legacy[0].context.value_or("") == "Door forced open");

    BOOST_TEST(!co_await c.forward_alarm(1, "00000000-0000-0000-0000-000000000003"));
    BOOST_TEST(!co_await c.investigate_alarm(1, alarm_guid));
    BOOST_TEST(!co_await c.edit_alarm_context(1, alarm_guid, "Investigation complete"));
    BOOST_TEST(emu.active_alarms()[0].context == "Investigation complete");
    BOOST_TEST(emu.active_alarms()[0].investigated);
    BOOST_TEST(!co_await c.clear_source_condition(door, 1));
    BOOST_TEST(!co_await c.acknowledge_alarm(1, alarm_guid, ack_type::ack));
    BOOST_TEST(emu.active_alarms().empty());

    auto [second_error, second] = co_await c.trigger_alarm(args);
    BOOST_TEST(!second_error);
    auto [third_error, third] = co_await c.trigger_alarm(args);
    BOOST_TEST(!third_error);
    std::vector<std::int64_t> both = {second, third};
    BOOST_TEST(!co_await c.acknowledge_alarms(std::move(both), ack_type::nack));
    BOOST_TEST(emu.active_alarms().empty());
    auto [fourth_error, fourth] = co_await c.trigger_alarm(args);
    BOOST_TEST(!fourth_error);
    BOOST_TEST(!co_await c.force_acknowledge_alarm(fourth, alarm_guid));
    co_await c.trigger_alarm(args);
    BOOST_TEST(!co_await c.force_acknowledge_all_alarms());
    std::tie(active_error, active) = co_await c.is_active(alarm_guid);
    BOOST_TEST(!active);
  }());
}

BOOST_AUTO_TEST_CASE(server_failures_and_refusals) {
  auto wrong_options = client_options(emu);
  wrong_options.password = "secret-but-wrong";
  client wrong(io.get_executor(), wrong_options);
  run(io, [&]() -> asio::awaitable<void> {
    auto ec = co_await c.acknowledge_alarm(99, ack_type::ack);
    BOOST_TEST(ec == stream_error::call_failed);
    BOOST_TEST(c.last_error_detail() == "GET /alarm answered Status Fail: unknown alarm instance 99");
    ec = co_await c.investigate_alarm(1, "not-a-guid");
    BOOST_TEST(ec == eventwire::websdk::error::invalid_guid);
    ec = co_await wrong.force_acknowledge_all_alarms();
    BOOST_TEST(ec == stream_error::unauthorized);
    BOOST_TEST(wrong.last_error_detail() == "GET /alarm answered 401: the Web SDK refused user admin;eventwire");
    BOOST_TEST(wrong.last_error_detail().find("secret-but-wrong") == std::string::npos);
  }());
}

BOOST_AUTO_TEST_CASE(raise_event_reaches_a_subscribed_stream) {
  auto o = stream_options(emu);
  o.subscriptions = {eventwire::websdk::stream_subscription::every("Camera", "CameraMotion")};
  eventwire::websdk::event_stream s(io.get_executor(), o);
  stream_log log(io.get_executor());
  log.attach(s);
  run(io, [&]() -> asio::awaitable<void> {
    log.start(io, s);
    BOOST_REQUIRE(co_await log.connected.wait_for(1));
    const auto ec = co_await c.raise_event("CameraMotion", entity_ref::logical_id("Camera", 5));
    BOOST_TEST(ec == stream_error::call_failed);  // only 4 cameras
    BOOST_TEST(!co_await c.raise_event("CameraMotion", entity_ref::logical_id("Camera", 3)));
    BOOST_REQUIRE(co_await log.events.wait_for(1));
    BOOST_TEST(log.sources[0] == emu.find("Camera", 3)->guid);
    co_await s.stop();
    BOOST_REQUIRE(co_await log.ended.wait_for(1));
  }());
}

BOOST_AUTO_TEST_SUITE_END()
