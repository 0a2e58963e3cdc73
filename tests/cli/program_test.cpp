// The eventwire program as a user runs it: a child process, its stdout and its exit status.

#include <boost/json/parse.hpp>
#include <boost/test/unit_test.hpp>

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

BOOST_AUTO_TEST_SUITE_END()
