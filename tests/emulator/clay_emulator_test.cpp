// The Clay emulator seen by a plain SignalR client (hub_connection) over 127.0.0.1.
#include "session_testing.hpp"

#include <eventwire/clay/message.hpp>
#include <eventwire/clay/message_decoder.hpp>
#include <eventwire/emulator/clay_emulator.hpp>
#include <eventwire/signalr/hub_connection.hpp>

#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

namespace asio = boost::asio;
namespace clay = eventwire::clay;
namespace emulator = eventwire::emulator;
namespace signalr = eventwire::signalr;
namespace testing = eventwire::testing;
using namespace std::chrono_literals;

namespace {

struct client {
  client(asio::any_io_executor ex, std::string url, std::string token = "clay-token")
      : hub(ex, make_options(std::move(url), std::move(token))), received(ex) {
    hub.on("ReceiveMessage", [this](const signalr::invocation& inv) {
      for (std::string_view a : inv.arguments) arguments.emplace_back(a);
      received.add();
    });
  }
  static signalr::hub_options make_options(std::string url, std::string token) {
    signalr::hub_options o;
    o.url = std::move(url);
    o.skip_negotiation = true;
    o.access_token_in_query = true;
    o.access_token = [token]() -> asio::awaitable<std::tuple<std::error_code, std::string>> {
      co_return std::tuple{std::error_code{}, token};
    };
    o.reconnect = eventwire::session::reconnect_policy::never();
    o.close_timeout = 2s;
    return o;
  }
  signalr::hub_connection hub;
  testing::counter received;
  std::vector<std::string> arguments;
};

}  // namespace

BOOST_AUTO_TEST_SUITE(clay_emulator_suite)

BOOST_AUTO_TEST_CASE(messages_are_double_encoded_and_filtered_by_collection) {
  asio::io_context io;
  emulator::clay_emulator c(io.get_executor());
  client all(io.get_executor(), c.url(clay::hub::incident));
  client site(io.get_executor(), c.url(clay::hub::incident) + "?collectionId=site-3");
  client entries(io.get_executor(), c.url(clay::hub::entry));
  testing::run(io, [&]() -> asio::awaitable<void> {
    BOOST_TEST_REQUIRE(!co_await all.hub.start());
    BOOST_TEST_REQUIRE(!co_await site.hub.start());
    BOOST_TEST_REQUIRE(!co_await entries.hub.start());
    BOOST_TEST(c.url(clay::hub::incident).ends_with("/hub/incident"));
    BOOST_TEST(c.url(clay::hub::entry).ends_with("/hub/entry"));

    const auto delivered = co_await c.generate(clay::hub::incident, 6);
    BOOST_TEST(delivered == 8u);  // 6 to `all`, 2 (site-3) to `site`
    BOOST_TEST_REQUIRE(co_await all.received.wait_for(6));
    BOOST_TEST_REQUIRE(co_await site.received.wait_for(2));
    BOOST_TEST(c.send(clay::hub::entry, {"e1", "EntryDenied", "site-1"}) == 1u);
    BOOST_TEST_REQUIRE(co_await entries.received.wait_for(1));

    clay::message_decoder decoder;
    clay::message m;
    std::string buffer;
    for (const auto& argument : site.arguments) {
      BOOST_TEST_REQUIRE(argument.front() == '"');  // one JSON string holding the message
      BOOST_TEST_REQUIRE(!decoder.decode(argument, clay::hub::incident, buffer, m), decoder.describe_error());
      BOOST_TEST_REQUIRE(m.collection_id.has_value());
      BOOST_TEST(m.collection_id->text.equals("site-3"));
      BOOST_TEST(m.json.find("\"incident\":{") != std::string_view::npos);
      BOOST_TEST(m.time.has_value());
    }
    BOOST_TEST_REQUIRE(!decoder.decode(entries.arguments.at(0), clay::hub::entry, buffer, m));
    BOOST_TEST(m.id->text.equals("e1"));
    BOOST_TEST(m.type->equals("EntryDenied"));
    BOOST_TEST(c.messages_sent() == 9u);
    co_await all.hub.stop();
    co_await site.hub.stop();
    co_await entries.hub.stop();
  }());
  c.hub(clay::hub::incident).stop_now();
  c.hub(clay::hub::entry).stop_now();
  testing::drain(io);
}

BOOST_AUTO_TEST_CASE(the_token_is_checked) {
  asio::io_context io;
  emulator::clay_emulator c(io.get_executor());
  client wrong(io.get_executor(), c.url(clay::hub::entry), "nope");
  testing::run(io, [&]() -> asio::awaitable<void> {
    const auto ec = co_await wrong.hub.start();
    BOOST_TEST(ec == signalr::session_error::unauthorized, ec.message());
    BOOST_TEST(c.hub(clay::hub::entry).refusals(401) >= 1u);
  }());
  c.hub(clay::hub::incident).stop_now();
  c.hub(clay::hub::entry).stop_now();
  testing::drain(io);
}

BOOST_AUTO_TEST_CASE(the_generator_keeps_its_rate) {
  asio::io_context io;
  emulator::clay_emulator c(io.get_executor());
  client all(io.get_executor(), c.url(clay::hub::entry));
  testing::run(io, [&]() -> asio::awaitable<void> {
    BOOST_TEST_REQUIRE(!co_await all.hub.start());
    const auto start = std::chrono::steady_clock::now();
    const auto delivered = co_await c.generate(clay::hub::entry, 21, 200);
    const bool paced = std::chrono::steady_clock::now() - start >= 95ms;  // 20 intervals of 5 ms
    BOOST_TEST(paced);
    BOOST_TEST(delivered == 21u);
    BOOST_TEST_REQUIRE(co_await all.received.wait_for(21));
    co_await all.hub.stop();
  }());
  c.hub(clay::hub::incident).stop_now();
  c.hub(clay::hub::entry).stop_now();
  testing::drain(io);
}

BOOST_AUTO_TEST_SUITE_END()
