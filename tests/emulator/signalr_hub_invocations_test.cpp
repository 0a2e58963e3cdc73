#include "signalr_hub_testing.hpp"

#include <boost/asio/post.hpp>
#include <boost/asio/use_awaitable.hpp>

using namespace signalr_hub_testing;

BOOST_AUTO_TEST_SUITE(signalr_hub_invocations)

// --- client invocations ----------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(blocking_invocations_get_completions_and_non_blocking_ones_none) {
  with_hub({}, [](asio::io_context& io, emulator::signalr_hub& hub) -> awaitable<void> {
    hub.on_invocation("Add", [](std::string_view arguments, const emulator::signalr_connection_info&) {
      BOOST_TEST(arguments == "[2,3]");
      return emulator::signalr_completion::with_result("5");
    });
    hub.on_invocation("Fail", [](std::string_view, const emulator::signalr_connection_info&) {
      return emulator::signalr_completion::with_error("no luck");
    });
    hub.on_invocation("Nothing", [](std::string_view, const emulator::signalr_connection_info&) {
      return emulator::signalr_completion::empty();
    });
    raw_client client(io.get_executor());
    co_await client.join(hub.base_url());
    BOOST_TEST(!co_await client.send(R"({"type":1,"target":"add","arguments":[2,3]})"
                                     "\x1e"
                                     R"({"arguments":[2,3],"invocationId":"7","target":"Add","type":1})"
                                     "\x1e"));
    auto [ec, record] = co_await client.read_hub_message();
    BOOST_TEST_REQUIRE(!ec, ec.message());
    auto done = std::get<signalr::completion>(decode(record));
    BOOST_TEST(text(done.invocation_id) == "7");  // the non-blocking call got nothing
    BOOST_TEST((done.result == std::optional<std::string_view>("5")));

    BOOST_TEST(!co_await client.send(R"({"type":1,"invocationId":"8","target":"Fail","arguments":[]})"
                                     "\x1e"));
    std::tie(ec, record) = co_await client.read_hub_message();
    auto failed = std::get<signalr::completion>(decode(record));
    BOOST_TEST_REQUIRE(failed.error.has_value());
    BOOST_TEST(text(*failed.error) == "no luck");

    BOOST_TEST(!co_await client.send(R"({"type":1,"invocationId":"9","target":"Nothing","arguments":[]})"
                                     "\x1e"));
    std::tie(ec, record) = co_await client.read_hub_message();
    auto empty = std::get<signalr::completion>(decode(record));
    BOOST_TEST(!empty.result.has_value());
    BOOST_TEST(!empty.error.has_value());

    BOOST_TEST(hub.invocations_received("ADD") == 2u);
    BOOST_TEST(hub.invocations_received() == 4u);
    BOOST_TEST((hub.received_invocations().at(1).invocation_id == std::optional<std::string>("7")));
    BOOST_TEST(hub.connections().at(0).invocations_received == 4u);
  });
}

BOOST_AUTO_TEST_CASE(an_unknown_method_gets_an_error_completion) {
  std::vector<std::string> log;
  emulator::signalr_hub_options options;
  options.log = [&log](std::string_view line) { log.emplace_back(line); };
  with_hub(options, [&log](asio::io_context& io, emulator::signalr_hub& hub) -> awaitable<void> {
    raw_client client(io.get_executor());
    co_await client.join(hub.base_url());
    BOOST_TEST(!co_await client.send(R"({"type":2,"invocationId":"1","item":1})"
                                     "\x1e"
                                     R"({"type":5,"invocationId":"1"})"
                                     "\x1e"
                                     R"({"type":1,"invocationId":"2","target":"Nope","arguments":[]})"
                                     "\x1e"));
    auto [ec, record] = co_await client.read_hub_message();
    BOOST_TEST_REQUIRE(!ec, ec.message());
    auto done = std::get<signalr::completion>(decode(record));
    BOOST_TEST_REQUIRE(done.error.has_value());
    BOOST_TEST(text(*done.error) == "Unknown hub method 'Nope'");
    BOOST_TEST(log.size() == 3u);
  });
}

BOOST_AUTO_TEST_CASE(wait_for_invocations_completes_when_they_arrived) {
  with_hub({}, [](asio::io_context& io, emulator::signalr_hub& hub) -> awaitable<void> {
    raw_client client(io.get_executor());
    co_await client.join(hub.base_url());
    BOOST_TEST(!co_await hub.wait_for_invocations("Ready", 1, 50ms));
    asio::co_spawn(io, [&]() -> awaitable<void> {
      co_await client.send(R"({"type":1,"target":"Ready","arguments":[]})" "\x1e");
    }, asio::detached);
    BOOST_TEST(co_await hub.wait_for_invocations("Ready", 1));
  });
}

BOOST_AUTO_TEST_CASE(a_close_message_from_the_client_ends_the_connection) {
  with_hub({}, [](asio::io_context& io, emulator::signalr_hub& hub) -> awaitable<void> {
    raw_client client(io.get_executor());
    co_await client.join(hub.base_url());
    BOOST_TEST(!co_await client.send("{\"type\":7}\x1e"));
    auto [ec, record] = co_await client.read_record();
    BOOST_TEST(ec == std::error_code(net::error::websocket_closed), ec.message());
    BOOST_TEST(co_await hub.wait_until([&] { return hub.connections().empty(); }));
    BOOST_TEST(hub.connection_history().at(0).close_received);
  });
}

BOOST_AUTO_TEST_CASE(an_invalid_or_oversized_client_record_closes_with_an_error) {
  for (const std::string& bad : {std::string("{\"type\":1}\x1e"), std::string("[1,2\x1e"),
                                 "{\"type\":6,\"x\":\"" + std::string(40'000, 'y') + "\"}\x1e"}) {
    with_hub({}, [&](asio::io_context& io, emulator::signalr_hub& hub) -> awaitable<void> {
      raw_client client(io.get_executor());
      co_await client.join(hub.base_url());
      BOOST_TEST(!co_await client.send(bad));
      auto [ec, record] = co_await client.read_hub_message();
      BOOST_TEST_REQUIRE(!ec, ec.message());
      auto close = std::get<signalr::close>(decode(record));
      BOOST_TEST_REQUIRE(close.error.has_value());
      BOOST_TEST(text(*close.error) == "Connection closed with an error.");
      auto [end, rest] = co_await client.read_record();
      BOOST_TEST(end == std::error_code(net::error::websocket_closed), end.message());
    });
  }
}

// --- server invocations ----------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(broadcast_reaches_every_handshaken_client) {
  with_hub({}, [](asio::io_context& io, emulator::signalr_hub& hub) -> awaitable<void> {
    std::vector<std::unique_ptr<raw_client>> clients;
    for (int i = 0; i < 3; ++i) {
      clients.push_back(std::make_unique<raw_client>(io.get_executor()));
      co_await clients.back()->join(hub.base_url());
    }
    raw_client not_handshaken(io.get_executor());
    BOOST_TEST_REQUIRE(!co_await not_handshaken.connect(hub.base_url()));
    BOOST_TEST(co_await hub.wait_for_connections(3));
    BOOST_TEST(co_await hub.wait_until([&] { return hub.connections().size() == 4; }));
    BOOST_TEST(hub.broadcast("ReceiveMessage", R"(["hello",{"n":1}])") == 3u);
    BOOST_TEST(hub.send_to(hub.connections()[1].id, "Direct", "[]"));
    for (auto& client : clients) {
      auto [ec, record] = co_await client->read_hub_message();
      BOOST_TEST_REQUIRE(!ec, ec.message());
      auto call = std::get<signalr::invocation>(decode(record));
      BOOST_TEST(text(call.target) == "ReceiveMessage");
      BOOST_TEST(call.arguments.text() == R"(["hello",{"n":1}])");
      BOOST_TEST(!call.invocation_id.has_value());
    }
    auto [ec, record] = co_await clients[1]->read_hub_message();
    BOOST_TEST(text(std::get<signalr::invocation>(decode(record)).target) == "Direct");
    BOOST_CHECK_THROW(hub.broadcast("X", "not json"), std::invalid_argument);
    BOOST_TEST(hub.messages_sent() == 3u + 1u + 3u);  // handshakes, invocations
  });
}

BOOST_AUTO_TEST_CASE(send_many_streams_every_record_in_order) {
  with_hub({}, [](asio::io_context& io, emulator::signalr_hub& hub) -> awaitable<void> {
    hub.set_faults({.records_per_message = 0});
    raw_client a(io.get_executor());
    raw_client b(io.get_executor());
    co_await a.join(hub.base_url());
    co_await b.join(hub.base_url());
    constexpr std::uint64_t count = 20'000;
    std::uint64_t written = 0;
    bool generated = false;
    asio::co_spawn(io, [&]() -> awaitable<void> {
      written = co_await hub.send_many("ReceiveMessage", R"(["0123456789abcdef0123456789abcdef"])", count);
      generated = true;
    }, asio::detached);
    for (raw_client* client : {&a, &b}) {
      for (std::uint64_t i = 0; i < count; ++i) {
        auto [ec, record] = co_await client->read_hub_message();
        BOOST_TEST_REQUIRE(!ec, ec.message());
        BOOST_TEST_REQUIRE(record == R"({"type":1,"target":"ReceiveMessage","arguments":["0123456789abcdef0123456789abcdef"]})");
      }
    }
    BOOST_TEST(co_await hub.wait_until([&] { return generated; }));
    BOOST_TEST(written == 2 * count);
    BOOST_TEST(a.messages() < count / 10, "records were coalesced into few messages: " << a.messages());
  });
}

BOOST_AUTO_TEST_CASE(wait_for_room_holds_a_sender_until_a_slow_client_has_read) {
  with_hub({}, [](asio::io_context& io, emulator::signalr_hub& hub) -> awaitable<void> {
    raw_client client(io.get_executor());
    co_await client.join(hub.base_url());
    BOOST_TEST_REQUIRE(co_await hub.wait_for_connections(1));
    // 16 MiB queued for a client that reads nothing yet: more than loopback's socket buffers
    // take, so most of it stays in the hub's queue.
    const std::string argument = "[\"" + std::string(1000, 'x') + "\"]";
    constexpr int records = 16 * 1024;
    for (int i = 0; i < records; ++i) BOOST_TEST_REQUIRE(hub.broadcast("Fill", argument) == 1u);
    bool room = false;
    asio::co_spawn(io, [&]() -> awaitable<void> {
      co_await hub.wait_for_room(64 * 1024);
      room = true;
    }, asio::detached);
    for (int turn = 0; turn < 10; ++turn) co_await asio::post(io, asio::use_awaitable);
    BOOST_TEST(!room);
    for (int i = 0; i < records; ++i) {
      auto [ec, record] = co_await client.read_hub_message();
      BOOST_TEST_REQUIRE(!ec, ec.message());
    }
    BOOST_TEST(room);  // the last records were written, so the queue was empty before they arrived
  });
}

BOOST_AUTO_TEST_CASE(send_many_keeps_a_rate) {
  with_hub({}, [](asio::io_context& io, emulator::signalr_hub& hub) -> awaitable<void> {
    raw_client client(io.get_executor());
    co_await client.join(hub.base_url());
    const auto start = clock_type::now();
    std::uint64_t written = 0;
    asio::co_spawn(io, [&]() -> awaitable<void> {
      written = co_await hub.send_many("Tick", "[]", 20, 100.0);
    }, asio::detached);
    for (int i = 0; i < 20; ++i) {
      auto [ec, record] = co_await client.read_hub_message();
      BOOST_TEST_REQUIRE(!ec, ec.message());
    }
    const auto took = clock_type::now() - start;
    BOOST_TEST((took >= 180ms), milliseconds(took));  // 19 intervals of 10 ms
    BOOST_TEST((took < 2s), milliseconds(took));
    BOOST_TEST(co_await hub.wait_until([&] { return written == 20; }));
  });
}

BOOST_AUTO_TEST_CASE(a_client_result_is_awaited) {
  with_hub({}, [](asio::io_context& io, emulator::signalr_hub& hub) -> awaitable<void> {
    raw_client client(io.get_executor());
    co_await client.join(hub.base_url());
    asio::co_spawn(io, [&]() -> awaitable<void> {
      auto [ec, record] = co_await client.read_hub_message();
      auto call = std::get<signalr::invocation>(decode(record));
      BOOST_TEST(text(call.target) == "GetAnswer");
      std::string reply;
      signalr::append_completion_result(reply, text(*call.invocation_id), "42");
      co_await client.send(reply);
    }, asio::detached);
    const auto id = hub.connections().at(0).id;
    auto [ec, result] = co_await hub.invoke_client(id, "GetAnswer", "[1]");
    BOOST_TEST_REQUIRE(!ec, ec.message());
    BOOST_TEST((result.result == std::optional<std::string>("42")));
    auto [timeout, none] = co_await hub.invoke_client(id, "GetAnswer", "[1]", 100ms);
    BOOST_TEST((timeout == std::errc::timed_out), timeout.message());
    auto [gone, nothing] = co_await hub.invoke_client(12345, "GetAnswer", "[]");
    BOOST_TEST((gone == std::errc::no_such_process), gone.message());
  });
}

BOOST_AUTO_TEST_SUITE_END()
