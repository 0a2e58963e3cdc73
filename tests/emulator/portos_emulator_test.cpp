// The Portos emulator seen by a plain SignalR client (hub_connection) over 127.0.0.1.
#include "session_testing.hpp"

#include <eventwire/emulator/portos_emulator.hpp>
#include <eventwire/portos/notification.hpp>
#include <eventwire/portos/notification_decoder.hpp>
#include <eventwire/signalr/hub_connection.hpp>

#include <boost/test/unit_test.hpp>

#include <optional>
#include <string>
#include <vector>

namespace asio = boost::asio;
namespace emulator = eventwire::emulator;
namespace portos = eventwire::portos;
namespace signalr = eventwire::signalr;
namespace testing = eventwire::testing;
using namespace std::chrono_literals;

namespace {

// A client that keeps the OnEvent arguments it gets.
struct client {
  client(asio::any_io_executor ex, const emulator::portos_emulator& p)
      : hub(ex, testing::options_for(const_cast<emulator::portos_emulator&>(p).hub())), received(ex) {
    hub.on("OnEvent", [this](const signalr::invocation& inv) {
      for (std::string_view a : inv.arguments) arguments.emplace_back(a);
      received.add();
    });
  }
  signalr::hub_connection hub;
  testing::counter received;
  std::vector<std::string> arguments;
};

emulator::portos_change change(std::string kind, portos::resource_action action, std::string id) {
  emulator::portos_change c;
  c.kind = std::move(kind);
  c.action = action;
  c.resource_id = std::move(id);
  return c;
}

const std::string doors_created = R"({"e":"portos.resources.changed","r":[{"n":"door","a":["created"]}]})";
const std::string licence = R"({"e":"portos.licence.activated"})";
const std::string everything = R"({"e":"portos.resources.changed"})";

}  // namespace

BOOST_AUTO_TEST_SUITE(portos_emulator_suite)

BOOST_AUTO_TEST_CASE(subscriptions_are_per_connection) {
  asio::io_context io;
  emulator::portos_emulator p(io.get_executor());
  client a(io.get_executor(), p), b(io.get_executor(), p);
  testing::run(io, [&]() -> asio::awaitable<void> {
    BOOST_TEST_REQUIRE(!co_await a.hub.start());
    BOOST_TEST_REQUIRE(!co_await b.hub.start());
    auto [e1, r1] = co_await a.hub.invoke("Subscribe", doors_created);
    BOOST_TEST_REQUIRE(!e1, e1.message());
    auto [e2, r2] = co_await b.hub.invoke("Subscribe", licence);
    BOOST_TEST_REQUIRE(!e2);
    auto [e3, r3] = co_await b.hub.invoke("Subscribe", licence);  // twice: kept once
    BOOST_TEST_REQUIRE(!e3);
    BOOST_TEST(p.subscription_count() == 2u);
    BOOST_TEST(p.subscribes() == 2u);

    BOOST_TEST(p.notify(change("door", portos::resource_action::created, "d1")) == 1u);
    BOOST_TEST(p.notify(change("door", portos::resource_action::updated, "d2")) == 0u);
    BOOST_TEST(p.notify(change("zone", portos::resource_action::created, "z1")) == 0u);
    BOOST_TEST(p.notify_licence_activated() == 1u);
    BOOST_TEST_REQUIRE(co_await a.received.wait_for(1));
    BOOST_TEST_REQUIRE(co_await b.received.wait_for(1));

    portos::notification_decoder decoder;
    portos::notification n;
    BOOST_TEST_REQUIRE(!decoder.decode(a.arguments.at(0), n), decoder.describe_error());
    BOOST_TEST(n.event.equals("portos.resources.changed"));
    BOOST_TEST_REQUIRE(n.change.has_value());
    BOOST_TEST(n.change->resource_name.equals("door"));
    BOOST_TEST((n.change->action == portos::resource_action::created));
    BOOST_TEST_REQUIRE(n.change->affected.size() == 1u);
    BOOST_TEST(n.change->affected[0].id.equals("d1"));
    BOOST_TEST(n.sender.connection_id.equals("server"));
    BOOST_TEST_REQUIRE(!decoder.decode(b.arguments.at(0), n), decoder.describe_error());
    BOOST_TEST(n.event.equals("portos.licence.activated"));

    auto [e4, r4] = co_await a.hub.invoke("Unsubscribe", doors_created);
    BOOST_TEST_REQUIRE(!e4);
    BOOST_TEST(p.unsubscribes() == 1u);
    BOOST_TEST(p.notify(change("door", portos::resource_action::created, "d3")) == 0u);
    co_await a.hub.stop();
    co_await b.hub.stop();
  }());
  p.hub().stop_now();
  testing::drain(io);
}

BOOST_AUTO_TEST_CASE(an_invalid_payload_is_answered_with_an_error) {
  asio::io_context io;
  emulator::portos_emulator p(io.get_executor());
  client a(io.get_executor(), p);
  testing::run(io, [&]() -> asio::awaitable<void> {
    BOOST_TEST_REQUIRE(!co_await a.hub.start());
    const std::string bad = R"({"r":[]})";
    auto [ec, result] = co_await a.hub.invoke("Subscribe", bad);
    BOOST_TEST(ec == signalr::session_error::invocation_error);
    BOOST_TEST(result.find("Invalid subscription payload") != std::string::npos, result);
    auto [ec2, result2] = co_await a.hub.invoke("Subscribe");
    BOOST_TEST(ec2 == signalr::session_error::invocation_error);
    BOOST_TEST(p.subscription_count() == 0u);
    co_await a.hub.stop();
  }());
  p.hub().stop_now();
  testing::drain(io);
}

BOOST_AUTO_TEST_CASE(echo_names_the_recipient_as_sender) {
  asio::io_context io;
  emulator::portos_emulator p(io.get_executor());
  client a(io.get_executor(), p);
  testing::run(io, [&]() -> asio::awaitable<void> {
    BOOST_TEST_REQUIRE(!co_await a.hub.start());
    auto [e1, r1] = co_await a.hub.invoke("Subscribe", everything);
    BOOST_TEST_REQUIRE(!e1);
    BOOST_TEST(p.notify(change("user", portos::resource_action::deleted, "u1"), true) == 1u);
    BOOST_TEST_REQUIRE(co_await a.received.wait_for(1));
    portos::notification_decoder decoder;
    portos::notification n;
    BOOST_TEST_REQUIRE(!decoder.decode(a.arguments.at(0), n), decoder.describe_error());
    BOOST_TEST(!a.hub.connection_id().empty());
    BOOST_TEST(n.sender.connection_id.equals(a.hub.connection_id()));
    co_await a.hub.stop();
  }());
  p.hub().stop_now();
  testing::drain(io);
}

BOOST_AUTO_TEST_CASE(generator_sends_count_at_rate_only_to_subscribers) {
  asio::io_context io;
  emulator::portos_emulator p(io.get_executor());
  client a(io.get_executor(), p), b(io.get_executor(), p);
  testing::run(io, [&]() -> asio::awaitable<void> {
    BOOST_TEST_REQUIRE(!co_await a.hub.start());
    BOOST_TEST_REQUIRE(!co_await b.hub.start());
    auto [e1, r1] = co_await a.hub.invoke("Subscribe", everything);
    auto [e2, r2] = co_await a.hub.invoke("Subscribe", licence);
    auto [e3, r3] = co_await b.hub.invoke("Subscribe", doors_created);
    BOOST_TEST_REQUIRE((!e1 && !e2 && !e3));
    const auto start = std::chrono::steady_clock::now();
    const auto delivered = co_await p.generate(40, 400);
    const bool paced = std::chrono::steady_clock::now() - start >= 90ms;  // 39 intervals of 2.5 ms
    BOOST_TEST(paced);
    // 40 to a (36 changes, 4 licences); to b the door creations among the 36 changes.
    BOOST_TEST_REQUIRE(co_await a.received.wait_for(40));
    portos::notification_decoder decoder;
    portos::notification n;
    std::size_t doors_created_count = 0;
    for (const auto& text : a.arguments) {
      BOOST_TEST_REQUIRE(!decoder.decode(text, n), decoder.describe_error());
      if (n.change && n.change->resource_name.equals("door") && n.change->action == portos::resource_action::created)
        ++doors_created_count;
    }
    BOOST_TEST(doors_created_count > 0u);
    BOOST_TEST_REQUIRE(co_await b.received.wait_for(doors_created_count));
    BOOST_TEST(delivered == 40u + doors_created_count);
    BOOST_TEST(p.notifications_sent() == delivered);
    co_await a.hub.stop();
    co_await b.hub.stop();
    BOOST_TEST(b.arguments.size() == doors_created_count);
  }());
  p.hub().stop_now();
  testing::drain(io);
}

BOOST_AUTO_TEST_SUITE_END()
