// event_stream: reconnect after a dropped stream and after a stall, subscriptions and alarm
// monitoring restored; giving up; credentials revoked while running.

#include "websdk_testing.hpp"

#include <eventwire/net/error.hpp>
#include <eventwire/websdk/stream_error.hpp>

#include <functional>
#include <string_view>

namespace {

using namespace eventwire::testing::websdk;
using eventwire::websdk::event_stream;
using eventwire::websdk::stream_error;
using eventwire::websdk::stream_subscription;

const std::string alarm_guid = "c319de11-3fb9-4c42-b4ee-1745c7287799";

}  // namespace

BOOST_AUTO_TEST_SUITE(websdk_event_stream_reconnect)

BOOST_AUTO_TEST_CASE(dropped_stream_reconnects_and_resubscribes) {
  emulator_fixture f;
  auto& emu = *f.emu;
  const auto* door1 = emu.find("Door", 1);
  auto o = stream_options(emu);
  o.subscriptions = {stream_subscription::logical("Door", 1, "AccessGranted")};
  o.alarm_monitoring = true;
  event_stream s(f.io.get_executor(), o);
  stream_log log(f.io.get_executor());
  log.attach(s);
  run(f.io, [&]() -> asio::awaitable<void> {
    log.start(f.io, s);
    BOOST_REQUIRE(co_await log.connected.wait_for(1));
    const std::string first_id = s.connection_id();
    BOOST_TEST(emu.subscribe_requests() == 1u);

    // The server drops the stream and forgets the session's subscriptions.
    BOOST_TEST(emu.drop_streams(true) == 1u);
    BOOST_TEST(emu.subscriptions().empty());
    BOOST_TEST(!emu.alarm_monitoring());
    BOOST_REQUIRE(co_await log.reconnecting.wait_for(1));
    BOOST_REQUIRE(co_await log.connected.wait_for(2));
    BOOST_TEST(s.connection_id() != first_id);
    BOOST_TEST(emu.subscribe_requests() == 2u);
    BOOST_TEST(emu.subscriptions() == std::vector<std::string>{"event(LogicalID(Door,1),AccessGranted)"},
               boost::test_tools::per_element());
    BOOST_TEST(emu.alarm_monitoring());

    BOOST_TEST(emu.raise_event("AccessGranted", door1->guid) == 1u);
    emu.trigger_alarm(alarm_guid, door1->guid, "after the drop");
    BOOST_REQUIRE(co_await log.events.wait_for(1));
    BOOST_REQUIRE(co_await log.alarms.wait_for(1));
    BOOST_TEST(s.statistics().reconnects == 1u);
    BOOST_TEST(s.statistics().connects == 2u);
    co_await s.stop();
    BOOST_REQUIRE(co_await log.ended.wait_for(1));
    BOOST_TEST(!log.result);
  }());
}

namespace {

// Connects with a 600 ms silence watchdog, applies `fault` to the open stream (it returns how many
// streams it reached), and checks that the stream is lost to the watchdog no sooner than that,
// with `detail` in the session's words, reopened, the abandoned one closed with closeconnection,
// and that an event raised then arrives.
void watchdog_reopens_after(const std::function<std::size_t(eventwire::emulator::websdk_emulator&)>& fault,
                            std::string_view detail) {
  emulator_fixture f;
  auto& emu = *f.emu;
  const auto* camera3 = emu.find("Camera", 3);
  auto o = stream_options(emu);
  o.silence_timeout = 600ms;
  o.subscriptions = {stream_subscription::every("Camera", "CameraMotion")};
  event_stream s(f.io.get_executor(), o);
  stream_log log(f.io.get_executor());
  log.attach(s);
  run(f.io, [&]() -> asio::awaitable<void> {
    log.start(f.io, s);
    BOOST_REQUIRE(co_await log.connected.wait_for(1));
    BOOST_TEST(fault(emu) == 1u);
    const auto faulted = steady::now();
    BOOST_REQUIRE(co_await log.reconnecting.wait_for(1));
    BOOST_TEST((steady::now() - faulted >= 600ms));
    BOOST_TEST(log.reconnecting_codes.front() == eventwire::net::error::read_timeout);
    BOOST_TEST(s.last_error_detail().find(detail) != std::string::npos, s.last_error_detail());
    BOOST_REQUIRE(co_await log.connected.wait_for(2));
    BOOST_TEST(co_await emu.wait_until([&] { return emu.open_streams() == 1 && emu.connections_closed() == 1; }));
    BOOST_TEST(emu.raise_event("CameraMotion", camera3->guid) == 1u);
    BOOST_REQUIRE(co_await log.events.wait_for(1));
    co_await s.stop();
    BOOST_REQUIRE(co_await log.ended.wait_for(1));
  }());
}

}  // namespace

// No heartbeat, no event from the fault on.
BOOST_AUTO_TEST_CASE(stalled_stream_is_detected_by_the_watchdog_and_reopened) {
  watchdog_reopens_after([](auto& emu) { return emu.stall_streams(); }, "the event stream was lost");
}

// A server that trickles bytes (one every 50 ms, far inside the read deadline) but never
// completes a part is lost all the same.
BOOST_AUTO_TEST_CASE(a_trickling_stream_is_detected_by_the_watchdog_and_reopened) {
  watchdog_reopens_after([](auto& emu) { return emu.trickle_streams(50ms); }, "no complete part or KeepAlive");
}

BOOST_AUTO_TEST_CASE(gives_up_when_the_policy_is_exhausted) {
  emulator_fixture f;
  auto o = stream_options(*f.emu);
  o.reconnect = eventwire::session::reconnect_policy::delays({0ms, 10ms}).jitter(0);
  event_stream s(f.io.get_executor(), o);
  stream_log log(f.io.get_executor());
  log.attach(s);
  run(f.io, [&]() -> asio::awaitable<void> {
    log.start(f.io, s);
    BOOST_REQUIRE(co_await log.connected.wait_for(1));
    f.emu->stop();  // both ports gone
    BOOST_REQUIRE(co_await log.ended.wait_for(1));
    BOOST_TEST(log.result == stream_error::reconnect_gave_up);
    BOOST_TEST(log.reconnecting.count() == 1u);
    BOOST_TEST(s.last_error_detail().find("gave up reconnecting after 2 attempts") != std::string::npos);
  }());
}

// Credentials that worked and are refused for a while (a directory restarting, a password being
// rotated) are retried with the reconnect policy: the stream comes back once they are accepted.
BOOST_AUTO_TEST_CASE(credentials_refused_on_reconnect_are_retried_until_accepted) {
  emulator_fixture f;
  event_stream s(f.io.get_executor(), stream_options(*f.emu));
  stream_log log(f.io.get_executor());
  log.attach(s);
  run(f.io, [&]() -> asio::awaitable<void> {
    log.start(f.io, s);
    BOOST_REQUIRE(co_await log.connected.wait_for(1));
    eventwire::emulator::websdk_faults faults;
    faults.reject_credentials = true;
    f.emu->set_faults(faults);
    f.emu->drop_streams();
    std::function<bool()> refused = [&] { return f.emu->unauthorized_requests() >= 2; };
    const bool retried = co_await f.emu->wait_until(refused);
    BOOST_TEST(retried);
    BOOST_TEST(!log.ended.count());
    f.emu->set_faults({});
    BOOST_REQUIRE(co_await log.connected.wait_for(2));
    BOOST_TEST(s.statistics().reconnects == 1u);
    co_await s.stop();
    BOOST_REQUIRE(co_await log.ended.wait_for(1));
    BOOST_TEST(!log.result);
  }());
}

BOOST_AUTO_TEST_SUITE_END()
