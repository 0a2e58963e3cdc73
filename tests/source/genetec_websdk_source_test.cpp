// The genetec-websdk source against the Web SDK emulator, into a memory delivery.

#include "websdk_testing.hpp"

#include <eventwire/event/memory_delivery.hpp>
#include <eventwire/source/genetec_websdk_source.hpp>
#include <eventwire/websdk/stream_error.hpp>

namespace {

using namespace eventwire::testing::websdk;
using eventwire::websdk::stream_subscription;

eventwire::source::genetec_websdk_options source_options(const eventwire::emulator::websdk_emulator& emu) {
  eventwire::source::genetec_websdk_options o;
  o.name = "hq";
  o.stream = stream_options(emu);
  o.stream.subscriptions = {stream_subscription::every("Camera", "CameraMotion"),
                            stream_subscription::logical("Door", 1, "AccessGranted")};
  o.stream.alarm_monitoring = true;
  return o;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(genetec_websdk_source)

BOOST_AUTO_TEST_CASE(events_and_alarms_become_normalized_events) {
  emulator_fixture f;
  auto& emu = *f.emu;
  const auto* camera2 = emu.find("Camera", 2);
  const auto* door1 = emu.find("Door", 1);
  eventwire::source::genetec_websdk_source source(f.io.get_executor(), source_options(emu));
  eventwire::event::memory_delivery delivery(f.io.get_executor());
  counter ended(f.io.get_executor());
  std::error_code result;
  const std::string alarm = "8f1f727f-38d9-41e9-ac4d-fe1d41a4a6da";
  run(f.io, [&]() -> asio::awaitable<void> {
    asio::co_spawn(f.io, source.run(delivery), [&](std::exception_ptr e, std::error_code ec) {
      if (e) std::rethrow_exception(e);
      result = ec;
      ended.add();
    });
    BOOST_REQUIRE(co_await emu.wait_until([&] { return emu.open_streams() == 1; }));
    BOOST_TEST(source.name() == "hq");
    emu.raise_event("CameraMotion", camera2->guid);
    emu.raise_event("AccessGranted", door1->guid);
    emu.trigger_alarm(alarm, camera2->guid, "Door forced open");
    BOOST_REQUIRE(co_await delivery.wait_for_events(3));
    BOOST_TEST(source.statistics().connected);
    const auto& events = delivery.events();
    BOOST_TEST(events[0].source == "hq");
    BOOST_TEST(events[0].type == "genetec.securitycenter.event.CameraMotion");
    BOOST_TEST(events[0].subject == camera2->guid);
    BOOST_TEST(events[0].id.size() == 32u);  // the Web SDK has no event ids: hashed
    BOOST_TEST(events[0].line.find("\"source\":\"eventwire/hq\"") != std::string::npos);
    BOOST_TEST(events[0].line.find("\"time\":\"20") != std::string::npos);
    BOOST_TEST(events[0].line.find("\"data\":{\"Event\":{") != std::string::npos);
    BOOST_TEST(events[1].type == "genetec.securitycenter.event.AccessGranted");
    BOOST_TEST(events[1].subject == door1->guid);
    BOOST_TEST(events[1].id != events[0].id);
    BOOST_TEST(events[2].type == "genetec.securitycenter.alarm.triggered");
    BOOST_TEST(events[2].subject == camera2->guid);
    BOOST_TEST(events[2].line.find("\"data\":{\"AlarmGuid\":\"" + alarm + "\"") != std::string::npos);
    BOOST_TEST(events[2].line.find("\"Context\":\"Door forced open\"") != std::string::npos);
    BOOST_TEST(source.statistics().events == 3u);
    BOOST_TEST(source.statistics().connects == 1u);

    co_await source.stop();
    BOOST_REQUIRE(co_await ended.wait_for(1));
    BOOST_TEST(!result);
    BOOST_TEST(emu.connections_closed() == 1u);
    BOOST_TEST(!source.statistics().connected);
  }());
}

BOOST_AUTO_TEST_CASE(reconnects_and_keeps_publishing) {
  emulator_fixture f;
  auto& emu = *f.emu;
  const auto* door1 = emu.find("Door", 1);
  eventwire::source::genetec_websdk_source source(f.io.get_executor(), source_options(emu));
  eventwire::event::memory_delivery delivery(f.io.get_executor());
  counter ended(f.io.get_executor());
  run(f.io, [&]() -> asio::awaitable<void> {
    asio::co_spawn(f.io, source.run(delivery), [&](std::exception_ptr e, std::error_code) {
      if (e) std::rethrow_exception(e);
      ended.add();
    });
    BOOST_REQUIRE(co_await emu.wait_until([&] { return emu.open_streams() == 1; }));
    emu.drop_streams(true);
    BOOST_REQUIRE(co_await emu.wait_until([&] { return emu.open_streams() == 1 && emu.subscriptions().size() == 2; }));
    emu.raise_event("AccessGranted", door1->guid);
    BOOST_REQUIRE(co_await delivery.wait_for_events(1));
    BOOST_TEST(delivery.events()[0].type == "genetec.securitycenter.event.AccessGranted");
    BOOST_TEST(source.statistics().connects == 2u);
    BOOST_TEST(source.statistics().reconnects == 1u);
    co_await source.stop();
    BOOST_REQUIRE(co_await ended.wait_for(1));
  }());
}

BOOST_AUTO_TEST_CASE(wrong_credentials_end_the_run) {
  emulator_fixture f;
  auto o = source_options(*f.emu);
  o.stream.password = "wrong";
  eventwire::source::genetec_websdk_source source(f.io.get_executor(), o);
  eventwire::event::memory_delivery delivery(f.io.get_executor());
  run(f.io, [&]() -> asio::awaitable<void> {
    const auto ec = co_await source.run(delivery);
    BOOST_TEST(ec == eventwire::websdk::stream_error::unauthorized);
    BOOST_TEST(delivery.events().empty());
  }());
}

BOOST_AUTO_TEST_SUITE_END()
