// eventwire run --config: the real binary against emulators served by this test process.

#include "program_process.hpp"
#include "server_thread.hpp"

#include <eventwire/emulator/missioncontrol_emulator.hpp>
#include <eventwire/emulator/signalr_hub.hpp>
#include <eventwire/emulator/unity_emulator.hpp>
#include <eventwire/emulator/websdk_emulator.hpp>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/json/parse.hpp>
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <csignal>
#include <filesystem>
#include <thread>
#include <fstream>
#include <functional>
#include <optional>
#include <set>

using eventwire::testing::run_program;
using eventwire::testing::running_program;
using eventwire::testing::server_thread;
using eventwire::testing::temporary_directory;

namespace {

namespace asio = boost::asio;
using namespace std::chrono_literals;

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// A SignalR hub emulator on its own thread that broadcasts `Notify` with the numbers 0 to count-1
// once the program connected.
class numbered_hub {
 public:
  explicit numbered_hub(int count) {
    server_.call([&] { return &hub_.emplace(server_.io().get_executor()); });
    asio::co_spawn(server_.io(), broadcast(*hub_, count), asio::detached);
  }
  ~numbered_hub() {
    server_.call([&] {
      hub_.reset();
      return 0;
    });
  }
  std::string url() const { return hub_->url(); }

 private:
  static asio::awaitable<void> broadcast(eventwire::emulator::signalr_hub& hub, int count) {
    const bool connected = co_await hub.wait_for_connections(1, 20s);
    if (!connected) co_return;
    for (int i = 0; i < count; ++i) hub.broadcast("Notify", "[" + std::to_string(i) + "]");
  }
  server_thread server_;
  std::optional<eventwire::emulator::signalr_hub> hub_;
};

// Runs the program on `config` until `file` holds `lines` lines (at most 30 s), then SIGTERM: it
// must have delivered them and end with status 0.
void runs_until_delivered(const std::string& config, const std::string& file, long lines) {
  running_program program({"run", "--config", config});
  const auto delivered = [&] {
    const std::string text = read_file(file);
    return std::count(text.begin(), text.end(), '\n') >= lines;
  };
  const auto deadline = std::chrono::steady_clock::now() + 30s;
  while (!delivered() && std::chrono::steady_clock::now() < deadline) std::this_thread::sleep_for(20ms);
  program.signal(SIGTERM);
  const auto o = program.finish();
  BOOST_TEST(delivered(), o.err);
  BOOST_TEST(o.status == 0, o.err);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(run)

BOOST_AUTO_TEST_CASE(run_reads_a_config_and_delivers_a_hubs_invocations_to_a_file) {
  numbered_hub hub(100);

  const temporary_directory dir;
  const std::string events = dir.file("events.ndjson");
  dir.write("config.jsonc", "{\n  // one hub, one file\n  \"sources\": [{\"name\": \"hub\", \"type\": \"signalr\", \"url\": \"" +
                 hub.url() + "\", \"methods\": [\"Notify\"]}],\n  \"sinks\": [{\"type\": \"file\", \"path\": \"" + events +
                 "\"}],\n}\n");
  const auto o = run_program({"run", "--config", dir.file("config.jsonc"), "--count", "100", "--duration", "60s"});
  BOOST_TEST(o.status == 0, o.err);
  std::ifstream in(events);
  std::vector<int> numbers;
  for (std::string line; std::getline(in, line);) {
    const auto event = boost::json::parse(line).as_object();
    BOOST_TEST(event.at("type").as_string() == "signalr.Notify");
    BOOST_TEST(event.at("source").as_string() == "eventwire/hub");
    numbers.push_back(static_cast<int>(event.at("data").as_array().at(0).as_int64()));
  }
  std::vector<int> expected(100);
  for (int i = 0; i < 100; ++i) expected[static_cast<std::size_t>(i)] = i;
  BOOST_TEST((numbers == expected));
}

// Mission Control knows a client by its ClientId: a restarted eventwire must present the same one.
BOOST_AUTO_TEST_CASE(missioncontrol_keeps_its_client_id_in_the_checkpoint_store_across_runs) {
  server_thread server;
  auto& io = server.io();
  std::optional<eventwire::emulator::missioncontrol_emulator> mc_storage;
  server.call([&] { return &mc_storage.emplace(io.get_executor()); });
  auto& mc = *mc_storage;

  const temporary_directory dir;
  dir.write("config.json", R"({"sources": [{"name": "mc", "type": "genetec-missioncontrol", "url": ")" +
                                          mc.base_url() + R"(", "notifications_url": ")" + mc.notifications_url() +
                                          R"(", "username": "operator", "password": {"env": "MC_PASSWORD"}}],
                                          "sinks": [{"type": "stdout"}],
                                          "checkpoints": {"type": "file", "dir": ")" +
                                          dir.file("state") + R"("}})");
  std::set<std::string> client_ids;
  for (int round = 0; round < 2; ++round) {
    // Three notifications once the program is connected; the run ends after delivering them.
    server.call([&] {
      asio::co_spawn(io, [&]() -> asio::awaitable<void> {
        const bool connected = co_await mc.hub().wait_for_connections(1, 30s);
        if (connected) co_await mc.generate(3);
      }, asio::detached);
      return 0;
    });
    const auto o = run_program({"run", "--config", dir.file("config.json"), "--count", "3", "--duration", "60s"},
                               {{"MC_PASSWORD", "mc-password"}});
    BOOST_TEST_REQUIRE(o.status == 0, o.err);
    BOOST_TEST(std::count(o.out.begin(), o.out.end(), '\n') == 3);
    for (const auto& request : server.call([&] { return mc.token_requests(); })) client_ids.insert(request.client_id);
  }
  server.call([&] {
    mc_storage.reset();
    return 0;
  });
  const std::string stored = read_file(dir.file("state/mc%2Fclient_id"));
  BOOST_TEST(stored.size() == 36u);
  BOOST_TEST(client_ids == std::set<std::string>{stored});
}

// SIGTERM while events flow: the sources stop, every event already received is written, exit 0.
BOOST_AUTO_TEST_CASE(sigterm_drains_every_received_event_into_the_sinks) {
  numbered_hub hub(50000);

  const temporary_directory dir;
  const std::string events = dir.file("events.ndjson");
  dir.write("config.json", R"({"sources": [{"name": "hub", "type": "signalr", "url": ")" + hub.url() +
                                          R"(", "methods": ["Notify"]}],
    "sinks": [{"type": "file", "path": ")" + events + R"(", "sync": "batch"}]})");
  running_program program({"run", "--config", dir.file("config.json")});
  // Stopped once some events are written, while most are still on their way.
  const auto written = [&] {
    std::error_code ec;
    const auto size = std::filesystem::file_size(events, ec);
    return !ec && size > 64 * 1024;
  };
  const auto deadline = std::chrono::steady_clock::now() + 30s;
  while (!written() && std::chrono::steady_clock::now() < deadline) std::this_thread::sleep_for(5ms);
  program.signal(SIGTERM);
  const auto o = program.finish();
  BOOST_TEST_REQUIRE(o.status == 0, o.err);
  std::ifstream in(events);
  std::uint64_t lines = 0;
  for (std::string line; std::getline(in, line);) ++lines;
  const std::string summary = "stopped: " + std::to_string(lines) + " events received, " + std::to_string(lines) +
                              " delivered to every sink";
  BOOST_TEST(lines > 0u);
  BOOST_TEST(o.err.find(summary) != std::string::npos, "expected '" << summary << "' in\n" << o.err);
}

// A Unity server with its own certificate, pinned at the source: its token endpoint (the same
// server, the default token_url) is reached with the same pin (found by the fault suite: the token
// request used the system trust store and failed for ever, silently).
BOOST_AUTO_TEST_CASE(a_pinned_unity_source_gets_its_token_with_the_same_pin) {
  server_thread server;
  std::optional<eventwire::emulator::unity_emulator> unity;
  const std::string base_url = server.call([&] {
    eventwire::emulator::unity_emulator_options o;
    o.tls = true;
    auto& u = unity.emplace(server.io().get_executor(), o);
    u.generate(3);
    return u.base_url().to_string();
  });
  const std::string pin = server.call([&] { return unity->certificate()->fingerprint.to_string(); });
  const temporary_directory dir;
  const std::string events = dir.file("events.ndjson");
  dir.write("config.json", R"({"sources": [{"name": "webroot", "type": "webroot-unity", "url": ")" + base_url +
                                          R"(", "subscription_id": "222c9efe-c76d-41a9-a41b-c86a955a5529",
      "poll_interval": "1s", "tls": {"pin_sha256": ")" + pin + R"("},
      "oauth2": {"client_id": "eventwire", "client_secret": "unity-emulator-secret"}}],
    "sinks": [{"type": "file", "path": ")" + events + R"("}],
    "checkpoints": {"type": "file", "dir": ")" + dir.file("state") + R"("}})");
  runs_until_delivered(dir.file("config.json"), events, 3);
  server.call([&] {
    unity.reset();
    return 0;
  });
}

// A Web SDK with its own certificate, pinned at the source: the API calls, the 301 to the https
// streaming port and the stream all go over the pin (the fault suite's tls-mismatch row is the
// refusal; this is its control).
BOOST_AUTO_TEST_CASE(a_pinned_websdk_source_connects_and_delivers) {
  server_thread server;
  std::optional<eventwire::emulator::websdk_emulator> websdk;
  const std::string base_url = server.call([&] {
    eventwire::emulator::websdk_emulator_options o;
    o.tls = true;
    auto& w = websdk.emplace(server.io().get_executor(), o);
    asio::co_spawn(server.io(), [&w]() -> asio::awaitable<void> {
      std::function<bool()> subscribed = [&w] { return w.open_streams() > 0 && !w.subscriptions().empty(); };
      const bool listening = co_await w.wait_until(subscribed, 20s);
      if (!listening) co_return;
      for (int i = 0; i < 3; ++i) w.raise_event("CameraMotion", w.find("Camera", 1)->guid);
    }, asio::detached);
    return w.base_url().to_string();
  });
  const std::string pin = server.call([&] { return websdk->certificate()->fingerprint.to_string(); });
  BOOST_TEST_REQUIRE(base_url.rfind("https://", 0) == 0u, base_url);
  const temporary_directory dir;
  const std::string events = dir.file("events.ndjson");
  dir.write("config.json", R"({"sources": [{"name": "websdk", "type": "genetec-websdk", "url": ")" + base_url +
                                          R"x(", "username": "admin", "application_id": "eventwire", "password": "admin",
      "subscriptions": ["event(Camera,CameraMotion)"], "tls": {"pin_sha256": ")x" + pin + R"("}}],
    "sinks": [{"type": "file", "path": ")" + events + R"("}],
    "checkpoints": {"type": "file", "dir": ")" + dir.file("state") + R"("}})");
  runs_until_delivered(dir.file("config.json"), events, 3);
  server.call([&] {
    websdk.reset();
    return 0;
  });
}

// Logs are JSON lines with level, source and message; the token never appears; --log-level filters.
BOOST_AUTO_TEST_CASE(logs_are_json_lines_that_say_why_and_never_show_the_token) {
  const temporary_directory dir;
  // Port 1 on the loopback refuses connections.
  dir.write("config.json", R"({"sources": [{"name": "hub", "type": "signalr", "url": "http://127.0.0.1:1/hub",
    "methods": ["A"], "token": "s3cr3t-token", "reconnect": {"first_delay": "50ms", "max_delay": "100ms"}}]})");
  const auto o = run_program({"run", "--config", dir.file("config.json"), "--duration", "500ms"});
  BOOST_TEST(o.status == 0, o.err);
  std::size_t warnings = 0;
  for (std::size_t from = 0, nl; (nl = o.err.find('\n', from)) != std::string::npos; from = nl + 1) {
    const auto line = boost::json::parse(std::string_view(o.err).substr(from, nl - from)).as_object();
    BOOST_TEST(line.at("time").is_string());
    BOOST_TEST(line.at("source").is_string());
    if (line.at("level").as_string() == "warning") {
      ++warnings;
      BOOST_TEST(line.at("source").as_string() == "hub");
      BOOST_TEST(line.at("message").as_string().find("Connection refused") != std::string::npos);
    }
  }
  BOOST_TEST(warnings >= 2u, o.err);
  BOOST_TEST(o.err.find("s3cr3t") == std::string::npos);

  const auto quiet = run_program({"run", "--config", dir.file("config.json"), "--duration", "300ms", "--log-level", "error"});
  BOOST_TEST(quiet.status == 0);
  BOOST_TEST(quiet.err.empty(), quiet.err);
}

BOOST_AUTO_TEST_SUITE_END()
