// The eventwire program as a user runs it: a child process, its stdout and its exit status.

#include <eventwire/emulator/signalr_hub.hpp>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/json/parse.hpp>
#include <boost/test/unit_test.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <thread>

#include <sys/wait.h>
#include <unistd.h>

#include <set>
#include <string>
#include <vector>

namespace {

struct outcome {
  int status = -1;
  std::string out;
};

outcome run_program(std::vector<std::string> args) {
  int out[2];
  BOOST_REQUIRE(::pipe(out) == 0);
  const pid_t child = ::fork();
  BOOST_REQUIRE(child >= 0);
  if (child == 0) {
    ::dup2(out[1], STDOUT_FILENO);
    ::close(out[0]);
    ::close(out[1]);
    std::vector<char*> argv{const_cast<char*>(EVENTWIRE_PROGRAM)};
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    ::execv(EVENTWIRE_PROGRAM, argv.data());
    ::_exit(127);
  }
  ::close(out[1]);
  outcome o;
  char buffer[65536];
  for (ssize_t n; (n = ::read(out[0], buffer, sizeof buffer)) > 0;) o.out.append(buffer, static_cast<std::size_t>(n));
  ::close(out[0]);
  int status = 0;
  ::waitpid(child, &status, 0);
  o.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return o;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(program)

BOOST_AUTO_TEST_CASE(demo_prints_the_events_it_was_asked_for_as_cloudevents_lines) {
  const outcome o = run_program({"demo", "--count", "200", "--rate", "2000"});
  BOOST_TEST_REQUIRE(o.status == 0);
  std::set<std::string> ids;
  std::size_t lines = 0;
  for (std::size_t from = 0, nl; (nl = o.out.find('\n', from)) != std::string::npos; from = nl + 1) {
    const auto event = boost::json::parse(std::string_view(o.out).substr(from, nl - from)).as_object();
    BOOST_TEST(event.at("specversion").as_string() == "1.0");
    BOOST_TEST(event.at("type").as_string().starts_with("signalr."));
    ids.insert(std::string(event.at("id").as_string()));
    ++lines;
  }
  BOOST_TEST(lines >= 200u);
  BOOST_TEST(ids.size() == lines, "every event has its own id");
}

BOOST_AUTO_TEST_CASE(bad_usage_exits_2_and_help_exits_0) {
  BOOST_TEST(run_program({"frobnicate"}).status == 2);
  BOOST_TEST(run_program({"demo", "--rate"}).status == 2);
  const outcome help = run_program({"--help"});
  BOOST_TEST(help.status == 0);
  BOOST_TEST(help.out.find("eventwire demo") != std::string::npos);
  BOOST_TEST(run_program({"--version"}).out.starts_with("eventwire "));
}

BOOST_AUTO_TEST_CASE(run_reads_a_config_and_delivers_a_hubs_invocations_to_a_file) {
  namespace asio = boost::asio;
  asio::io_context io;
  eventwire::emulator::signalr_hub hub(io.get_executor());
  // The hub streams 100 numbered invocations once the program connected.
  asio::co_spawn(io, [&]() -> asio::awaitable<void> {
    if (!co_await hub.wait_for_connections(1, std::chrono::seconds(20))) co_return;
    for (int i = 0; i < 100; ++i) hub.broadcast("Notify", "[" + std::to_string(i) + "]");
  }, asio::detached);
  std::thread server([&] { io.run_for(std::chrono::seconds(30)); });

  const std::filesystem::path dir = std::filesystem::temp_directory_path() / ("eventwire-run-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const std::string events = (dir / "events.ndjson").string();
  const std::string config = (dir / "config.jsonc").string();
  std::ofstream(config) << "{\n  // one hub, one file\n  \"sources\": [{\"name\": \"hub\", \"type\": \"signalr\", \"url\": \""
                        << hub.url() << "\", \"methods\": [\"Notify\"]}],\n  \"sinks\": [{\"type\": \"file\", \"path\": \""
                        << events << "\"}],\n}\n";
  const outcome o = run_program({"run", "--config", config, "--count", "100"});
  io.stop();
  server.join();
  BOOST_TEST(o.status == 0);
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
  std::filesystem::remove_all(dir);
}

BOOST_AUTO_TEST_CASE(check_reports_every_problem_and_exits_3) {
  const std::string config = std::filesystem::temp_directory_path() / ("eventwire-check-" + std::to_string(::getpid()) + ".json");
  std::ofstream(config) << R"({"sources": [{"name": "x", "type": "signalr", "methods": ["A"], "colour": "red"}]})";
  const outcome o = run_program({"check", "--config", config});
  BOOST_TEST(o.status == 3);
  std::filesystem::remove(config);
}

BOOST_AUTO_TEST_SUITE_END()
