// event_stream: subscribe, stream, receive, unsubscribe; alarm monitoring; heartbeats; stop.

#include "websdk_testing.hpp"

#include <eventwire/websdk/stream_error.hpp>

#include <array>

namespace {

using namespace eventwire::testing::websdk;
using eventwire::websdk::event_stream;
using eventwire::websdk::stream_subscription;

}  // namespace

BOOST_AUTO_TEST_SUITE(websdk_event_stream_receive)

BOOST_AUTO_TEST_CASE(subscribe_stream_receive_unsubscribe) {
  emulator_fixture f;
  auto& emu = *f.emu;
  const auto* camera2 = emu.find("Camera", 2);
  const auto* door1 = emu.find("Door", 1);
  const auto* door2 = emu.find("Door", 2);
  const auto* card3 = emu.find("Cardholder", 3);
  BOOST_REQUIRE(camera2 && door1 && door2 && card3);
  auto o = stream_options(emu);
  o.subscriptions = {stream_subscription::every("Camera", "CameraMotion"),
                     stream_subscription::logical("Door", 1, "AccessGranted"),
                     stream_subscription::entity(card3->guid, "CardholderAccessGranted")};
  event_stream s(f.io.get_executor(), o);
  stream_log log(f.io.get_executor());
  log.attach(s);
  run(f.io, [&]() -> asio::awaitable<void> {
    log.start(f.io, s);
    BOOST_REQUIRE(co_await log.connected.wait_for(1));
    BOOST_TEST(s.connected());
    BOOST_TEST(emu.open_streams() == 1u);
    BOOST_TEST(emu.subscriptions().size() == 3u);
    BOOST_TEST(s.connection_id().size() == 36u);

    BOOST_TEST(emu.raise_event("CameraMotion", camera2->guid) == 1u);
    BOOST_TEST(emu.raise_event("AccessGranted", door1->guid) == 1u);
    BOOST_TEST(emu.raise_event("AccessGranted", door2->guid) == 0u);  // not subscribed
    BOOST_TEST(emu.raise_event("CardholderAccessGranted", card3->guid) == 1u);
    BOOST_REQUIRE(co_await log.events.wait_for(3));
    const std::vector<std::string> types = {"CameraMotion", "AccessGranted", "CardholderAccessGranted"};
    const std::vector<std::string> sources = {camera2->guid, door1->guid, card3->guid};
    BOOST_TEST(log.event_types == types, boost::test_tools::per_element());
    BOOST_TEST(log.sources == sources, boost::test_tools::per_element());

    const std::array<stream_subscription, 1> cameras = {stream_subscription::every("Camera", "CameraMotion")};
    const auto ec = co_await s.unsubscribe(cameras);
    BOOST_TEST(!ec);
    BOOST_TEST(s.subscriptions().size() == 2u);
    BOOST_TEST(emu.subscriptions().size() == 2u);
    BOOST_TEST(emu.raise_event("CameraMotion", camera2->guid) == 0u);
    BOOST_TEST(emu.raise_event("AccessGranted", door1->guid) == 1u);
    BOOST_REQUIRE(co_await log.events.wait_for(4));
    BOOST_TEST(log.event_types.back() == "AccessGranted");
    BOOST_TEST(log.skipped.count() == 0u);

    co_await s.stop();
    BOOST_REQUIRE(co_await log.ended.wait_for(1));
    BOOST_TEST(!log.result);
    BOOST_TEST(emu.connections_closed() == 1u);
    BOOST_TEST(co_await emu.wait_until([&] { return emu.open_streams() == 0; }));
    BOOST_TEST(s.statistics().events == 4u);
    BOOST_TEST(s.statistics().connects == 1u);
  }());
}

BOOST_AUTO_TEST_CASE(subscribe_while_running_and_list_the_subscriptions) {
  emulator_fixture f;
  auto& emu = *f.emu;
  const auto* camera1 = emu.find("Camera", 1);
  event_stream s(f.io.get_executor(), stream_options(emu));
  stream_log log(f.io.get_executor());
  log.attach(s);
  run(f.io, [&]() -> asio::awaitable<void> {
    log.start(f.io, s);
    BOOST_REQUIRE(co_await log.connected.wait_for(1));
    BOOST_TEST(emu.raise_event("CameraMotion", camera1->guid) == 0u);  // nothing subscribed yet

    const std::array<stream_subscription, 2> subs = {stream_subscription::entity(camera1->guid, "CameraMotion"),
                                                     stream_subscription::every("Door", "AccessGranted")};
    const auto ec = co_await s.subscribe(subs);
    BOOST_TEST(!ec);
    auto [list_error, items] = co_await s.subscribed();
    BOOST_TEST(!list_error);
    BOOST_REQUIRE(items.size() == 2u);
    BOOST_TEST(items[0].event_type == "CameraMotion");
    BOOST_TEST(items[0].entities == std::vector<std::string>{camera1->guid}, boost::test_tools::per_element());
    BOOST_TEST(items[1].event_type == "AccessGranted");
    BOOST_TEST(items[1].entities.size() == 4u);  // every door

    BOOST_TEST(emu.raise_event("CameraMotion", camera1->guid) == 1u);
    BOOST_REQUIRE(co_await log.events.wait_for(1));
    co_await s.stop();
    BOOST_REQUIRE(co_await log.ended.wait_for(1));
  }());
}

BOOST_AUTO_TEST_CASE(alarm_monitoring_on_and_off) {
  emulator_fixture f;
  auto& emu = *f.emu;
  const auto* camera1 = emu.find("Camera", 1);
  auto o = stream_options(emu);
  o.subscriptions = {stream_subscription::every("Camera", "CameraMotion")};
  event_stream s(f.io.get_executor(), o);
  stream_log log(f.io.get_executor());
  log.attach(s);
  const std::string alarm = "8f1f727f-38d9-41e9-ac4d-fe1d41a4a6da";
  run(f.io, [&]() -> asio::awaitable<void> {
    log.start(f.io, s);
    BOOST_REQUIRE(co_await log.connected.wait_for(1));
    // Off: an alarm is not sent; the event after it arrives alone.
    emu.trigger_alarm(alarm, camera1->guid, "before");
    emu.raise_event("CameraMotion", camera1->guid);
    BOOST_REQUIRE(co_await log.events.wait_for(1));
    BOOST_TEST(log.alarms.count() == 0u);

    auto ec = co_await s.set_alarm_monitoring(true);
    BOOST_TEST(!ec);
    BOOST_TEST(emu.alarm_monitoring());
    BOOST_TEST(s.alarm_monitoring());
    const auto id = emu.trigger_alarm(alarm, camera1->guid, "Door forced open");
    BOOST_REQUIRE(co_await log.alarms.wait_for(1));
    BOOST_TEST(log.alarm_instances.back() == id);

    ec = co_await s.set_alarm_monitoring(false);
    BOOST_TEST(!ec);
    BOOST_TEST(!emu.alarm_monitoring());
    emu.trigger_alarm(alarm, camera1->guid, "after");
    emu.raise_event("CameraMotion", camera1->guid);
    BOOST_REQUIRE(co_await log.events.wait_for(2));
    BOOST_TEST(log.alarms.count() == 1u);
    co_await s.stop();
    BOOST_REQUIRE(co_await log.ended.wait_for(1));
  }());
}

BOOST_AUTO_TEST_CASE(heartbeats_keep_an_idle_stream_alive) {
  emulator_fixture f;  // KeepAlive every 200 ms; the stream's watchdog is 1 s
  event_stream s(f.io.get_executor(), stream_options(*f.emu));
  stream_log log(f.io.get_executor());
  log.attach(s);
  run(f.io, [&]() -> asio::awaitable<void> {
    log.start(f.io, s);
    BOOST_REQUIRE(co_await log.connected.wait_for(1));
    // No reconnect within 2.5 watchdog periods of silence but for heartbeats.
    BOOST_TEST(!co_await log.reconnecting.wait_for(1, 2500ms));
    BOOST_TEST(s.statistics().heartbeats >= 5u);
    co_await s.stop();
    BOOST_REQUIRE(co_await log.ended.wait_for(1));
  }());
}

BOOST_AUTO_TEST_CASE(stop_before_run_and_run_twice) {
  emulator_fixture f;
  event_stream s(f.io.get_executor(), stream_options(*f.emu));
  stream_log log(f.io.get_executor());
  log.attach(s);
  run(f.io, [&]() -> asio::awaitable<void> {
    co_await s.stop();  // not running: nothing to do
    log.start(f.io, s);
    BOOST_REQUIRE(co_await log.connected.wait_for(1));
    const auto second = co_await s.run();
    BOOST_TEST(second == eventwire::websdk::stream_error::already_running);
    co_await s.stop();
    BOOST_REQUIRE(co_await log.ended.wait_for(1));
    BOOST_TEST(!log.result);
  }());
}

BOOST_AUTO_TEST_SUITE_END()
