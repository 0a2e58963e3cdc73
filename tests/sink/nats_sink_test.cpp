// The NATS JetStream sink against a real nats-server, started here on a free loopback port with a
// temporary store.

#include "sink_testing.hpp"

#include <eventwire/sink/nats_error.hpp>
#include <eventwire/sink/nats_sink.hpp>

#include <eventwire/testing/nats_server.hpp>

#include <boost/asio/io_context.hpp>

#include <chrono>

namespace asio = boost::asio;
using eventwire::sink::nats_sink;
using eventwire::sink::nats_sink_options;
using eventwire::testing::nats_server;
using namespace std::chrono_literals;

namespace {

nats_sink_options options_for(const nats_server& server) {
  nats_sink_options o;
  o.url = server.url();
  o.create_stream = true;
  o.stream = "EVENTS";
  o.ack_timeout = 2s;
  return o;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(nats_sink_delivery)

BOOST_AUTO_TEST_CASE(every_event_is_acknowledged_by_jetstream) {
  nats_server server;
  asio::io_context io;
  nats_sink sink(io.get_executor(), options_for(server));
  eventwire::testing::run(io, [&]() -> asio::awaitable<void> {
    const auto batch = eventwire::testing::numbered_batch("hq", 0, 50);
    const auto ec = co_await sink.write(batch);
    BOOST_TEST(!ec, sink.last_error());
    co_await sink.close();
  }());
  BOOST_TEST(server.messages("EVENTS") == 50u);
}

BOOST_AUTO_TEST_CASE(a_redelivered_batch_is_deduplicated_by_event_id) {
  nats_server server;
  asio::io_context io;
  nats_sink sink(io.get_executor(), options_for(server));
  eventwire::testing::run(io, [&]() -> asio::awaitable<void> {
    const auto batch = eventwire::testing::numbered_batch("hq", 0, 20);
    BOOST_TEST(!co_await sink.write(batch));
    BOOST_TEST(!co_await sink.write(batch), "a duplicate is acknowledged too");
    const auto more = eventwire::testing::numbered_batch("hq", 15, 10);
    BOOST_TEST(!co_await sink.write(more));
  }());
  BOOST_TEST(server.messages("EVENTS") == 25u);
}

BOOST_AUTO_TEST_CASE(an_unavailable_server_is_an_error_and_a_restarted_one_is_used_again) {
  nats_server server;
  asio::io_context io;
  nats_sink sink(io.get_executor(), options_for(server));
  eventwire::testing::run(io, [&]() -> asio::awaitable<void> {
    BOOST_TEST(!co_await sink.write(eventwire::testing::numbered_batch("hq", 0, 5)));
    server.stop();
    const auto ec = co_await sink.write(eventwire::testing::numbered_batch("hq", 5, 5));
    BOOST_TEST(static_cast<bool>(ec));
    BOOST_TEST((ec.category() == eventwire::sink::nats_error_category()), ec.message());
    BOOST_TEST(!sink.last_error().empty());
    server.start();
    bool delivered = false;
    for (int attempt = 0; attempt < 50 && !delivered; ++attempt) {
      delivered = !co_await sink.write(eventwire::testing::numbered_batch("hq", 5, 5));
    }
    BOOST_TEST(delivered, sink.last_error());
  }());
  BOOST_TEST(server.messages("EVENTS") == 10u);
}

BOOST_AUTO_TEST_CASE(an_event_without_a_stream_is_refused_with_the_servers_words) {
  nats_server server;
  asio::io_context io;
  auto o = options_for(server);
  o.create_stream = false;  // and nobody else made one: JetStream has no stream for the subject
  nats_sink sink(io.get_executor(), o);
  eventwire::testing::run(io, [&]() -> asio::awaitable<void> {
    const auto ec = co_await sink.write(eventwire::testing::numbered_batch("hq", 0, 3));
    BOOST_TEST((ec == eventwire::sink::nats_error::refused || ec == eventwire::sink::nats_error::not_acknowledged),
               ec.message());
    BOOST_TEST(!sink.last_error().empty());
  }());
}

BOOST_AUTO_TEST_CASE(an_unreadable_token_fails_before_connecting) {
  nats_server server;
  asio::io_context io;
  auto o = options_for(server);
  o.token = eventwire::auth::secret(eventwire::auth::environment_variable{"EVENTWIRE_TEST_NO_SUCH_VARIABLE"});
  nats_sink sink(io.get_executor(), o);
  eventwire::testing::run(io, [&]() -> asio::awaitable<void> {
    const auto ec = co_await sink.write(eventwire::testing::numbered_batch("hq", 0, 1));
    BOOST_TEST((ec == eventwire::sink::nats_error::token_unavailable), ec.message());
    BOOST_TEST(sink.last_error().find("EVENTWIRE_TEST_NO_SUCH_VARIABLE") != std::string::npos, sink.last_error());
  }());
  BOOST_TEST(server.messages("EVENTS") == 0u);
}

BOOST_AUTO_TEST_CASE(subjects_come_from_the_template) {
  using eventwire::sink::nats_subject;
  BOOST_TEST(nats_subject("eventwire.{source}.{type}", "hq", "genetec.securitycenter.event.CameraMotion") ==
             "eventwire.hq.genetec.securitycenter.event.CameraMotion");
  BOOST_TEST(nats_subject("ev.{source}", "my site*>", "x") == "ev.my_site__");
  BOOST_TEST(nats_subject("ev.{type}", "s", "a b.c*") == "ev.a_b.c_");
}

BOOST_AUTO_TEST_SUITE_END()
