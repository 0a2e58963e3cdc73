// Calls in both directions: invoke (result, error, void), send, and client results.

#include "session_testing.hpp"

namespace {

namespace asio = boost::asio;
namespace emulator = eventwire::emulator;
namespace signalr = eventwire::signalr;
namespace testing = eventwire::testing;
using namespace std::chrono_literals;
using asio::awaitable;
using signalr::invocation_result;
using signalr::session_error;

void add_methods(emulator::signalr_hub& hub) {
  hub.on_invocation("Echo", [](std::string_view arguments, const emulator::signalr_connection_info&) {
    return emulator::signalr_completion::with_result(std::string(arguments));
  });
  hub.on_invocation("Fail", [](std::string_view, const emulator::signalr_connection_info&) {
    return emulator::signalr_completion::with_error("Nope, \"quoted\"");
  });
  hub.on_invocation("Nothing", [](std::string_view, const emulator::signalr_connection_info&) {
    return emulator::signalr_completion::empty();
  });
}

}  // namespace

BOOST_AUTO_TEST_SUITE(hub_connection_calls)

BOOST_AUTO_TEST_CASE(invoke_returns_the_result_json) {
  testing::hub_fixture fixture;
  auto& hub = *fixture.hub;
  add_methods(hub);
  signalr::hub_connection c(fixture.io.get_executor(), testing::options_for(hub));
  testing::run(fixture.io, [&]() -> awaitable<void> {
    BOOST_TEST_REQUIRE(!co_await c.start());
    const std::string big(1000, 'b');
    const std::string big_json = "\"" + big + "\"";
    auto [ec, result] = co_await c.invoke("Echo", "1", "\"two\"", R"({"three":3})", big_json);
    BOOST_TEST_REQUIRE(!ec, ec.message());
    BOOST_TEST(result == R"([1,"two",{"three":3},)" + big_json + "]");
    auto [void_ec, nothing] = co_await c.invoke("Nothing");
    BOOST_TEST(!void_ec);
    BOOST_TEST(nothing.empty());
    co_await c.stop();
  }());
}

BOOST_AUTO_TEST_CASE(invoke_returns_the_server_error_text) {
  testing::hub_fixture fixture;
  auto& hub = *fixture.hub;
  add_methods(hub);
  signalr::hub_connection c(fixture.io.get_executor(), testing::options_for(hub));
  testing::run(fixture.io, [&]() -> awaitable<void> {
    BOOST_TEST_REQUIRE(!co_await c.start());
    auto [ec, text] = co_await c.invoke("Fail", "1");
    BOOST_TEST(ec == session_error::invocation_error);
    BOOST_TEST(text == "Nope, \"quoted\"");
    auto [unknown_ec, unknown_text] = co_await c.invoke("NoSuchMethod");
    BOOST_TEST(unknown_ec == session_error::invocation_error);
    BOOST_TEST(unknown_text.find("NoSuchMethod") != std::string::npos, unknown_text);
    co_await c.stop();
  }());
}

BOOST_AUTO_TEST_CASE(concurrent_invokes_get_their_own_results) {
  testing::hub_fixture fixture;
  auto& hub = *fixture.hub;
  add_methods(hub);
  signalr::hub_connection c(fixture.io.get_executor(), testing::options_for(hub));
  testing::run(fixture.io, [&]() -> awaitable<void> {
    BOOST_TEST_REQUIRE(!co_await c.start());
    testing::counter done(fixture.io.get_executor());
    std::vector<std::string> results(50);
    for (int i = 0; i < 50; ++i) {
      asio::co_spawn(fixture.io, [&, i]() -> awaitable<void> {
        const std::string arg = std::to_string(i);
        auto [ec, r] = co_await c.invoke("Echo", arg);
        results[static_cast<std::size_t>(i)] = ec ? ec.message() : r;
        done.add();
      }, asio::detached);
    }
    BOOST_TEST_REQUIRE(co_await done.wait_for(50));
    for (int i = 0; i < 50; ++i) BOOST_TEST(results[static_cast<std::size_t>(i)] == "[" + std::to_string(i) + "]");
    co_await c.stop();
  }());
}

BOOST_AUTO_TEST_CASE(calls_before_start_are_not_connected) {
  testing::hub_fixture fixture;
  signalr::hub_connection c(fixture.io.get_executor(), testing::options_for(*fixture.hub));
  testing::run(fixture.io, [&]() -> awaitable<void> {
    BOOST_TEST(c.send("Notify", "1") == session_error::not_connected);
    auto [ec, r] = co_await c.invoke("Echo", "1");
    BOOST_TEST(ec == session_error::not_connected);
  }());
}

BOOST_AUTO_TEST_CASE(send_does_not_wait_and_carries_no_invocation_id) {
  testing::hub_fixture fixture;
  auto& hub = *fixture.hub;
  signalr::hub_connection c(fixture.io.get_executor(), testing::options_for(hub));
  testing::run(fixture.io, [&]() -> awaitable<void> {
    BOOST_TEST_REQUIRE(!co_await c.start());
    for (int i = 0; i < 100; ++i) BOOST_TEST_REQUIRE(!c.send("Notify", std::to_string(i), "\"x\""));
    BOOST_TEST_REQUIRE(co_await hub.wait_for_invocations("Notify", 100));
    const auto received = hub.received_invocations();
    BOOST_TEST_REQUIRE(received.size() == 100u);
    for (int i = 0; i < 100; ++i) {
      const auto& r = received[static_cast<std::size_t>(i)];
      BOOST_TEST(r.arguments == "[" + std::to_string(i) + ",\"x\"]");
      BOOST_TEST(!r.invocation_id.has_value());
    }
    co_await c.stop();
  }());
}

BOOST_AUTO_TEST_CASE(the_send_queue_is_bounded) {
  testing::hub_fixture fixture;
  auto& hub = *fixture.hub;
  auto options = testing::options_for(hub);
  options.max_send_queue = 4096;
  signalr::hub_connection c(fixture.io.get_executor(), options);
  testing::run(fixture.io, [&]() -> awaitable<void> {
    BOOST_TEST_REQUIRE(!co_await c.start());
    const std::string argument = "\"" + std::string(1000, 'q') + "\"";
    std::size_t accepted = 0;
    std::error_code refused;
    for (int i = 0; i < 10 && !refused; ++i) {
      refused = c.send("Notify", argument);
      if (!refused) ++accepted;
    }
    BOOST_TEST(refused == session_error::send_queue_full);
    BOOST_TEST(accepted >= 3u);
    BOOST_TEST(accepted <= 5u);
    BOOST_TEST_REQUIRE(co_await hub.wait_for_invocations("Notify", accepted));
    BOOST_TEST(!c.send("Notify", argument), "room again once written");
    co_await c.stop();
  }());
}

BOOST_AUTO_TEST_CASE(client_results_answer_server_invocations) {
  testing::hub_fixture fixture;
  auto& hub = *fixture.hub;
  signalr::hub_connection c(fixture.io.get_executor(), testing::options_for(hub));
  c.on("GetAnswer", [](const signalr::invocation& inv) {
    return invocation_result::value("{\"answer\":" + std::string(*inv.arguments.begin()) + "}");
  });
  c.on("GetLater", [](const signalr::invocation&) -> awaitable<invocation_result> {
    co_await testing::sleep_for(10ms);
    co_return invocation_result::value("\"later\"");
  });
  c.on("Refuse", [](const signalr::invocation&) { return invocation_result::error("not today"); });
  c.on("Throw", [](const signalr::invocation&) -> invocation_result { throw std::runtime_error("it broke"); });
  c.on("Silent", [](const signalr::invocation&) {});
  c.on("Void", [](const signalr::invocation&) { return invocation_result::none(); });
  testing::run(fixture.io, [&]() -> awaitable<void> {
    BOOST_TEST_REQUIRE(!co_await c.start());
    const auto id = hub.connections().at(0).id;
    {
      auto [ec, r] = co_await hub.invoke_client(id, "GetAnswer", "[42]");
      BOOST_TEST_REQUIRE(!ec, ec.message());
      BOOST_TEST(r.result.value_or("(none)") == R"({"answer":42})");
    }
    {
      auto [ec, r] = co_await hub.invoke_client(id, "getlater", "[]");
      BOOST_TEST_REQUIRE(!ec, ec.message());
      BOOST_TEST(r.result.value_or("(none)") == "\"later\"");
    }
    {
      auto [ec, r] = co_await hub.invoke_client(id, "Refuse", "[]");
      BOOST_TEST_REQUIRE(!ec, ec.message());
      BOOST_TEST(r.error.value_or("(none)") == "not today");
    }
    {
      auto [ec, r] = co_await hub.invoke_client(id, "Throw", "[]");
      BOOST_TEST_REQUIRE(!ec, ec.message());
      BOOST_TEST(r.error.value_or("(none)") == "it broke");
    }
    {
      auto [ec, r] = co_await hub.invoke_client(id, "Silent", "[]");
      BOOST_TEST_REQUIRE(!ec, ec.message());
      BOOST_TEST(r.error.value_or("(none)") == "Client didn't provide a result.");
    }
    {
      auto [ec, r] = co_await hub.invoke_client(id, "NoHandler", "[]");
      BOOST_TEST_REQUIRE(!ec, ec.message());
      BOOST_TEST(r.error.value_or("(none)") == "Client didn't provide a result.");
    }
    {
      auto [ec, r] = co_await hub.invoke_client(id, "Void", "[]");
      BOOST_TEST_REQUIRE(!ec, ec.message());
      BOOST_TEST(!r.error.has_value());
      BOOST_TEST(!r.result.has_value());
    }
    co_await c.stop();
  }());
}

BOOST_AUTO_TEST_CASE(a_pending_invoke_fails_when_the_connection_is_lost) {
  testing::hub_fixture fixture;
  auto& hub = *fixture.hub;
  add_methods(hub);
  signalr::hub_connection c(fixture.io.get_executor(), testing::options_for(hub));
  testing::lifecycle_log events(fixture.io.get_executor());
  events.attach(c);
  testing::run(fixture.io, [&]() -> awaitable<void> {
    BOOST_TEST_REQUIRE(!co_await c.start());
    emulator::signalr_hub_faults silent;
    silent.silent = true;
    hub.set_faults(silent);  // the completion never comes
    std::optional<std::error_code> outcome;
    testing::counter done(fixture.io.get_executor());
    asio::co_spawn(fixture.io, [&]() -> awaitable<void> {
      auto [ec, r] = co_await c.invoke("Echo", "1");
      outcome = ec;
      done.add();
    }, asio::detached);
    BOOST_TEST_REQUIRE(co_await hub.wait_for_invocations("Echo", 1));
    hub.set_faults({});
    hub.drop_all();
    BOOST_TEST_REQUIRE(co_await done.wait_for(1));
    BOOST_TEST((*outcome == session_error::connection_lost), outcome->message());
    BOOST_TEST_REQUIRE(co_await events.reconnected.wait_for(1));
    auto [ec, r] = co_await c.invoke("Echo", "2");
    BOOST_TEST(!ec, "invoke works again after the reconnect");
    co_await c.stop();
  }());
}

BOOST_AUTO_TEST_CASE(a_cancelled_invoke_is_forgotten) {
  testing::hub_fixture fixture;
  auto& hub = *fixture.hub;
  add_methods(hub);
  signalr::hub_connection c(fixture.io.get_executor(), testing::options_for(hub));
  testing::run(fixture.io, [&]() -> awaitable<void> {
    BOOST_TEST_REQUIRE(!co_await c.start());
    emulator::signalr_hub_faults silent;
    silent.silent = true;
    hub.set_faults(silent);
    asio::cancellation_signal cancel;
    std::optional<std::error_code> outcome;
    testing::counter done(fixture.io.get_executor());
    asio::co_spawn(fixture.io, [&]() -> awaitable<void> {
      auto [ec, r] = co_await c.invoke("Echo", "1");
      outcome = ec;
      done.add();
    }, asio::bind_cancellation_slot(cancel.slot(), asio::detached));
    BOOST_TEST_REQUIRE(co_await hub.wait_for_invocations("Echo", 1));
    cancel.emit(asio::cancellation_type::terminal);
    BOOST_TEST_REQUIRE(co_await done.wait_for(1));
    BOOST_TEST((*outcome == session_error::invocation_cancelled), outcome->message());
    hub.set_faults({});  // the late completion is dropped
    auto [ec, r] = co_await c.invoke("Echo", "2");
    BOOST_TEST(!ec);
    BOOST_TEST(r == "[2]");
    co_await c.stop();
  }());
}

BOOST_AUTO_TEST_SUITE_END()
