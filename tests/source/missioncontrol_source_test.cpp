// The genetec-missioncontrol source against the Mission Control emulator over 127.0.0.1: the web
// token with Basic + ClientId, the 24 types, unknown types, reconnects, and streaming across
// token expiries without losing an event.
#include "session_testing.hpp"

#include <eventwire/emulator/missioncontrol_emulator.hpp>
#include <eventwire/event/memory_delivery.hpp>
#include <eventwire/missioncontrol/event_type.hpp>
#include <eventwire/signalr/session_error.hpp>
#include <eventwire/source/genetec_missioncontrol_source.hpp>

#include <boost/test/unit_test.hpp>

#include <cstdlib>
#include <optional>
#include <set>
#include <string>

namespace asio = boost::asio;
namespace emulator = eventwire::emulator;
namespace mc = eventwire::missioncontrol;
namespace source = eventwire::source;
namespace testing = eventwire::testing;
using namespace std::chrono_literals;

namespace {

struct fixture {
  asio::io_context io;
  std::optional<emulator::missioncontrol_emulator> mc;
  eventwire::event::memory_delivery delivery{io.get_executor()};
  std::optional<source::genetec_missioncontrol_source> src;
  std::optional<std::error_code> run_result;

  explicit fixture(std::chrono::milliseconds lifetime = 60min) {
    emulator::missioncontrol_emulator_options o;
    o.token_lifetime = lifetime;
    mc.emplace(io.get_executor(), o);
  }
  ~fixture() {
    src.reset();
    mc.reset();
    io.restart();
    io.run_for(2s);
  }

  source::genetec_missioncontrol_options options(std::string password = "mc-password") {
    source::genetec_missioncontrol_options o;
    o.name = "mc";
    o.url = mc->base_url();
    o.notifications_url = mc->notifications_url();  // the emulator serves it on another port
    o.username = "operator";
    o.password = eventwire::auth::secret(eventwire::auth::literal_secret{std::move(password)});
    o.client_id = "6f1c2b9e-8d4a-4c3b-9e21-0a7d5f3c1b42";
    o.renew_before = 10s;  // clamped to half the lifetime
    o.hub.reconnect = eventwire::session::reconnect_policy::delays({0ms, 10ms, 50ms, 100ms}).jitter(0.0);
    o.hub.close_timeout = 2s;
    if (std::getenv("EVENTWIRE_TEST_LOG"))
      o.hub.log = [](eventwire::signalr::log_level, std::string_view line) { BOOST_TEST_MESSAGE(line); };
    return o;
  }

  asio::awaitable<void> start(source::genetec_missioncontrol_options o) {
    src.emplace(io.get_executor(), std::move(o));
    asio::co_spawn(io, src->run(delivery), [this](std::exception_ptr e, std::error_code ec) {
      if (!e) run_result = ec;
    });
    BOOST_TEST_REQUIRE(co_await mc->hub().wait_for_connections(1));
  }

  asio::awaitable<void> finish() {
    co_await src->stop();
    auto& result = run_result;
    std::function<bool()> ended = [&result] { return result.has_value(); };
    BOOST_TEST_REQUIRE(co_await mc->hub().wait_until(ended));
    BOOST_TEST(!*run_result, run_result->message());
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(missioncontrol_source_suite)

BOOST_AUTO_TEST_CASE(receives_the_24_types_with_the_client_id) {
  fixture f;
  testing::run(f.io, [&]() -> asio::awaitable<void> {
    co_await f.start(f.options());
    const auto info = f.mc->hub().connections().front();
    BOOST_TEST(emulator::missioncontrol_emulator::client_id_header(info) == f.src->client_id());
    BOOST_TEST(f.mc->client_id_of(info.access_token) == f.src->client_id());
    const auto requests = f.mc->token_requests();
    BOOST_TEST_REQUIRE(requests.size() == 1u);
    BOOST_TEST(requests[0].status == 200u);
    BOOST_TEST(requests[0].client_id == f.src->client_id());

    BOOST_TEST(co_await f.mc->generate(24) == 24u);
    BOOST_TEST_REQUIRE(co_await f.delivery.wait_for_events(24));
    std::set<std::string> types;
    for (const auto& e : f.delivery.events()) {
      types.insert(e.type);
      BOOST_TEST(e.subject == "inc-1");
      BOOST_TEST(e.line.find("\"data\":{\"Type\":") != std::string::npos, e.line);
    }
    BOOST_TEST(f.delivery.events().front().type == "genetec.missioncontrol.incident.Created");
    BOOST_TEST(types.size() == 24u);
    for (const auto t : mc::known_event_types())
      BOOST_TEST(types.contains("genetec.missioncontrol.incident." + std::string(mc::event_type_name(t))));
    co_await f.finish();
  }());
}

BOOST_AUTO_TEST_CASE(unknown_types_are_kept_by_name) {
  fixture f;
  testing::run(f.io, [&]() -> asio::awaitable<void> {
    co_await f.start(f.options());
    BOOST_TEST(f.mc->hub().broadcast("IncidentNotification", R"([{"Type":"Escalated","IncidentId":"inc-9"}])") == 1u);
    BOOST_TEST_REQUIRE(co_await f.delivery.wait_for_events(1));
    BOOST_TEST(f.delivery.events()[0].type == "genetec.missioncontrol.incident.Escalated");
    BOOST_TEST(f.delivery.events()[0].subject == "inc-9");
    BOOST_TEST(f.src->missioncontrol_counters().unknown_types == 1u);
    co_await f.finish();
  }());
}

BOOST_AUTO_TEST_CASE(keeps_streaming_across_three_token_expiries) {
  fixture f(400ms);
  testing::run(f.io, [&]() -> asio::awaitable<void> {
    co_await f.start(f.options());
    const std::uint64_t count = 260;
    BOOST_TEST(co_await f.mc->generate(count, 200) == count);  // 1.3 s: three lifetimes of 400 ms
    BOOST_TEST_REQUIRE(co_await f.mc->wait_delivered());
    BOOST_TEST_REQUIRE(co_await f.delivery.wait_for_events(count));
    std::set<std::string> ids;
    for (const auto& e : f.delivery.events()) ids.insert(e.id);
    BOOST_TEST(ids.size() == count);  // each notification once (each has its own Sequence)
    BOOST_TEST(f.mc->notifications_dropped() == 0u);
    const auto history = f.mc->hub().connection_history();
    BOOST_TEST(history.size() >= 4u);  // the first connection and one after each expiry
    for (const auto& c : history) {
      BOOST_TEST(emulator::missioncontrol_emulator::client_id_header(c) == f.src->client_id());
      BOOST_TEST(f.mc->client_id_of(c.access_token) == f.src->client_id());
    }
    for (const auto& r : f.mc->token_requests()) BOOST_TEST(r.client_id == f.src->client_id());
    BOOST_TEST(f.src->missioncontrol_counters().tokens_renewed_early >= 3u);
    BOOST_TEST(f.src->statistics().reconnects >= 3u);
    co_await f.finish();
    BOOST_TEST(f.delivery.events().size() == count);
  }(), 30s);
}

BOOST_AUTO_TEST_CASE(reconnects_after_a_drop) {
  fixture f;
  testing::run(f.io, [&]() -> asio::awaitable<void> {
    co_await f.start(f.options());
    auto& hub = f.mc->hub();
    hub.drop_all();
    std::function<bool()> back = [&hub] { return hub.connections_accepted() == 2 && hub.connection_count() == 1; };
    BOOST_TEST_REQUIRE(co_await hub.wait_until(back));
    BOOST_TEST(f.mc->notify(mc::event_type::state_changed, "inc-5") == 1u);
    BOOST_TEST_REQUIRE(co_await f.delivery.wait_for_events(1));
    BOOST_TEST(f.delivery.events()[0].type == "genetec.missioncontrol.incident.StateChanged");
    BOOST_TEST(f.mc->tokens_issued() == 1u);  // the token was still good
    co_await f.finish();
  }());
}

BOOST_AUTO_TEST_CASE(wrong_credentials_fail_the_start) {
  fixture f;
  testing::run(f.io, [&]() -> asio::awaitable<void> {
    const auto ex169 = co_await asio::this_coro::executor;
    source::genetec_missioncontrol_source src(ex169, f.options("wrong"));
    const auto ec = co_await src.run(f.delivery);
    BOOST_TEST(ec == eventwire::signalr::session_error::token_unavailable, ec.message());
    BOOST_TEST(src.statistics().errors >= 1u);
    const auto requests = f.mc->token_requests();
    BOOST_TEST_REQUIRE(!requests.empty());
    BOOST_TEST(requests.back().status == 401u);
  }());
}

BOOST_AUTO_TEST_CASE(client_ids_and_errors) {
  const auto id = source::random_client_id();
  BOOST_TEST(id.size() == 36u);
  BOOST_TEST(id[14] == '4');
  BOOST_TEST(id != source::random_client_id());
  BOOST_TEST(make_error_code(source::missioncontrol_error::credentials_refused).message() ==
             "Mission Control refused the credentials of the web token request");
  BOOST_TEST(make_error_code(source::missioncontrol_error::invalid_url).message() ==
             "the Mission Control URL is not a valid http or https URL");
}

BOOST_AUTO_TEST_SUITE_END()
