#include "signalr_hub_testing.hpp"

using namespace signalr_hub_testing;

BOOST_AUTO_TEST_SUITE(signalr_hub_faults_and_stop)

// --- fault knobs -----------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(records_per_message_coalesces_records) {
  with_hub({}, [](asio::io_context& io, emulator::signalr_hub& hub) -> awaitable<void> {
    raw_client client(io.get_executor());
    co_await client.join(hub.base_url());
    hub.set_faults({.records_per_message = 3});
    for (int i = 0; i < 7; ++i) hub.broadcast("M", "[" + std::to_string(i) + "]");
    std::vector<std::size_t> records_per_message;
    for (int got = 0; got < 7;) {
      auto [ec, message] = co_await client.read_message();
      BOOST_TEST_REQUIRE(!ec, ec.message());
      records_per_message.push_back(std::count(message.begin(), message.end(), '\x1e'));
      got += static_cast<int>(records_per_message.back());
    }
    BOOST_TEST(records_per_message == (std::vector<std::size_t>{3, 3, 1}));
  });
}

BOOST_AUTO_TEST_CASE(messages_per_record_splits_each_record) {
  with_hub({}, [](asio::io_context& io, emulator::signalr_hub& hub) -> awaitable<void> {
    raw_client client(io.get_executor());
    co_await client.join(hub.base_url());
    hub.set_faults({.messages_per_record = 3});
    hub.broadcast("M", R"(["é€😀 split me across messages"])");
    std::string joined;
    for (int i = 0; i < 3; ++i) {
      auto [ec, message] = co_await client.read_message();
      BOOST_TEST_REQUIRE(!ec, ec.message());  // each piece is valid UTF-8 or the read fails
      BOOST_TEST(message.find('\x1e') == (i == 2 ? message.size() - 1 : std::string::npos));
      joined += message;
    }
    BOOST_TEST(joined == "{\"type\":1,\"target\":\"M\",\"arguments\":[\"é€😀 split me across messages\"]}\x1e");
    BOOST_TEST(hub.connections().at(0).websocket_messages_sent == 4u);  // handshake + 3
  });
}

BOOST_AUTO_TEST_CASE(silence_stops_everything_pings_included) {
  with_hub({.keep_alive_interval = 50ms}, [](asio::io_context& io, emulator::signalr_hub& hub) -> awaitable<void> {
    raw_client client(io.get_executor());
    co_await client.join(hub.base_url());
    hub.set_faults({.silent = true});
    hub.broadcast("Held", "[]");
    const auto start = clock_type::now();
    bool cleared = false;
    asio::co_spawn(io, [&]() -> awaitable<void> {
      asio::steady_timer timer(io, 400ms);  // the fault lasts this long
      co_await timer.async_wait(asio::use_awaitable);
      cleared = true;
      hub.set_faults({});
    }, asio::detached);
    auto [ec, record] = co_await client.read_record();
    BOOST_TEST_REQUIRE(!ec, ec.message());
    BOOST_TEST(cleared);
    BOOST_TEST((clock_type::now() - start >= 400ms));
    BOOST_TEST(text(std::get<signalr::invocation>(decode(record)).target) == "Held");
  });
}

BOOST_AUTO_TEST_CASE(close_all_sends_close_with_the_error_then_closes) {
  with_hub({}, [](asio::io_context& io, emulator::signalr_hub& hub) -> awaitable<void> {
    raw_client client(io.get_executor());
    co_await client.join(hub.base_url());
    hub.broadcast("Before", "[]");
    hub.close_all("Server is restarting", true);
    auto [ec, record] = co_await client.read_hub_message();
    BOOST_TEST(text(std::get<signalr::invocation>(decode(record)).target) == "Before");
    std::tie(ec, record) = co_await client.read_hub_message();
    BOOST_TEST_REQUIRE(!ec, ec.message());
    BOOST_TEST(record == R"({"type":7,"error":"Server is restarting","allowReconnect":true})");
    std::tie(ec, record) = co_await client.read_record();
    BOOST_TEST(ec == std::error_code(net::error::websocket_closed), ec.message());
    BOOST_TEST(client.ws().peer_close_reason().code == 1000u);
    BOOST_TEST(co_await hub.wait_until([&] { return hub.connections().empty(); }));
  });
}

BOOST_AUTO_TEST_CASE(drop_all_disconnects_without_close) {
  for (const bool reset : {false, true}) {
    with_hub({}, [reset](asio::io_context& io, emulator::signalr_hub& hub) -> awaitable<void> {
      raw_client client(io.get_executor());
      co_await client.join(hub.base_url());
      hub.drop_all(reset);
      auto [ec, record] = co_await client.read_record();
      BOOST_TEST(ec != std::error_code{});
      BOOST_TEST(ec != std::error_code(net::error::websocket_closed), ec.message());
      BOOST_TEST(client.ws().peer_close_reason().code == 0u);
      if (reset) BOOST_TEST((ec == std::errc::connection_reset), ec.message());
      BOOST_TEST(co_await hub.wait_until([&] { return hub.connections().empty(); }));
    });
  }
}

BOOST_AUTO_TEST_CASE(drop_after_messages_cuts_the_connection_after_n) {
  with_hub({}, [](asio::io_context& io, emulator::signalr_hub& hub) -> awaitable<void> {
    hub.set_faults({.records_per_message = 0, .drop_after_messages = 5});
    raw_client client(io.get_executor());
    co_await client.join(hub.base_url());
    for (int i = 0; i < 8; ++i) hub.broadcast("M", "[" + std::to_string(i) + "]");
    for (int i = 0; i < 5; ++i) {
      auto [ec, record] = co_await client.read_hub_message();
      BOOST_TEST_REQUIRE(!ec, ec.message());
      BOOST_TEST(std::get<signalr::invocation>(decode(record)).arguments.text() == "[" + std::to_string(i) + "]");
    }
    auto [ec, record] = co_await client.read_record();
    BOOST_TEST(ec != std::error_code{});
    BOOST_TEST(client.ws().peer_close_reason().code == 0u);
  });
}

BOOST_AUTO_TEST_CASE(refuse_status_answers_negotiate_and_upgrade_until_cleared) {
  with_hub({}, [](asio::io_context& io, emulator::signalr_hub& hub) -> awaitable<void> {
    raw_client open(io.get_executor());
    co_await open.join(hub.base_url());
    hub.set_faults({.refuse_status = 429});
    net::http_client http_client(io.get_executor());
    auto [ec, res] = co_await negotiate(http_client, hub);
    BOOST_TEST_REQUIRE(!ec, ec.message());
    BOOST_TEST(res.result_int() == 429u);
    BOOST_TEST(res[http::field::retry_after] == "1");
    raw_client refused(io.get_executor());
    const auto upgrade = co_await refused.connect(hub.base_url());
    BOOST_TEST(upgrade == std::error_code(net::error::upgrade_refused));
    BOOST_TEST(refused.ws().upgrade_status() == 429u);
    BOOST_TEST(hub.refusals(429) == 2u);
    BOOST_TEST(hub.connection_count() == 1u);  // the open connection stays
    hub.set_faults({.refuse_status = 503});
    auto [ec503, res503] = co_await negotiate(http_client, hub);
    BOOST_TEST_REQUIRE(!ec503, ec503.message());
    BOOST_TEST(res503.result_int() == 503u);
    hub.set_faults({});
    raw_client later(io.get_executor());
    co_await later.join(hub.base_url());
    BOOST_TEST(hub.connection_count() == 2u);
  });
}

BOOST_AUTO_TEST_CASE(an_oversized_record_has_exactly_the_size_asked) {
  with_hub({}, [](asio::io_context& io, emulator::signalr_hub& hub) -> awaitable<void> {
    raw_client client(io.get_executor());
    co_await client.join(hub.base_url());
    BOOST_TEST(hub.broadcast_oversized("Big", 100'000) == 1u);
    auto [ec, record] = co_await client.read_hub_message();
    BOOST_TEST_REQUIRE(!ec, ec.message());
    BOOST_TEST(record.size() == 100'000u);
    BOOST_TEST(text(std::get<signalr::invocation>(decode(record)).target) == "Big");
  });
}

BOOST_AUTO_TEST_CASE(a_slow_client_is_dropped_when_its_queue_is_full) {
  with_hub({.max_queued_bytes = 4096}, [](asio::io_context& io, emulator::signalr_hub& hub) -> awaitable<void> {
    raw_client client(io.get_executor());
    co_await client.join(hub.base_url());
    hub.set_faults({.silent = true});  // nothing leaves, so the queue fills
    std::size_t delivered = 0;
    for (int i = 0; i < 100; ++i) delivered += hub.broadcast("M", "[\"" + std::string(100, 'x') + "\"]");
    BOOST_TEST(delivered < 100u);
    BOOST_TEST(co_await hub.wait_until([&] { return hub.connections().empty(); }));
  });
}

// --- stopping --------------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(stop_with_clients_connected_ends_promptly) {
  asio::io_context io;
  emulator::signalr_hub hub(io.get_executor());
  std::vector<std::unique_ptr<raw_client>> clients;
  std::vector<std::vector<std::string>> received(4);
  std::size_t ended = 0;
  testing::run(io, [&]() -> awaitable<void> {
    for (int i = 0; i < 4; ++i) {
      clients.push_back(std::make_unique<raw_client>(io.get_executor()));
      if (i < 3) {
        co_await clients.back()->join(hub.base_url());
      } else {  // connected, never handshaken
        BOOST_TEST_REQUIRE(!co_await clients.back()->connect(hub.base_url()));
      }
      asio::co_spawn(io, [&, i]() -> awaitable<void> {
        for (;;) {
          auto [ec, record] = co_await clients[i]->read_record();
          if (ec) break;
          received[i].push_back(record);
        }
        ++ended;
      }, asio::detached);
    }
    BOOST_TEST(co_await hub.wait_until([&] { return hub.connections().size() == 4; }));
    const auto start = clock_type::now();
    co_await hub.stop();
    BOOST_TEST((clock_type::now() - start < 1s));
    BOOST_TEST(co_await testing::eventually([&] { return ended == 4; }));
  }());
  BOOST_TEST(hub.stopped());
  BOOST_TEST(hub.connections().empty());
  for (int i = 0; i < 3; ++i) BOOST_TEST(received[i] == std::vector<std::string>{R"({"type":7})"});
  BOOST_TEST(received[3].empty());
  clients.clear();
  io.restart();
  io.run_for(5s);
  BOOST_TEST(io.stopped(), "coroutines still running 5 s after stop()");
}

BOOST_AUTO_TEST_CASE(stop_now_during_a_generator_and_a_wait_ends_everything) {
  asio::io_context io;
  auto hub = std::make_unique<emulator::signalr_hub>(io.get_executor());
  auto client = std::make_unique<raw_client>(io.get_executor());
  bool generator_ended = false;
  bool waiter_ended = false;
  testing::run(io, [&]() -> awaitable<void> {
    co_await client->join(hub->base_url());
    asio::co_spawn(io, [&]() -> awaitable<void> {
      co_await hub->send_many("M", "[]", 100'000'000);
      generator_ended = true;
    }, asio::detached);
    asio::co_spawn(io, [&]() -> awaitable<void> {
      co_await hub->wait_for_connections(5, 1h);
      waiter_ended = true;
    }, asio::detached);
    auto [ec, record] = co_await client->read_hub_message();  // the stream has started
    BOOST_TEST_REQUIRE(!ec, ec.message());
  }());
  hub->stop_now();
  client.reset();  // its write watchdog would keep the io_context busy
  io.restart();
  io.run_for(5s);
  BOOST_TEST(io.stopped(), "coroutines still running 5 s after stop_now()");
  BOOST_TEST(generator_ended);
  BOOST_TEST(waiter_ended);
}

BOOST_AUTO_TEST_SUITE_END()
