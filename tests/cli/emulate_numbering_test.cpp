// eventwire emulate --first-id, --sent-log: the events carry their sequence numbers, from the
// first id, and the sent log lists each event sent (what the fault suite reads of a child
// emulator).

#include "program_process.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/test/unit_test.hpp>

#include <csignal>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

using eventwire::testing::run_program;
using eventwire::testing::running_program;
using eventwire::testing::temporary_directory;

namespace {

namespace json = boost::json;

json::value sources_of(const std::string& err) {
  const auto start = err.find("\n[");
  if (start == std::string::npos) return json::array{};
  return json::parse(err.substr(start + 1, err.find('\n', start + 1) - start - 1));
}

// The sent log's lines: sequence numbers in order, and whether the times never go back.
std::vector<std::uint64_t> sent_numbers(const std::string& path, bool& ordered) {
  std::ifstream in(path);
  std::vector<std::uint64_t> out;
  std::uint64_t n = 0;
  long long micros = 0, last = 0;
  ordered = true;
  while (in >> n >> micros) {
    out.push_back(n);
    ordered = ordered && micros >= last;
    last = micros;
  }
  return out;
}

std::vector<std::uint64_t> range(std::uint64_t first, std::uint64_t count) {
  std::vector<std::uint64_t> out;
  for (std::uint64_t n = first; n < first + count; ++n) out.push_back(n);
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(emulate_numbering)

BOOST_AUTO_TEST_CASE(a_push_emulator_numbers_from_the_first_id_and_logs_each_event_sent) {
  const temporary_directory dir;
  running_program hub({"emulate", "signalr", "--count", "20", "--rate", "1000", "--first-id", "500", "--sent-log",
                       dir.file("sent.log"), "--keep-alive", "1s"});
  const json::value sources = sources_of(hub.wait_for_err("\n["));
  BOOST_TEST_REQUIRE(!sources.as_array().empty(), hub.err_so_far());
  const json::object config{{"sources", sources}, {"checkpoints", {{"type", "file"}, {"dir", dir.file("state")}}}};
  dir.write("config.json", json::serialize(config));
  const auto o = run_program({"run", "--config", dir.file("config.json"), "--count", "20", "--duration", "30s"});
  BOOST_TEST(o.status == 0, o.err);
  std::set<std::uint64_t> delivered;
  std::istringstream lines(o.out);
  for (std::string line; std::getline(lines, line);) {
    const auto at = line.find("\"sequence\":");
    BOOST_TEST_REQUIRE(at != std::string::npos, line);
    delivered.insert(std::stoull(line.substr(at + 11)));
  }
  const auto expected = range(500, 20);
  BOOST_TEST(std::vector<std::uint64_t>(delivered.begin(), delivered.end()) == expected,
             boost::test_tools::per_element());
  const std::string err = hub.wait_for_err("events generated");
  BOOST_TEST(err.find("all 20 events generated (sequence numbers 500 to 519)") != std::string::npos, err);
  bool ordered = false;
  BOOST_TEST(sent_numbers(dir.file("sent.log"), ordered) == expected, boost::test_tools::per_element());
  BOOST_TEST(ordered);
  hub.signal(SIGTERM);
  BOOST_TEST(hub.finish().status == 0);
}

BOOST_AUTO_TEST_CASE(a_pull_emulator_logs_what_it_made_available) {
  const temporary_directory dir;
  running_program unity({"emulate", "unity", "--count", "30", "--rate", "10000000", "--sent-log", dir.file("sent.log")});
  const std::string err = unity.wait_for_err("events generated");
  BOOST_TEST(err.find("all 30 events generated (sequence numbers 0 to 29)") != std::string::npos, err);
  bool ordered = false;
  BOOST_TEST(sent_numbers(dir.file("sent.log"), ordered) == range(0, 30), boost::test_tools::per_element());
  BOOST_TEST(ordered);
  unity.signal(SIGTERM);
  BOOST_TEST(unity.finish().status == 0);
}

BOOST_AUTO_TEST_CASE(unity_numbers_only_from_0_and_an_unwritable_sent_log_is_an_error) {
  const auto shifted = run_program({"emulate", "unity", "--first-id", "5", "--duration", "100ms"});
  BOOST_TEST(shifted.status == 2);
  BOOST_TEST(shifted.err.find("--first-id: the unity emulator numbers its events from 0") != std::string::npos,
             shifted.err);
  const auto unwritable =
      run_program({"emulate", "signalr", "--sent-log", "/nonexistent-dir/sent.log", "--duration", "100ms"});
  BOOST_TEST(unwritable.status == 1);
  BOOST_TEST(unwritable.err.find("--sent-log /nonexistent-dir/sent.log: No such file or directory") != std::string::npos,
             unwritable.err);
}

BOOST_AUTO_TEST_SUITE_END()
