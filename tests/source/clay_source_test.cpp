// The clay source against the Clay emulator over 127.0.0.1: both hubs, the token in the query,
// the collection filter, reconnects and failures.
#include "session_testing.hpp"

#include <eventwire/auth/static_token_provider.hpp>
#include <eventwire/clay/hub.hpp>
#include <eventwire/emulator/clay_emulator.hpp>
#include <eventwire/event/memory_delivery.hpp>
#include <eventwire/signalr/session_error.hpp>
#include <eventwire/source/clay_source.hpp>

#include <boost/test/unit_test.hpp>

#include <optional>
#include <string>

namespace asio = boost::asio;
namespace clay = eventwire::clay;
namespace emulator = eventwire::emulator;
namespace source = eventwire::source;
namespace testing = eventwire::testing;
using namespace std::chrono_literals;

namespace {

eventwire::signalr::access_token_source fixed_token(std::string token) {
  return [token]() -> asio::awaitable<std::tuple<std::error_code, std::string>> {
    co_return std::tuple{std::error_code{}, token};
  };
}

source::clay_options options_for(const std::string& url, std::string collection = {}) {
  source::clay_options o;
  o.name = "clay-test";
  o.hub.url = url;
  o.hub.access_token = fixed_token("clay-token");
  o.hub.reconnect = eventwire::session::reconnect_policy::delays({0ms, 10ms, 50ms, 100ms}).jitter(0.0);
  o.hub.close_timeout = 2s;
  o.collection_id = std::move(collection);
  return o;
}

struct fixture {
  asio::io_context io;
  std::optional<emulator::clay_emulator> clay{std::in_place, io.get_executor()};
  eventwire::event::memory_delivery delivery{io.get_executor()};
  std::optional<source::clay_source> src;
  std::optional<std::error_code> run_result;

  ~fixture() {
    clay.reset();
    src.reset();
    io.restart();
    io.run_for(2s);
  }

  asio::awaitable<void> start(clay::hub h, source::clay_options o) {
    src.emplace(io.get_executor(), std::move(o));
    asio::co_spawn(io, src->run(delivery), [this](std::exception_ptr e, std::error_code ec) {
      if (!e) run_result = ec;
    });
    BOOST_TEST_REQUIRE(co_await clay->hub(h).wait_for_connections(1));
  }

  asio::awaitable<void> finish(clay::hub h) {
    co_await src->stop();
    auto& result = run_result;
    std::function<bool()> ended = [&result] { return result.has_value(); };
    BOOST_TEST_REQUIRE(co_await clay->hub(h).wait_until(ended));
    BOOST_TEST(!*run_result, run_result->message());
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(clay_source_suite)

BOOST_AUTO_TEST_CASE(receives_incidents_with_the_token_in_the_query) {
  fixture f;
  testing::run(f.io, [&]() -> asio::awaitable<void> {
    co_await f.start(clay::hub::incident, options_for(f.clay->url(clay::hub::incident)));
    const auto info = f.clay->hub(clay::hub::incident).connections().front();
    BOOST_TEST(emulator::clay_emulator::token_in_query(info));
    BOOST_TEST(!info.negotiated);
    BOOST_TEST(f.clay->hub(clay::hub::incident).negotiations() == 0u);

    emulator::clay_message m;
    m.id = "inc-1";
    m.collection_id = "site-1";
    BOOST_TEST(f.clay->send(clay::hub::incident, m) == 1u);
    BOOST_TEST_REQUIRE(co_await f.delivery.wait_for_events(1));
    const auto& e = f.delivery.events().front();
    BOOST_TEST(e.type == "clay.incident");
    BOOST_TEST(e.id == "inc-1");
    BOOST_TEST(e.subject == "site-1");
    // data is the message object itself, unescaped: the lock name's quotes are single-escaped.
    BOOST_TEST(e.line.find("\"data\":{\"id\":\"inc-1\"") != std::string::npos, e.line);
    BOOST_TEST(e.line.find("\"lockName\":\"Main entrance \\\"A\\\"\"") != std::string::npos, e.line);
    co_await f.finish(clay::hub::incident);
  }());
}

BOOST_AUTO_TEST_CASE(receives_entries_from_the_entry_hub) {
  fixture f;
  testing::run(f.io, [&]() -> asio::awaitable<void> {
    co_await f.start(clay::hub::entry, options_for(f.clay->url(clay::hub::entry)));
    BOOST_TEST(f.clay->send(clay::hub::incident, {}) == 0u);
    const auto delivered = co_await f.clay->generate(clay::hub::entry, 30, 3000);
    BOOST_TEST(delivered == 30u);
    BOOST_TEST_REQUIRE(co_await f.delivery.wait_for_events(30));
    for (const auto& e : f.delivery.events()) BOOST_TEST(e.type == "clay.entry");
    BOOST_TEST(f.src->statistics().events == 30u);
    co_await f.finish(clay::hub::entry);
  }());
}

BOOST_AUTO_TEST_CASE(filters_by_collection) {
  fixture f;
  testing::run(f.io, [&]() -> asio::awaitable<void> {
    co_await f.start(clay::hub::incident, options_for(f.clay->url(clay::hub::incident), "site-2"));
    const auto info = f.clay->hub(clay::hub::incident).connections().front();
    BOOST_TEST(emulator::clay_emulator::collection_of(info) == "site-2");
    const auto delivered = co_await f.clay->generate(clay::hub::incident, 9);
    BOOST_TEST(delivered == 3u);
    emulator::clay_message last;
    last.id = "last";
    last.collection_id = "site-2";
    BOOST_TEST(f.clay->send(clay::hub::incident, last) == 1u);
    BOOST_TEST_REQUIRE(co_await f.delivery.wait_for_events(4));
    for (const auto& e : f.delivery.events()) BOOST_TEST(e.subject == "site-2");
    BOOST_TEST(f.delivery.events().back().id == "last");
    co_await f.finish(clay::hub::incident);
    BOOST_TEST(f.delivery.events().size() == 4u);
  }());
}

BOOST_AUTO_TEST_CASE(reconnects_and_keeps_receiving) {
  fixture f;
  testing::run(f.io, [&]() -> asio::awaitable<void> {
    co_await f.start(clay::hub::incident, options_for(f.clay->url(clay::hub::incident), "site-1"));
    auto& hub = f.clay->hub(clay::hub::incident);
    hub.drop_all();
    std::function<bool()> back = [&hub] { return hub.connections_accepted() == 2 && hub.connection_count() == 1; };
    BOOST_TEST_REQUIRE(co_await hub.wait_until(back));
    // The reconnect keeps the filter and the token in the query.
    const auto info = hub.connections().front();
    BOOST_TEST(emulator::clay_emulator::collection_of(info) == "site-1");
    BOOST_TEST(emulator::clay_emulator::token_in_query(info));
    emulator::clay_message m;
    m.collection_id = "site-1";
    BOOST_TEST(f.clay->send(clay::hub::incident, m) == 1u);
    BOOST_TEST_REQUIRE(co_await f.delivery.wait_for_events(1));
    std::function<bool()> counted = [&f] { return f.src->statistics().reconnects == 1; };
    BOOST_TEST(co_await hub.wait_until(counted));
    co_await f.finish(clay::hub::incident);
  }());
}

BOOST_AUTO_TEST_CASE(takes_its_token_from_a_token_provider) {
  fixture f;
  testing::run(f.io, [&]() -> asio::awaitable<void> {
    auto o = options_for(f.clay->url(clay::hub::entry), "site-3");
    o.hub.access_token = nullptr;
    o.token = std::make_shared<eventwire::auth::static_token_provider>(
        f.io.get_executor(), eventwire::auth::secret(eventwire::auth::literal_secret{"clay-token"}));
    co_await f.start(clay::hub::entry, std::move(o));
    const auto info = f.clay->hub(clay::hub::entry).connections().front();
    BOOST_TEST(info.access_token == "clay-token");
    BOOST_TEST(emulator::clay_emulator::token_in_query(info));
    emulator::clay_message m;
    m.collection_id = "site-3";
    BOOST_TEST(f.clay->send(clay::hub::entry, m) == 1u);
    BOOST_TEST_REQUIRE(co_await f.delivery.wait_for_events(1));
    BOOST_TEST(f.delivery.events()[0].type == "clay.entry");
    co_await f.finish(clay::hub::entry);
  }());
}

BOOST_AUTO_TEST_CASE(a_wrong_token_and_a_wrong_url_fail) {
  fixture f;
  testing::run(f.io, [&]() -> asio::awaitable<void> {
    auto wrong = options_for(f.clay->url(clay::hub::incident));
    wrong.hub.access_token = fixed_token("not-the-token");
    const auto ex162 = co_await asio::this_coro::executor;
    source::clay_source a(ex162, wrong);
    const auto ec = co_await a.run(f.delivery);
    BOOST_TEST(ec == eventwire::signalr::session_error::unauthorized, ec.message());

    auto nowhere = options_for(f.clay->url(clay::hub::incident) + "/elsewhere");
    const auto ex167 = co_await asio::this_coro::executor;
    source::clay_source b(ex167, nowhere);
    const auto ec2 = co_await b.run(f.delivery);
    BOOST_TEST(ec2 == std::make_error_code(std::errc::invalid_argument));
  }());
}

BOOST_AUTO_TEST_CASE(hub_urls_and_collection_query) {
  BOOST_TEST(source::clay_hub_url("wss://x/hub/incident", "") == "wss://x/hub/incident");
  BOOST_TEST(source::clay_hub_url("wss://x/hub/incident", "site 42") == "wss://x/hub/incident?collectionId=site%2042");
  BOOST_TEST(source::clay_hub_url("wss://x/hub/entry?a=1", "s") == "wss://x/hub/entry?a=1&collectionId=s");
  BOOST_TEST((source::clay_hub_of("https://x/hub/entry/?q=1") == clay::hub::entry));
  BOOST_TEST((source::clay_hub_of("https://x/hub/incident") == clay::hub::incident));
  BOOST_TEST(!source::clay_hub_of("https://x/hub/other").has_value());
}

BOOST_AUTO_TEST_SUITE_END()
