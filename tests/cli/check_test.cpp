// eventwire check --config: every problem with its JSON path, and the documented examples.

#include "program_process.hpp"

#include <boost/test/unit_test.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>

using eventwire::testing::run_program;
using eventwire::testing::temporary_directory;

BOOST_AUTO_TEST_SUITE(check)

BOOST_AUTO_TEST_CASE(check_reports_every_problem_with_its_path_and_exits_3) {
  const temporary_directory dir;
  dir.write("config.json", R"json({
    "sources": [
      {"name": "x", "type": "signalr", "methods": ["A"], "colour": "red"},
      {"name": "x", "type": "telepathy"},
      {"name": "sc", "type": "genetec-websdk", "url": "http://sc:4590/WebSdk", "username": "u",
       "application_id": "a", "password": {"env": "EVENTWIRE_TEST_UNSET_VARIABLE"},
       "subscriptions": ["event(Door)"]},
      {"name": "u", "type": "webroot-unity", "url": "https://unity", "subscription_id": "s",
       "oauth2": {"client_id": "c"}, "start": "yesterday"},
      {"name": "p", "type": "portos", "url": "http://portos/hub", "subscriptions": [{"r": 3}]},
      {"name": "c", "type": "clay", "url": "https://clay/hub/exit"},
      {"name": "mc", "type": "genetec-missioncontrol", "url": "https://mc/v4", "username": "u",
       "reconnect": {"factor": 0.5}},
      {"name": "u2", "type": "webroot-unity", "url": "https://unity", "subscription_id": "s"}
    ],
    "sinks": [{"type": "file"}]
  })json");
  const auto o = run_program({"check", "--config", dir.file("config.json")});
  BOOST_TEST(o.status == 3);
  for (const char* expected : {
           "sources[0].colour: is not a known setting",
           "sources[0].url: is required",
           "sources[1].name: is used by another source",
           "sources[1].type: must be one of genetec-websdk, genetec-missioncontrol, clay, webroot-unity, portos, signalr",
           "sources[2].password: cannot be read from",
           "sources[2].subscriptions[0]: is not event(SOURCE,EventType)",
           "sources[3].start: must be \"oldest\", \"newest\" or \"after_newest\"",
           "sources[3]: needs a checkpoint store",
           "sources[4].subscriptions[0]: is not a Portos subscription",
           "sources[5].url: must end in /hub/incident or /hub/entry",
           "sources[5]: needs \"token\" or \"oauth2\"",
           "sources[6].password: is required",
           "sources[6].reconnect.factor: must be between 1 and 100",
           "sinks[0].path: is required",
           "sources[7].oauth2: is required",
           "sources[7]: needs a checkpoint store",
       }) {
    BOOST_TEST(o.err.find(expected) != std::string::npos, "missing: " << expected << "\nin:\n" << o.err);
  }
}

BOOST_AUTO_TEST_CASE(nats_checkpoints_are_checked_and_a_wrong_store_type_named) {
  const temporary_directory dir;
  dir.write("nats.json", R"json({
    "sources": [{"name": "x", "type": "signalr", "url": "http://hub/x", "methods": ["A"]}],
    "checkpoints": {"type": "nats", "url": "nats://127.0.0.1:1", "lease_ttl": "500ms", "dir": "state",
                    "token": {"env": "EVENTWIRE_TEST_UNSET_VARIABLE"}}
  })json");
  const auto nats = run_program({"check", "--config", dir.file("nats.json")});
  BOOST_TEST(nats.status == 3);
  for (const char* expected : {"checkpoints.lease_ttl: must be at least 1s", "checkpoints.dir: is not a known setting",
                               "checkpoints.token: cannot be read from"})
    BOOST_TEST(nats.err.find(expected) != std::string::npos, "missing: " << expected << "\nin:\n" << nats.err);

  dir.write("redis.json", R"json({
    "sources": [{"name": "x", "type": "signalr", "url": "http://hub/x", "methods": ["A"]}],
    "checkpoints": {"type": "redis"}
  })json");
  const auto redis = run_program({"check", "--config", dir.file("redis.json")});
  BOOST_TEST(redis.status == 3);
  BOOST_TEST(redis.err.find("checkpoints.type: must be \"file\" or \"nats\"") != std::string::npos, redis.err);
}

// Every example config in docs/examples is valid as written (with its secrets' variables set).
BOOST_AUTO_TEST_CASE(every_documented_example_config_is_valid) {
  std::size_t examples = 0;
  for (const auto& entry : std::filesystem::directory_iterator(EVENTWIRE_EXAMPLES_DIR)) {
    if (entry.path().extension() != ".jsonc") continue;
    ++examples;
    const auto o = run_program({"check", "--config", entry.path().string()}, {{"WEBSDK_PASSWORD", "secret"}});
    BOOST_TEST(o.status == 0, entry.path().filename().string() << ": " << o.err);
  }
  BOOST_TEST(examples >= 6u);
}

// Every ```jsonc block of the README is a config that must stay valid.
BOOST_AUTO_TEST_CASE(the_readme_config_examples_are_valid) {
  std::ifstream in(EVENTWIRE_README);
  const std::string readme{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  constexpr std::string_view fence = "```jsonc\n";
  std::size_t blocks = 0;
  for (auto start = readme.find(fence); start != std::string::npos; start = readme.find(fence, start + 1)) {
    const auto end = readme.find("```", start + fence.size());
    BOOST_TEST_REQUIRE(end != std::string::npos);
    const temporary_directory dir;
    dir.write("readme.jsonc", readme.substr(start + fence.size(), end - start - fence.size()));
    const auto o = run_program({"check", "--config", dir.file("readme.jsonc")}, {{"WEBSDK_PASSWORD", "secret"}});
    BOOST_TEST(o.status == 0, "block " << blocks << ": " << o.err);
    ++blocks;
  }
  BOOST_TEST(blocks >= 2u);
}

// The systemd unit in docs/ passes systemd-analyze verify (installed by scripts/setup.sh), with
// ExecStart pointing at the binary under test.
BOOST_AUTO_TEST_CASE(the_systemd_unit_verifies) {
  std::ifstream in(EVENTWIRE_SYSTEMD_UNIT);
  std::string unit{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  BOOST_TEST_REQUIRE(!unit.empty());
  for (std::size_t at; (at = unit.find("/usr/local/bin/eventwire")) != std::string::npos;)
    unit.replace(at, 24, EVENTWIRE_PROGRAM);
  const temporary_directory dir;
  dir.write("eventwire.service", unit);
  const std::string command = "systemd-analyze verify " + dir.file("eventwire.service") + " 2>&1";
  BOOST_TEST(std::system(command.c_str()) == 0);
}

BOOST_AUTO_TEST_SUITE_END()
