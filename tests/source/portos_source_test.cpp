// The portos source against the Portos emulator over 127.0.0.1: receive, filter, echoes,
// re-subscribe after reconnect, Unsubscribe on stop and on a configuration change.
#include "session_testing.hpp"

#include <eventwire/emulator/portos_emulator.hpp>
#include <eventwire/event/memory_delivery.hpp>
#include <eventwire/portos/notification.hpp>
#include <eventwire/source/portos_source.hpp>

#include <boost/test/unit_test.hpp>

#include <optional>
#include <string>

namespace asio = boost::asio;
namespace emulator = eventwire::emulator;
namespace portos = eventwire::portos;
namespace source = eventwire::source;
namespace testing = eventwire::testing;
using namespace std::chrono_literals;

namespace {

portos::subscription doors_created() {
  return {std::string(portos::resources_changed_event), {{"door", {portos::resource_action::created}}}};
}
portos::subscription licences() { return {std::string(portos::licence_activated_event), {}}; }

emulator::portos_change change(std::string kind, portos::resource_action action, std::string id) {
  emulator::portos_change c;
  c.kind = std::move(kind);
  c.action = action;
  c.resource_id = std::move(id);
  return c;
}

struct fixture {
  asio::io_context io;
  std::optional<emulator::portos_emulator> portos;
  std::optional<source::portos_source> src;
  eventwire::event::memory_delivery delivery{io.get_executor()};
  std::optional<std::error_code> run_result;

  explicit fixture(std::vector<portos::subscription> subscriptions = {doors_created(), licences()}) {
    emulator::portos_emulator_options eo;
    eo.hub.access_token = "portos-token";
    portos.emplace(io.get_executor(), eo);
    source::portos_options so;
    so.name = "pos";
    so.hub.url = portos->url();
    so.hub.access_token = []() -> asio::awaitable<std::tuple<std::error_code, std::string>> {
      co_return std::tuple{std::error_code{}, std::string("portos-token")};
    };
    so.hub.reconnect = eventwire::session::reconnect_policy::delays({0ms, 10ms, 50ms, 100ms}).jitter(0.0);
    so.hub.close_timeout = 2s;
    so.subscriptions = std::move(subscriptions);
    src.emplace(io.get_executor(), std::move(so));
  }
  ~fixture() {
    portos.reset();
    src.reset();
    io.restart();
    io.run_for(2s);
  }

  // Starts run() and waits until the hub holds `subscriptions` subscriptions.
  asio::awaitable<void> start(std::size_t subscriptions = 2) {
    asio::co_spawn(io, src->run(delivery), [this](std::exception_ptr e, std::error_code ec) {
      if (!e) run_result = ec;
    });
    auto& p = *portos;
    std::function<bool()> ready = [&p, subscriptions] { return p.subscription_count() == subscriptions; };
    BOOST_TEST_REQUIRE(co_await p.wait_until(ready));
  }

  asio::awaitable<void> finish() {
    co_await src->stop();
    auto& result = run_result;
    std::function<bool()> ended = [&result] { return result.has_value(); };
    BOOST_TEST_REQUIRE(co_await portos->wait_until(ended));
    BOOST_TEST(!*run_result, run_result->message());
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(portos_source_suite)

BOOST_AUTO_TEST_CASE(receives_only_subscribed_events) {
  fixture f;
  testing::run(f.io, [&]() -> asio::awaitable<void> {
    co_await f.start();
    const auto& subs = f.portos->subscriptions(f.portos->hub().connections().front().id);
    BOOST_TEST_REQUIRE(subs.size() == 2u);
    BOOST_TEST((subs[0] == doors_created()));
    BOOST_TEST((subs[1] == licences()));

    BOOST_TEST(f.portos->notify(change("door", portos::resource_action::deleted, "door-1")) == 0u);
    BOOST_TEST(f.portos->notify(change("camera", portos::resource_action::created, "cam-1")) == 0u);
    BOOST_TEST(f.portos->notify(change("door", portos::resource_action::created, "door-7")) == 1u);
    BOOST_TEST(f.portos->notify_licence_activated("LIC-9") == 1u);
    BOOST_TEST_REQUIRE(co_await f.delivery.wait_for_events(2));

    const auto& events = f.delivery.events();
    BOOST_TEST(events[0].type == "portos.resources.changed");
    BOOST_TEST(events[0].subject == "door-7");
    BOOST_TEST(events[0].source == "pos");
    BOOST_TEST(events[0].line.find("\"data\":{\"u\":") != std::string::npos, events[0].line);
    BOOST_TEST(events[0].line.find("\"source\":\"eventwire/pos\"") != std::string::npos, events[0].line);
    BOOST_TEST(events[1].type == "portos.licence.activated");
    BOOST_TEST(events[1].subject == "");
    BOOST_TEST(events[1].line.find("\"data\":{\"l\":\"LIC-9\"}") != std::string::npos, events[1].line);
    BOOST_TEST(f.src->statistics().events == 2u);
    BOOST_TEST(f.src->statistics().connected);
    co_await f.finish();
    BOOST_TEST(f.delivery.events().size() == 2u);
  }());
}

BOOST_AUTO_TEST_CASE(own_echoes_are_dropped) {
  fixture f;
  testing::run(f.io, [&]() -> asio::awaitable<void> {
    co_await f.start();
    BOOST_TEST(f.portos->notify(change("door", portos::resource_action::created, "door-echo"), true) == 1u);
    BOOST_TEST(f.portos->notify(change("door", portos::resource_action::created, "door-2")) == 1u);
    BOOST_TEST_REQUIRE(co_await f.delivery.wait_for_events(1));
    BOOST_TEST(f.delivery.events().front().subject == "door-2");
    BOOST_TEST(f.src->portos_counters().echoes_dropped == 1u);
    co_await f.finish();
    BOOST_TEST(f.delivery.events().size() == 1u);
  }());
}

BOOST_AUTO_TEST_CASE(subscribes_again_after_reconnect) {
  fixture f;
  testing::run(f.io, [&]() -> asio::awaitable<void> {
    co_await f.start();
    BOOST_TEST(f.portos->notify(change("door", portos::resource_action::created, "before")) == 1u);
    BOOST_TEST_REQUIRE(co_await f.delivery.wait_for_events(1));

    f.portos->hub().drop_all();
    auto& p = *f.portos;
    std::function<bool()> again = [&p] { return p.subscribes() == 4 && p.subscription_count() == 2; };
    BOOST_TEST_REQUIRE(co_await p.wait_until(again));
    BOOST_TEST(f.portos->notify(change("door", portos::resource_action::created, "after")) == 1u);
    BOOST_TEST_REQUIRE(co_await f.delivery.wait_for_events(2));
    BOOST_TEST(f.delivery.events()[1].subject == "after");
    BOOST_TEST(f.src->statistics().reconnects == 1u);
    BOOST_TEST(f.src->statistics().connects == 2u);
    co_await f.finish();
  }());
}

BOOST_AUTO_TEST_CASE(stop_unsubscribes_and_nothing_arrives_after) {
  fixture f;
  testing::run(f.io, [&]() -> asio::awaitable<void> {
    co_await f.start();
    const auto connection = f.portos->hub().connections().front().id;
    co_await f.finish();
    BOOST_TEST(f.portos->unsubscribes() == 2u);
    BOOST_TEST(f.portos->subscriptions(connection).empty());
    BOOST_TEST(f.portos->hub().invocations_received("Unsubscribe") == 2u);
    BOOST_TEST(f.portos->notify(change("door", portos::resource_action::created, "late")) == 0u);
    BOOST_TEST(f.delivery.events().empty());
  }());
}

BOOST_AUTO_TEST_CASE(stop_does_not_hang_when_unsubscribe_is_not_answered) {
  fixture f;
  testing::run(f.io, [&]() -> asio::awaitable<void> {
    co_await f.start();
    emulator::signalr_hub_faults silent;
    silent.silent = true;
    f.portos->hub().set_faults(silent);
    const auto started = std::chrono::steady_clock::now();
    co_await f.src->stop();
    const auto took = std::chrono::steady_clock::now() - started;
    const bool bounded = took < 5s;  // close_timeout (2 s) for Unsubscribe, then the close
    BOOST_TEST(bounded);
    auto& result = f.run_result;
    std::function<bool()> ended = [&result] { return result.has_value(); };
    BOOST_TEST_REQUIRE(co_await f.portos->wait_until(ended));
  }(), 20s);
}

BOOST_AUTO_TEST_CASE(a_dropped_subscription_is_unsubscribed) {
  fixture f;
  testing::run(f.io, [&]() -> asio::awaitable<void> {
    co_await f.start();
    std::vector<portos::subscription> only_licences{licences()};
    const auto ec = co_await f.src->set_subscriptions(only_licences);
    BOOST_TEST(!ec, ec.message());
    BOOST_TEST(f.portos->unsubscribes() == 1u);
    BOOST_TEST(f.portos->subscription_count() == 1u);
    BOOST_TEST(f.portos->notify(change("door", portos::resource_action::created, "door-3")) == 0u);
    BOOST_TEST(f.portos->notify_licence_activated() == 1u);
    BOOST_TEST_REQUIRE(co_await f.delivery.wait_for_events(1));
    BOOST_TEST(f.delivery.events().front().type == "portos.licence.activated");
    co_await f.finish();
    BOOST_TEST(f.portos->unsubscribes() == 2u);
  }());
}

BOOST_AUTO_TEST_CASE(generated_traffic_arrives_whole) {
  fixture f({portos::subscription{std::string(portos::resources_changed_event), {}}, licences()});
  testing::run(f.io, [&]() -> asio::awaitable<void> {
    co_await f.start();
    const auto delivered = co_await f.portos->generate(200, 2000);
    BOOST_TEST(delivered == 200u);
    BOOST_TEST_REQUIRE(co_await f.delivery.wait_for_events(200));
    std::size_t licence = 0;
    for (const auto& e : f.delivery.events()) licence += e.type == "portos.licence.activated";
    BOOST_TEST(licence == 20u);
    co_await f.finish();
    BOOST_TEST(f.delivery.events().size() == 200u);
  }());
}

BOOST_AUTO_TEST_CASE(a_wrong_token_fails_the_first_start) {
  fixture f;
  testing::run(f.io, [&]() -> asio::awaitable<void> {
    f.portos.reset();
    emulator::portos_emulator_options eo;
    eo.hub.access_token = "another-token";
    const auto ex206 = co_await asio::this_coro::executor;
    f.portos.emplace(ex206, eo);
    source::portos_options so;
    so.name = "pos";
    so.hub.url = f.portos->url();
    so.hub.access_token = []() -> asio::awaitable<std::tuple<std::error_code, std::string>> {
      co_return std::tuple{std::error_code{}, std::string("portos-token")};
    };
    const auto ex213 = co_await asio::this_coro::executor;
    source::portos_source src(ex213, so);
    const auto ec = co_await src.run(f.delivery);
    BOOST_TEST(ec == eventwire::signalr::session_error::unauthorized, ec.message());
    BOOST_TEST(src.statistics().errors == 1u);
  }());
}

BOOST_AUTO_TEST_SUITE_END()
