// event_stream: wrong credentials; malformed, oversized and failed parts are reported and skipped
// while the following events still arrive.

#include "websdk_testing.hpp"

#include <eventwire/websdk/error.hpp>
#include <eventwire/websdk/stream_error.hpp>

namespace {

using namespace eventwire::testing::websdk;
using eventwire::websdk::event_stream;
using eventwire::websdk::stream_error;
using eventwire::websdk::stream_subscription;

}  // namespace

BOOST_AUTO_TEST_SUITE(websdk_event_stream_faults)

BOOST_AUTO_TEST_CASE(wrong_password_is_a_clear_error) {
  emulator_fixture f;
  auto o = stream_options(*f.emu);
  o.password = "not-the-password";
  o.subscriptions = {stream_subscription::every("Camera", "CameraMotion")};
  event_stream s(f.io.get_executor(), o);
  run(f.io, [&]() -> asio::awaitable<void> {
    const auto ec = co_await s.run();
    BOOST_TEST(ec == stream_error::unauthorized);
    BOOST_TEST((ec == std::errc::permission_denied));
    BOOST_TEST(ec.message() ==
               "the Web SDK refused the credentials (401): check the user name, application id and password");
    BOOST_TEST(s.last_error_detail() ==
               "GET /events/subscribe answered 401: the Web SDK refused user admin;eventwire");
    BOOST_TEST(s.last_error_detail().find("not-the-password") == std::string::npos);
    BOOST_TEST(f.emu->unauthorized_requests() == 1u);
    BOOST_TEST(f.emu->open_streams() == 0u);
  }());
}

BOOST_AUTO_TEST_CASE(wrong_application_id_without_subscriptions_fails_at_the_stream) {
  emulator_fixture f;
  auto o = stream_options(*f.emu);
  o.application_id = "someone-else";
  event_stream s(f.io.get_executor(), o);
  run(f.io, [&]() -> asio::awaitable<void> {
    const auto ec = co_await s.run();
    BOOST_TEST(ec == stream_error::unauthorized);
    BOOST_TEST(s.last_error_detail() == "GET /events answered 401: the Web SDK refused user admin;someone-else");
  }());
}

BOOST_AUTO_TEST_CASE(malformed_part_is_skipped_and_the_next_event_arrives) {
  emulator_fixture f;
  auto& emu = *f.emu;
  const auto* camera1 = emu.find("Camera", 1);
  auto o = stream_options(emu);
  o.subscriptions = {stream_subscription::every("Camera", "CameraMotion")};
  event_stream s(f.io.get_executor(), o);
  stream_log log(f.io.get_executor());
  log.attach(s);
  run(f.io, [&]() -> asio::awaitable<void> {
    log.start(f.io, s);
    BOOST_REQUIRE(co_await log.connected.wait_for(1));
    BOOST_TEST(emu.send_malformed_part() == 1u);
    emu.raise_event("CameraMotion", camera1->guid);
    BOOST_REQUIRE(co_await log.events.wait_for(1));
    BOOST_REQUIRE(log.skipped.count() == 1u);
    BOOST_TEST(log.skipped_codes[0] == eventwire::websdk::error::invalid_json);
    BOOST_TEST(log.skipped_details[0].find("skipped a part that does not decode") == 0u);
    BOOST_TEST(log.reconnecting.count() == 0u);
    BOOST_TEST(s.statistics().skipped == 1u);
    co_await s.stop();
    BOOST_REQUIRE(co_await log.ended.wait_for(1));
  }());
}

BOOST_AUTO_TEST_CASE(oversized_part_is_skipped_and_the_next_event_arrives) {
  emulator_fixture f;
  auto& emu = *f.emu;
  const auto* camera1 = emu.find("Camera", 1);
  auto o = stream_options(emu);
  o.max_part_size = 4096;
  o.read_buffer_size = 1024;  // the part spans many reads
  o.subscriptions = {stream_subscription::every("Camera", "CameraMotion")};
  event_stream s(f.io.get_executor(), o);
  stream_log log(f.io.get_executor());
  log.attach(s);
  run(f.io, [&]() -> asio::awaitable<void> {
    log.start(f.io, s);
    BOOST_REQUIRE(co_await log.connected.wait_for(1));
    BOOST_TEST(emu.send_oversized_part(100000) == 1u);
    emu.raise_event("CameraMotion", camera1->guid);
    BOOST_TEST(emu.send_oversized_part(4000) == 1u);  // within the limit: decodes, unknown result
    emu.raise_event("CameraMotion", camera1->guid);
    BOOST_REQUIRE(co_await log.events.wait_for(2));
    BOOST_REQUIRE(log.skipped.count() == 1u);
    BOOST_TEST(log.skipped_codes[0] == stream_error::part_too_large);
    BOOST_TEST(log.skipped_details[0] == "skipped a part of 100000 bytes (max_part_size 4096)");
    BOOST_TEST(log.reconnecting.count() == 0u);
    co_await s.stop();
    BOOST_REQUIRE(co_await log.ended.wait_for(1));
  }());
}

BOOST_AUTO_TEST_CASE(invalid_url_and_invalid_subscription) {
  asio::io_context io;
  eventwire::websdk::event_stream_options o;
  o.url = "ftp://example/WebSdk";
  event_stream bad_url(io.get_executor(), o);
  emulator_fixture f;
  auto good = stream_options(*f.emu);
  good.subscriptions = {stream_subscription::every("Came ra", "CameraMotion")};
  event_stream bad_sub(f.io.get_executor(), good);
  run(f.io, [&]() -> asio::awaitable<void> {
    BOOST_TEST(co_await bad_url.run() == stream_error::invalid_url);
    BOOST_TEST(co_await bad_sub.run() == eventwire::websdk::error::invalid_name);
  }());
}

BOOST_AUTO_TEST_SUITE_END()
