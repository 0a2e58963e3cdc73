// eventwire run into NATS JetStream: the real binary, a real nats-server, a Unity emulator.

#include "program_process.hpp"
#include "server_thread.hpp"

#include <eventwire/emulator/unity_emulator.hpp>
#include <eventwire/testing/nats_server.hpp>

#include <boost/test/unit_test.hpp>

#include <chrono>
#include <csignal>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <thread>
#include <vector>

using eventwire::testing::nats_server;
using eventwire::testing::running_program;
using eventwire::testing::server_thread;
using eventwire::testing::temporary_directory;
using namespace std::chrono_literals;

namespace {

// Waits until `condition` holds (checked every 20 ms) or the limit passes; an upper bound on a
// child process's progress, not a guess at a duration.
bool eventually(const std::function<bool()>& condition, std::chrono::seconds limit) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  while (!condition()) {
    if (std::chrono::steady_clock::now() >= deadline) return false;
    std::this_thread::sleep_for(20ms);
  }
  return true;
}

// A Unity emulator holding `notifications`, a nats-server, and config.json: one Unity source into
// the JetStream stream EVENTS, its checkpoints as `checkpoints` says ("file" or "nats").
struct unity_into_jetstream {
  nats_server nats;
  server_thread server;
  std::optional<eventwire::emulator::unity_emulator> unity;
  temporary_directory dir;
  std::map<std::string, std::string> env{{"UNITY_SECRET", "unity-emulator-secret"}};
  std::vector<std::string> args{"run", "--config", dir.file("config.json")};

  unity_into_jetstream(std::uint64_t notifications, const std::string& checkpoints) {
    server.call([&] {
      unity.emplace(server.io().get_executor()).generate(notifications);
      return 0;
    });
    const std::string base_url = server.call([&] { return unity->base_url().to_string(); });
    const std::string store = checkpoints == "nats"
                                  ? R"({"type": "nats", "url": ")" + nats.url() + R"(", "lease_ttl": "2s"})"
                                  : R"({"type": "file", "dir": ")" + dir.file("state") + R"("})";
    dir.write("config.json", R"({
      "sources": [{"name": "webroot", "type": "webroot-unity", "url": ")" + base_url + R"(",
                   "subscription_id": "222c9efe-c76d-41a9-a41b-c86a955a5529", "poll_interval": "1s",
                   "oauth2": {"client_id": "eventwire", "client_secret": {"env": "UNITY_SECRET"}}}],
      "sinks": [{"type": "nats", "url": ")" + nats.url() + R"(", "create_stream": true, "stream": "EVENTS"}],
      "checkpoints": )" + store + "}");
  }
  ~unity_into_jetstream() {
    server.call([&] {
      unity.reset();
      return 0;
    });
  }

  std::uint64_t fetches() {
    return server.call([&] { return unity->statistics().fetches; });
  }
  // Waits for one more fetch (which finds nothing new once everything was delivered).
  bool one_more_fetch() {
    const auto seen = fetches();
    return eventually([&] { return fetches() > seen; }, std::chrono::seconds(10));
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(nats)

// A Unity source killed with SIGKILL mid-stream and started again fetches the unacknowledged page
// again; JetStream drops the repeats by Nats-Msg-Id, so the stream holds every notification once.
BOOST_AUTO_TEST_CASE(unity_into_jetstream_is_exactly_once_across_a_kill_9) {
  constexpr std::uint64_t notifications = 20000;
  unity_into_jetstream f(notifications, "file");
  {
    running_program first(f.args, f.env);
    // Killed while pages are still flowing: some in the stream, not all.
    BOOST_TEST_REQUIRE(eventually([&] { return f.nats.messages("EVENTS") >= 3000; }, 60s));
    first.signal(SIGKILL);
    const auto o = first.finish();
    BOOST_TEST(o.status == 128 + SIGKILL);
  }
  const auto after_kill = f.nats.messages("EVENTS");
  BOOST_TEST(after_kill < notifications, "the first run was killed before the end");

  running_program second(f.args, f.env);
  BOOST_TEST(eventually([&] { return f.nats.messages("EVENTS") >= notifications; }, 60s));
  BOOST_TEST(f.one_more_fetch());
  second.signal(SIGTERM);
  const auto o = second.finish();
  BOOST_TEST(o.status == 0, o.err);
  BOOST_TEST(f.nats.messages("EVENTS") == notifications);
}

// Two instances with one config: checkpoints and leases in the NATS key-value store. The second
// waits as a standby while the first runs, takes over when the first stops (at once after
// SIGTERM, which releases the lease; after the lease's TTL after SIGKILL), and continues from the
// first one's position: the stream holds every notification once.
BOOST_AUTO_TEST_CASE(a_standby_instance_takes_over_the_cursor_when_the_first_stops) {
  constexpr std::uint64_t notifications = 30000;
  unity_into_jetstream f(notifications, "nats");
  auto& nats = f.nats;
  const auto said = [](const running_program& p, const char* text) {
    return p.wait_for_err(text).find(text) != std::string::npos;
  };

  running_program first(f.args, f.env);
  BOOST_TEST_REQUIRE(eventually([&] { return nats.messages("EVENTS") >= 1000; }, 60s));
  running_program second(f.args, f.env);
  BOOST_TEST_REQUIRE(said(second, "standby"), second.err_so_far());
  // The first stops politely mid-stream: the second takes over from its last position.
  first.signal(SIGTERM);
  const auto first_end = first.finish();
  BOOST_TEST(first_end.status == 0, first_end.err);
  const auto after_first = nats.messages("EVENTS");
  BOOST_TEST(after_first < notifications, "the first instance stopped before the end");
  BOOST_TEST(said(second, "lease acquired"), second.err_so_far());

  // A third instance waits while the second runs; the second is killed: the third takes over once
  // the lease expired.
  BOOST_TEST_REQUIRE(eventually([&] { return nats.messages("EVENTS") > after_first; }, 60s));
  running_program third(f.args, f.env);
  BOOST_TEST_REQUIRE(said(third, "standby"), third.err_so_far());
  second.signal(SIGKILL);
  BOOST_TEST(second.finish().status == 128 + SIGKILL);
  BOOST_TEST(said(third, "lease acquired"), third.err_so_far());
  BOOST_TEST(eventually([&] { return nats.messages("EVENTS") >= notifications; }, 60s));
  BOOST_TEST(f.one_more_fetch());
  third.signal(SIGTERM);
  const auto third_end = third.finish();
  BOOST_TEST(third_end.status == 0, third_end.err);
  BOOST_TEST(nats.messages("EVENTS") == notifications);
}

// Another holder written over this instance's lease (as after a network partition in which the
// lease expired and a standby took it): the renewal finds it taken, the source is stopped and the
// program ends with a failure instead of moving the cursor on.
BOOST_AUTO_TEST_CASE(an_instance_whose_lease_was_taken_stops_its_source) {
  unity_into_jetstream f(30000, "nats");
  running_program only(f.args, f.env);
  BOOST_TEST_REQUIRE(only.wait_for_err("lease acquired").find("lease acquired") != std::string::npos,
                     only.err_so_far());
  {
    natsConnection* nc = nullptr;
    jsCtx* js = nullptr;
    kvStore* leases = nullptr;
    BOOST_REQUIRE(natsConnection_ConnectTo(&nc, f.nats.url().c_str()) == NATS_OK);
    BOOST_REQUIRE(natsConnection_JetStream(&js, nc, nullptr) == NATS_OK);
    BOOST_REQUIRE(js_KeyValue(&leases, js, "eventwire-leases") == NATS_OK);
    BOOST_TEST(kvStore_PutString(nullptr, leases, "webroot", "intruder:1") == NATS_OK);
    kvStore_Destroy(leases);
    jsCtx_Destroy(js);
    natsConnection_Destroy(nc);
  }
  const auto o = only.finish();  // ends by itself: its one source failed for good
  BOOST_TEST(o.status == 1, o.err);
  BOOST_TEST(o.err.find("lost the lease") != std::string::npos, o.err);
}

BOOST_AUTO_TEST_SUITE_END()
