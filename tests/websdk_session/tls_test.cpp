// The Web SDK over TLS (both ports of the emulator serve https with one self-signed certificate):
// a pinned client and event stream connect, follow the 301 to the https streaming port and
// receive; a wrong pin refuses every request with a clear error and delivers nothing.

#include "websdk_testing.hpp"

#include <eventwire/net/error.hpp>
#include <eventwire/net/self_signed_certificate.hpp>
#include <eventwire/net/tls_context.hpp>
#include <eventwire/websdk/stream_error.hpp>

#include <string>

namespace {

using namespace eventwire::testing::websdk;
using eventwire::websdk::event_stream;
using eventwire::websdk::entity_ref;
using eventwire::websdk::stream_subscription;
namespace net = eventwire::net;
namespace emulator = eventwire::emulator;

const std::string alarm_guid = "c319de11-3fb9-4c42-b4ee-1745c7287799";

eventwire::websdk::trigger_alarm_args alarm_from(const std::string& source) {
  eventwire::websdk::trigger_alarm_args args;
  args.alarm = entity_ref::guid(alarm_guid);
  args.source = entity_ref::guid(source);
  return args;
}

emulator::websdk_emulator_options secure() {
  auto o = emulator_fixture::quiet();
  o.tls = true;
  return o;
}

std::shared_ptr<net::tls_client_context> pinned(const std::string& fingerprint) {
  net::tls_options pin;
  pin.pin_sha256 = fingerprint;
  std::shared_ptr<net::tls_client_context> tls;
  BOOST_TEST_REQUIRE(!net::tls_client_context::make(pin, tls));
  return tls;
}

// An https emulator, and an event stream (Camera 1's motion, alarm monitoring) and a REST client
// that both pin `fingerprint` (empty: the emulator's own).
struct pinned_session {
  explicit pinned_session(const std::string& fingerprint = {})
      : tls(pinned(fingerprint.empty() ? emu.certificate()->fingerprint.to_string() : fingerprint)),
        s(f.io.get_executor(), stream()),
        rest(f.io.get_executor(), with_pin(client_options(emu))) {
    log.attach(s);
  }

  eventwire::websdk::event_stream_options stream() const {
    auto o = with_pin(stream_options(emu));
    o.subscriptions = {stream_subscription::logical("Camera", 1, "CameraMotion")};
    o.alarm_monitoring = true;
    return o;
  }
  template <class Options>
  Options with_pin(Options o) const {
    o.http.tls = tls;
    return o;
  }

  emulator_fixture f{secure()};
  emulator::websdk_emulator& emu = *f.emu;
  std::shared_ptr<net::tls_client_context> tls;
  event_stream s;
  stream_log log{f.io.get_executor()};
  eventwire::websdk::client rest;
};

}  // namespace

BOOST_AUTO_TEST_SUITE(websdk_tls)

BOOST_AUTO_TEST_CASE(the_emulator_serves_https_on_both_ports) {
  emulator_fixture f(secure());
  BOOST_TEST_REQUIRE(f.emu->certificate() != nullptr);
  BOOST_TEST(f.emu->base_url().to_string().rfind("https://127.0.0.1:", 0) == 0u);
}

BOOST_AUTO_TEST_CASE(the_right_pin_connects_on_every_request_and_the_stream) {
  pinned_session p;
  auto& emu = p.emu;
  auto& log = p.log;
  const auto* camera = emu.find("Camera", 1);
  run(p.f.io, [&]() -> asio::awaitable<void> {
    log.start(p.f.io, p.s);
    BOOST_REQUIRE(co_await log.connected.wait_for(1));
    BOOST_TEST(emu.subscribe_requests() == 1u);
    BOOST_TEST(emu.alarm_monitoring());
    BOOST_TEST(emu.raise_event("CameraMotion", camera->guid) == 1u);
    BOOST_REQUIRE(co_await log.events.wait_for(1));
    BOOST_TEST(log.sources.front() == camera->guid);
    // A REST call over the same pin: the alarm it triggers arrives on the stream.
    const auto [ec, instance] = co_await p.rest.trigger_alarm(alarm_from(camera->guid));
    BOOST_TEST(!ec, p.rest.last_error_detail());
    BOOST_REQUIRE(co_await log.alarms.wait_for(1));
    BOOST_TEST(log.alarm_instances.front() == instance);
    co_await p.s.stop();
    BOOST_REQUIRE(co_await log.ended.wait_for(1));
  }());
  BOOST_TEST(!log.result, log.result.message());
  BOOST_TEST(emu.connections_closed() == 1u);  // closeconnection went over the pin too
}

BOOST_AUTO_TEST_CASE(a_wrong_pin_refuses_with_a_clear_error_and_delivers_nothing) {
  pinned_session p(net::make_self_signed_certificate().fingerprint.to_string());
  auto& emu = p.emu;
  auto& log = p.log;
  run(p.f.io, [&]() -> asio::awaitable<void> {
    log.start(p.f.io, p.s);
    BOOST_REQUIRE(co_await log.ended.wait_for(1));
    const auto [ec, instance] = co_await p.rest.trigger_alarm(alarm_from(emu.find("Camera", 1)->guid));
    BOOST_TEST(ec == net::error::certificate_pin_mismatch, ec.message());
    BOOST_TEST(instance == 0);
  }());
  BOOST_TEST(log.result == net::error::certificate_pin_mismatch, log.result.message());
  const std::string& detail = p.s.last_error_detail();
  BOOST_TEST(detail.find("does not match the pin") != std::string::npos, detail);
  BOOST_TEST(log.connected.count() == 0u);
  BOOST_TEST(log.events.count() == 0u);
  BOOST_TEST(emu.subscribe_requests() == 0u);  // refused before any request reached the server
  BOOST_TEST(emu.streams_opened() == 0u);
}

BOOST_AUTO_TEST_SUITE_END()
