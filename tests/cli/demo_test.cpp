// eventwire demo and eventwire emulate, as a user runs them.

#include "program_process.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/test/unit_test.hpp>

#include <map>
#include <set>
#include <string>

using eventwire::testing::run_program;

namespace {

namespace json = boost::json;

std::vector<json::object> lines_of(const std::string& out) {
  std::vector<json::object> events;
  for (std::size_t from = 0, nl; (nl = out.find('\n', from)) != std::string::npos; from = nl + 1)
    events.push_back(json::parse(std::string_view(out).substr(from, nl - from)).as_object());
  return events;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(demo)

BOOST_AUTO_TEST_CASE(demo_delivers_the_events_of_all_five_systems_as_cloudevents_lines) {
  // --duration only bounds a failure: the demo ends once every source delivered its 10 events.
  const auto o = run_program({"demo", "--count", "10", "--rate", "500", "--duration", "60s"});
  BOOST_TEST_REQUIRE(o.status == 0, o.err);
  const std::map<std::string, std::string> type_prefix{
      {"eventwire/genetec-websdk", "genetec.securitycenter.event."},
      {"eventwire/genetec-missioncontrol", "genetec.missioncontrol.incident."},
      {"eventwire/clay-incident", "clay.incident"},
      {"eventwire/clay-entry", "clay.entry"},
      {"eventwire/webroot-unity", "webroot.unity."},
      {"eventwire/portos", "portos."},
  };
  std::map<std::string, int> per_source;
  std::set<std::string> ids;
  const auto events = lines_of(o.out);
  for (const auto& event : events) {
    BOOST_TEST(event.at("specversion").as_string() == "1.0");
    const std::string source(event.at("source").as_string());
    const auto prefix = type_prefix.find(source);
    BOOST_TEST_REQUIRE((prefix != type_prefix.end()), "unexpected source " << source);
    BOOST_TEST(event.at("type").as_string().starts_with(prefix->second), event.at("type").as_string());
    BOOST_TEST(event.at("time").is_string());
    BOOST_TEST(event.at("data").is_object());
    ids.insert(std::string(event.at("id").as_string()));
    ++per_source[source];
  }
  BOOST_TEST(events.size() == 60u);
  for (const auto& [source, prefix] : type_prefix) BOOST_TEST(per_source[source] == 10, source);
  BOOST_TEST(ids.size() == events.size(), "every event has its own id");
  BOOST_TEST(o.err.find("60 events delivered from 6 sources") != std::string::npos, o.err);
}

BOOST_AUTO_TEST_CASE(bad_usage_exits_2_and_help_exits_0) {
  BOOST_TEST(run_program({"frobnicate"}).status == 2);
  BOOST_TEST(run_program({"demo", "--rate"}).status == 2);
  const auto help = run_program({"--help"});
  BOOST_TEST(help.status == 0);
  BOOST_TEST(help.out.find("eventwire demo") != std::string::npos);
  BOOST_TEST(run_program({"--version"}).out.starts_with("eventwire "));
  const auto unknown = run_program({"emulate", "atlantis"});
  BOOST_TEST(unknown.status == 2);
  BOOST_TEST(unknown.err.find("available: websdk, missioncontrol, clay, unity, portos, signalr") != std::string::npos,
             unknown.err);
}

// `emulate` prints the sources entry that consumes the emulator; a config made of it is valid.
BOOST_AUTO_TEST_CASE(each_emulator_prints_a_config_entry_that_check_accepts) {
  for (const std::string system : {"websdk", "missioncontrol", "clay", "unity", "portos", "signalr"}) {
    BOOST_TEST_CONTEXT(system) {
      const auto served = run_program({"emulate", system, "--duration", "100ms"});
      BOOST_TEST_REQUIRE(served.status == 0, served.err);
      const auto start = served.err.find("\n[");
      BOOST_TEST_REQUIRE(start != std::string::npos, served.err);
      const auto end = served.err.find('\n', start + 1);
      const json::value sources = json::parse(served.err.substr(start + 1, end - start - 1));
      BOOST_TEST(!sources.as_array().empty());
      const eventwire::testing::temporary_directory dir;
      const json::object config{{"sources", sources}, {"checkpoints", {{"type", "file"}, {"dir", dir.file("state")}}}};
      eventwire::testing::write_file(dir.file("config.json"), json::serialize(config));
      const auto checked = run_program({"check", "--config", dir.file("config.json")});
      BOOST_TEST(checked.status == 0, checked.err);
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()
