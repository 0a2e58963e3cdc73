// eventwire websdk OPERATION: the real binary against a Web SDK emulator served by this test
// process, with the connection of a genetec-websdk source of a config file.

#include "program_process.hpp"
#include "server_thread.hpp"

#include <eventwire/emulator/websdk_emulator.hpp>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/use_future.hpp>
#include <boost/json/parse.hpp>
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <functional>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

using eventwire::testing::outcome;
using eventwire::testing::run_program;
using eventwire::testing::running_program;
using eventwire::testing::server_thread;
using eventwire::testing::temporary_directory;

namespace {

namespace asio = boost::asio;
namespace json = boost::json;
using namespace std::chrono_literals;

constexpr const char* alarm_guid = "c319de11-3fb9-4c42-b4ee-1745c7287799";
constexpr const char* password = "emulated-admin-password";

// A Web SDK emulator on its own thread and a config whose source "sc" reaches it, beside a clay
// source "clay" (another type). The password is in the environment, as a user would keep it.
class websdk_fixture {
 public:
  websdk_fixture() {
    eventwire::emulator::websdk_emulator_options o;
    o.password = password;
    server_.call([&] { return &emulator_.emplace(server_.io().get_executor(), o); });
    dir_.write("config.json", R"json({"sources": [
      {"name": "sc", "type": "genetec-websdk", "url": ")json" + emulator_->base_url().to_string() + R"json(",
       "username": "admin", "application_id": "eventwire", "password": {"env": "WEBSDK_PASSWORD"},
       "subscriptions": ["event(Camera,CameraMotion)"], "request_timeout": "20s"},
      {"name": "clay", "type": "clay", "url": "https://clay.example/hub/incident", "token": "t"}]})json");
  }
  ~websdk_fixture() {
    server_.call([&] {
      emulator_.reset();
      return 0;
    });
  }

  // Runs `eventwire websdk OPERATION --config FILE --source sc ARGS...` with the right password.
  outcome websdk(const std::string& operation, std::vector<std::string> args,
                 const std::string& source = "sc", const std::string& secret = password) {
    std::vector<std::string> all{"websdk", operation, "--config", config(), "--source", source};
    all.insert(all.end(), args.begin(), args.end());
    return run_program(all, {{"WEBSDK_PASSWORD", secret}});
  }

  std::string config() const { return dir_.file("config.json"); }
  std::string camera(std::uint32_t logical_id) {
    return server_.call([&] { return emulator_->find("Camera", logical_id)->guid; });
  }
  std::vector<eventwire::emulator::websdk_alarm_instance> active_alarms() {
    return server_.call([&] { return emulator_->active_alarms(); });
  }
  std::int64_t trigger(const std::string& alarm, const std::string& source) {
    return server_.call([&] { return emulator_->trigger_alarm(alarm, source); });
  }
  // Waits (without polling) until `predicate` holds on the emulator's thread; false after 30 s.
  bool wait_until(std::function<bool(const eventwire::emulator::websdk_emulator&)> predicate) {
    auto done = server_.call([&] {
      auto& emulator = *emulator_;
      return asio::co_spawn(server_.io(), emulator.wait_until([&emulator, predicate] { return predicate(emulator); }, 30s),
                            asio::use_future);
    });
    return done.get();
  }
  std::uint64_t unauthorized_requests() {
    return server_.call([&] { return emulator_->unauthorized_requests(); });
  }

 private:
  server_thread server_;
  std::optional<eventwire::emulator::websdk_emulator> emulator_;
  temporary_directory dir_;
};

std::vector<json::object> json_lines(const std::string& text) {
  std::vector<json::object> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(json::parse(line).as_object());
  return out;
}

bool has_instance(const std::vector<json::object>& alarms, std::int64_t id) {
  return std::any_of(alarms.begin(), alarms.end(),
                     [&](const json::object& a) { return a.at("instance_id").as_int64() == id; });
}

}  // namespace

BOOST_AUTO_TEST_SUITE(websdk_command)

BOOST_AUTO_TEST_CASE(trigger_prints_the_instance_that_alarms_then_lists) {
  websdk_fixture f;
  const std::string camera = f.camera(1), attached = f.camera(2);
  const auto triggered = f.websdk("trigger", {"--alarm", alarm_guid, "--entity", camera, "--context", "Door forced open",
                                              "--priority", "50", "--attach", "{" + attached + "}"});
  BOOST_TEST_REQUIRE(triggered.status == 0, triggered.err);
  BOOST_TEST_REQUIRE(triggered.out.size() > 1u);
  BOOST_TEST(triggered.out.back() == '\n');
  const std::int64_t id = std::stoll(triggered.out);

  const auto active = f.active_alarms();
  BOOST_TEST_REQUIRE(active.size() == 1u);
  BOOST_TEST(active[0].instance_id == id);
  BOOST_TEST(active[0].source_guid == camera);
  BOOST_TEST(active[0].context == "Door forced open");
  BOOST_TEST(active[0].priority == 50);

  for (const bool legacy : {false, true}) {
    std::vector<std::string> args;
    if (legacy) args.push_back("--legacy");
    const auto listed = f.websdk("alarms", args);
    BOOST_TEST_REQUIRE(listed.status == 0, listed.err);
    const auto alarms = json_lines(listed.out);
    BOOST_TEST_REQUIRE(alarms.size() == 1u, listed.out);
    BOOST_TEST(alarms[0].at("instance_id").as_int64() == id);
    BOOST_TEST(alarms[0].at("alarm").as_string() == alarm_guid);
    BOOST_TEST(alarms[0].at("trigger_entity").as_string() == camera);
    BOOST_TEST(alarms[0].at("context").as_string() == "Door forced open");
    BOOST_TEST(alarms[0].at("state").as_int64() == 1);
    BOOST_TEST(alarms[0].at("priority").as_int64() == 50);
  }
}

BOOST_AUTO_TEST_CASE(trigger_takes_a_logical_id_and_no_source) {
  websdk_fixture f;
  const auto triggered = f.websdk("trigger", {"--alarm", alarm_guid});
  BOOST_TEST_REQUIRE(triggered.status == 0, triggered.err);
  const auto logical = f.websdk("trigger", {"--alarm", alarm_guid, "--entity", "LogicalID(Camera,3)"});
  BOOST_TEST_REQUIRE(logical.status == 0, logical.err);
  const auto active = f.active_alarms();
  BOOST_TEST_REQUIRE(active.size() == 2u);
  const auto by_id = [&](std::int64_t id) {
    return *std::find_if(active.begin(), active.end(), [&](const auto& a) { return a.instance_id == id; });
  };
  BOOST_TEST(by_id(std::stoll(triggered.out)).source_guid.empty());
  BOOST_TEST(by_id(std::stoll(logical.out)).source_guid == f.camera(3));
}

BOOST_AUTO_TEST_CASE(acknowledge_removes_the_instance_from_the_active_alarms) {
  websdk_fixture f;
  const std::string camera = f.camera(1);
  const auto plain = f.trigger(alarm_guid, camera), nack = f.trigger(alarm_guid, camera),
             forced = f.trigger(alarm_guid, camera), kept = f.trigger(alarm_guid, camera);

  const auto a = f.websdk("acknowledge", {"--instance", std::to_string(plain), "--alarm", alarm_guid});
  BOOST_TEST_REQUIRE(a.status == 0, a.err);
  BOOST_TEST(a.out.empty());
  const auto b = f.websdk("acknowledge", {"--instance", std::to_string(nack), "--nack"});
  BOOST_TEST_REQUIRE(b.status == 0, b.err);
  const auto c = f.websdk("acknowledge", {"--instance", std::to_string(forced), "--alarm", alarm_guid, "--force"});
  BOOST_TEST_REQUIRE(c.status == 0, c.err);

  const auto listed = f.websdk("alarms", {});
  BOOST_TEST_REQUIRE(listed.status == 0, listed.err);
  const auto alarms = json_lines(listed.out);
  BOOST_TEST(alarms.size() == 1u, listed.out);
  BOOST_TEST(has_instance(alarms, kept));
  BOOST_TEST(!has_instance(alarms, plain));
  BOOST_TEST(f.active_alarms().size() == 1u);
}

BOOST_AUTO_TEST_CASE(a_refusal_prints_the_servers_text_and_exits_1) {
  websdk_fixture f;
  const auto o = f.websdk("acknowledge", {"--instance", "999", "--alarm", alarm_guid});
  BOOST_TEST(o.status == 1);
  BOOST_TEST(o.out.empty());
  BOOST_TEST(o.err == "eventwire: websdk acknowledge: GET /alarm answered Status Fail: unknown alarm instance 999\n");
}

// The event reaches the stream of a running `eventwire run` subscribed to it.
BOOST_AUTO_TEST_CASE(raise_reaches_a_subscribed_stream) {
  websdk_fixture f;
  running_program consumer({"run", "--config", f.config(), "--count", "1", "--duration", "60s"},
                           {{"WEBSDK_PASSWORD", password}});
  BOOST_TEST_REQUIRE(f.wait_until([](const auto& e) { return e.open_streams() == 1 && !e.subscriptions().empty(); }));
  const auto raised = f.websdk("raise", {"--event-type", "CameraMotion", "--entity", "LogicalID(Camera,2)"});
  BOOST_TEST(raised.status == 0, raised.err);
  BOOST_TEST(raised.out.empty());
  const auto consumed = consumer.finish();
  BOOST_TEST_REQUIRE(consumed.status == 0, consumed.err);
  const auto events = json_lines(consumed.out);
  BOOST_TEST_REQUIRE(events.size() == 1u, consumed.out);
  BOOST_TEST(events[0].at("type").as_string() == "genetec.securitycenter.event.CameraMotion");
  BOOST_TEST(events[0].at("subject").as_string() == f.camera(2));
}

BOOST_AUTO_TEST_CASE(an_unknown_or_foreign_source_is_a_config_problem) {
  websdk_fixture f;
  const auto unknown = f.websdk("alarms", {}, "nope");
  BOOST_TEST(unknown.status == 3);
  BOOST_TEST(unknown.err == "eventwire: " + f.config() + " has 1 problem:\n  sources: has no source named \"nope\"\n");
  const auto foreign = f.websdk("alarms", {}, "clay");
  BOOST_TEST(foreign.status == 3);
  BOOST_TEST(foreign.err.find("sources[1].type: is \"clay\": the websdk commands need a \"genetec-websdk\" source") !=
             std::string::npos, foreign.err);
  // The source's own problems are the ones `check` reports: here, its password cannot be read.
  const auto unreadable = run_program({"websdk", "alarms", "--config", f.config(), "--source", "sc"});
  BOOST_TEST(unreadable.status == 3);
  BOOST_TEST(unreadable.err.find("sources[0].password: cannot be read from") != std::string::npos, unreadable.err);
  const auto missing = run_program({"websdk", "alarms", "--config", f.config() + ".absent", "--source", "sc"});
  BOOST_TEST(missing.status == 3);
  BOOST_TEST(missing.err.find("cannot read the config file") != std::string::npos, missing.err);
}

BOOST_AUTO_TEST_CASE(wrong_credentials_exit_1_without_showing_the_password) {
  websdk_fixture f;
  const std::string wrong = "not-the-password-5f2c";
  const auto o = f.websdk("trigger", {"--alarm", alarm_guid}, "sc", wrong);
  BOOST_TEST(o.status == 1);
  BOOST_TEST(o.err == "eventwire: websdk trigger: GET /alarm answered 401: the Web SDK refused user admin;eventwire\n");
  BOOST_TEST(o.err.find(wrong) == std::string::npos);
  BOOST_TEST(f.unauthorized_requests() == 1u);
  BOOST_TEST(f.active_alarms().empty());
}

BOOST_AUTO_TEST_CASE(bad_command_lines_exit_2_before_anything_is_sent) {
  websdk_fixture f;
  const std::map<std::vector<std::string>, std::string> cases = {
      {{"websdk"}, "websdk needs an operation: alarms, trigger, acknowledge or raise"},
      {{"websdk", "silence"}, "unknown websdk operation silence (alarms, trigger, acknowledge or raise)"},
      {{"websdk", "alarms", "--config", f.config()}, "websdk alarms needs --source NAME (a genetec-websdk source of the config)"},
      {{"websdk", "alarms", "--source", "sc"}, "websdk needs --config FILE"},
      {{"websdk", "trigger", "--config", f.config(), "--source", "sc"}, "websdk trigger needs --alarm GUID"},
      {{"websdk", "acknowledge", "--config", f.config(), "--source", "sc"}, "websdk acknowledge needs --instance ID"},
      {{"websdk", "acknowledge", "--config", f.config(), "--source", "sc", "--instance", "1", "--force"},
       "websdk acknowledge needs --alarm GUID with --force"},
      {{"websdk", "acknowledge", "--config", f.config(), "--source", "sc", "--instance", "1", "--alarm", alarm_guid,
        "--force", "--nack"},
       "websdk acknowledge: --force and --nack exclude each other"},
      {{"websdk", "raise", "--config", f.config(), "--source", "sc", "--entity", alarm_guid},
       "websdk raise needs --event-type TYPE"},
      {{"websdk", "raise", "--config", f.config(), "--source", "sc", "--event-type", "CameraMotion"},
       "websdk raise needs --entity GUID"},
      {{"websdk", "alarms", "--config", f.config(), "--source", "sc", "--priority", "3"},
       "websdk alarms does not take --priority"},
      {{"websdk", "trigger", "--config", f.config(), "--source", "sc", "--alarm", "door-7"},
       "--alarm: not a GUID or LogicalID(Type,N): door-7"},
      {{"websdk", "trigger", "--config", f.config(), "--source", "sc", "--alarm", alarm_guid, "--priority", "256"},
       "--priority: not a priority from 1 to 255: 256"},
      {{"websdk", "trigger", "--config", f.config(), "--source", "sc", "--alarm", alarm_guid, "--attach", "Camera"},
       "--attach: not a GUID: Camera"},
      {{"websdk", "trigger", "--config", f.config(), "--source", "sc", "--alarm"}, "--alarm needs a value"},
      {{"websdk", "alarms", "--config", f.config(), "--source", "sc", "--colour", "red"}, "unknown option --colour"},
  };
  for (const auto& [args, message] : cases) {
    const auto o = run_program(args, {{"WEBSDK_PASSWORD", password}});
    BOOST_TEST(o.status == 2, args.back());
    BOOST_TEST(o.err.rfind("eventwire: " + message + "\n", 0) == 0u, o.err);
    BOOST_TEST(o.out.empty());
  }
  // What the call language cannot carry (a ',' in a context) is refused before connecting.
  const auto o = f.websdk("trigger", {"--alarm", alarm_guid, "--context", "one, two"});
  BOOST_TEST(o.status == 2);
  BOOST_TEST(o.err.rfind("eventwire: websdk trigger: the arguments do not make a valid TriggerAlarm: ", 0) == 0u, o.err);
  BOOST_TEST(f.active_alarms().empty());
}

BOOST_AUTO_TEST_CASE(help_lists_the_websdk_operations_and_their_flags) {
  const auto o = run_program({"--help"});
  BOOST_TEST(o.status == 0);
  for (const char* flag : {"websdk alarms", "websdk trigger", "websdk acknowledge", "websdk raise", "--source NAME",
                           "--legacy", "--alarm", "--entity", "--context", "--priority", "--attach", "--forward-to",
                           "--link", "--instance", "--nack", "--force", "--event-type"})
    BOOST_TEST(o.out.find(flag) != std::string::npos, flag);
}

BOOST_AUTO_TEST_SUITE_END()
