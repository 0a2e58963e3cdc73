#include "net_testing.hpp"

#include <eventwire/auth/error.hpp>
#include <eventwire/auth/secret.hpp>
#include <eventwire/codec/condition.hpp>

#include <boost/asio/detached.hpp>
#include <eventwire/testing/temporary_directory.hpp>

#include <boost/test/unit_test.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace auth = eventwire::auth;
namespace testing = eventwire::testing;
namespace asio = boost::asio;
using auth::error;
using namespace std::chrono_literals;

namespace {

struct resolved {
  std::error_code ec;
  std::string text;  // the value, or the failure's sentence
};

resolved resolve(const auth::secret& s) {
  asio::io_context io;
  resolved out;
  testing::run(io, [&]() -> asio::awaitable<void> {
    auto [ec, text] = co_await s.resolve(io.get_executor());
    out = {ec, text};
  }());
  return out;
}

auth::secret command(std::vector<std::string> argv,
                     std::chrono::steady_clock::duration timeout = 10s) {
  return auth::secret_command{std::move(argv), timeout};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(secret)

BOOST_AUTO_TEST_CASE(an_environment_variable) {
  ::setenv("EVENTWIRE_TEST_TOKEN", "tok-env", 1);
  auto r = resolve(auth::environment_variable{"EVENTWIRE_TEST_TOKEN"});
  BOOST_TEST(!r.ec, r.text);
  BOOST_TEST(r.text == "tok-env");
}

BOOST_AUTO_TEST_CASE(an_unset_environment_variable_is_named) {
  ::unsetenv("CLAY_TOKEN");
  auto r = resolve(auth::environment_variable{"CLAY_TOKEN"});
  BOOST_TEST(r.ec == std::error_code(error::environment_variable_not_set));
  BOOST_TEST(r.text == "environment variable CLAY_TOKEN is not set");
}

BOOST_AUTO_TEST_CASE(an_empty_environment_variable_is_an_error) {
  ::setenv("EVENTWIRE_TEST_EMPTY", "", 1);
  auto r = resolve(auth::environment_variable{"EVENTWIRE_TEST_EMPTY"});
  BOOST_TEST(r.ec == std::error_code(error::secret_empty));
  BOOST_TEST(r.text == "environment variable EVENTWIRE_TEST_EMPTY is empty");
}

BOOST_AUTO_TEST_CASE(a_file_loses_one_trailing_newline) {
  const eventwire::testing::temporary_directory dir;
  BOOST_TEST(resolve(auth::secret_file{dir.write("a", "tok-file\n")}).text == "tok-file");
  BOOST_TEST(resolve(auth::secret_file{dir.write("b", "tok-file\r\n")}).text == "tok-file");
  BOOST_TEST(resolve(auth::secret_file{dir.write("c", "tok-file")}).text == "tok-file");
  BOOST_TEST(resolve(auth::secret_file{dir.write("d", "tok-file\n\n")}).text == "tok-file\n");
  BOOST_TEST(resolve(auth::secret_file{dir.write("e", " spaced ")}).text == " spaced ");
}

BOOST_AUTO_TEST_CASE(a_file_is_read_again_at_each_resolve) {
  const eventwire::testing::temporary_directory dir;
  const auth::secret s = auth::secret_file{dir.write("token", "first\n")};
  BOOST_TEST(resolve(s).text == "first");
  dir.write("token", "second\n");
  BOOST_TEST(resolve(s).text == "second");
}

BOOST_AUTO_TEST_CASE(an_unreadable_file_is_named_with_the_reason) {
  const eventwire::testing::temporary_directory dir;
  const auto missing = (dir.path() / "missing").string();
  auto r = resolve(auth::secret_file{missing});
  BOOST_TEST(r.ec == std::error_code(error::secret_file_unreadable));
  BOOST_TEST(r.text == "secret file " + missing + " cannot be read: No such file or directory");

  auto d = resolve(auth::secret_file{dir.path().string()});
  BOOST_TEST(d.ec == std::error_code(error::secret_file_unreadable));
  BOOST_TEST(d.text == "secret file " + dir.path().string() + " cannot be read: not a regular file");
}

BOOST_AUTO_TEST_CASE(a_file_over_the_limit_or_empty_is_refused) {
  const eventwire::testing::temporary_directory dir;
  auto big = resolve(auth::secret_file{dir.write("big", std::string(100, 'x')), 99});
  BOOST_TEST(big.ec == std::error_code(error::secret_too_large));
  BOOST_TEST(big.text.find("is larger than 99 bytes") != std::string::npos, big.text);
  BOOST_TEST(big.text.find("xxx") == std::string::npos);
  BOOST_TEST(resolve(auth::secret_file{dir.write("fits", std::string(99, 'x') + "\n"), 99}).text ==
             std::string(99, 'x'));
  auto empty = resolve(auth::secret_file{dir.write("empty", "\n")});
  BOOST_TEST(empty.ec == std::error_code(error::secret_empty));
}

BOOST_AUTO_TEST_CASE(a_command_prints_the_token) {
  auto r = resolve(command({"printf", "tok-command\\n\\n"}));
  BOOST_TEST(!r.ec, r.text);
  BOOST_TEST(r.text == "tok-command");
}

BOOST_AUTO_TEST_CASE(a_command_runs_without_a_shell) {
  auto r = resolve(command({"echo", "$HOME;", "`id`", "|", "x"}));
  BOOST_TEST(r.text == "$HOME; `id` | x");
}

BOOST_AUTO_TEST_CASE(a_command_reads_nothing_from_stdin) {
  auto r = resolve(command({"cat"}, 5s));
  BOOST_TEST(r.ec == std::error_code(error::secret_empty), r.text);
  BOOST_TEST(r.text == "the output of secret command cat is empty");
}

BOOST_AUTO_TEST_CASE(a_failing_command_reports_its_status_not_its_output) {
  auto r = resolve(command({"sh", "-c", "echo half-a-secret; exit 3"}));
  BOOST_TEST(r.ec == std::error_code(error::secret_command_failed));
  BOOST_TEST(r.text == "secret command sh exited with status 3");
}

BOOST_AUTO_TEST_CASE(a_command_ended_by_a_signal) {
  auto r = resolve(command({"sh", "-c", "kill -9 $$"}));
  BOOST_TEST(r.ec == std::error_code(error::secret_command_killed));
  BOOST_TEST(r.text == "secret command sh was ended by signal 9");
}

BOOST_AUTO_TEST_CASE(a_missing_program_cannot_be_started) {
  auto r = resolve(command({"eventwire-no-such-program", "--secret-arg"}));
  BOOST_TEST(r.ec == std::error_code(error::secret_command_not_started));
  BOOST_TEST(r.text ==
             "secret command eventwire-no-such-program could not be started: No such file or "
             "directory");
  auto none = resolve(command({}));
  BOOST_TEST(none.ec == std::error_code(error::secret_command_not_started));
  BOOST_TEST(none.text == "secret command has no program");
}

BOOST_AUTO_TEST_CASE(a_command_that_prints_too_much_is_killed) {
  auth::secret_command c{{"yes", "token"}};
  c.size_limit = 64 * 1024;
  auto r = resolve(c);
  BOOST_TEST(r.ec == std::error_code(error::secret_too_large));
  BOOST_TEST(r.ec == eventwire::codec::condition::limit_exceeded);
  BOOST_TEST(r.text == "secret command yes printed more than 65536 bytes");
}

BOOST_AUTO_TEST_CASE(a_hanging_command_is_killed_at_its_timeout) {
  const auto start = std::chrono::steady_clock::now();
  auto r = resolve(command({"sleep", "30"}, 200ms));
  const auto took = std::chrono::steady_clock::now() - start;
  BOOST_TEST(r.ec == std::error_code(error::secret_command_timeout));
  BOOST_TEST((r.ec == std::errc::timed_out));
  BOOST_TEST(r.text == "secret command sleep did not finish within 200 ms");
  BOOST_TEST(took < 5s);
}

BOOST_AUTO_TEST_CASE(a_command_that_closes_stdout_but_keeps_running_times_out) {
  auto r = resolve(command({"sh", "-c", "echo tok; exec >&-; sleep 30"}, 300ms));
  BOOST_TEST(r.ec == std::error_code(error::secret_command_timeout), r.text);
}

// The command waits on a FIFO that only another coroutine on the same io_context opens: the
// command can finish only if the io_context keeps running while it runs.
BOOST_AUTO_TEST_CASE(a_command_never_blocks_the_io_context) {
  const eventwire::testing::temporary_directory dir;
  const auto fifo = (dir.path() / "go").string();
  BOOST_REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  asio::io_context io;
  testing::run(io, [&]() -> asio::awaitable<void> {
    asio::co_spawn(
        io,
        [&]() -> asio::awaitable<void> {
          for (;;) {
            const int fd = ::open(fifo.c_str(), O_WRONLY | O_NONBLOCK);  // ENXIO until a reader
            if (fd >= 0) {
              BOOST_TEST(::write(fd, "go\n", 3) == 3);
              ::close(fd);
              co_return;
            }
            co_await asio::post(io, asio::use_awaitable);
          }
        },
        asio::detached);
    const auth::secret s = command({"sh", "-c", "read x < " + fifo + "; echo after-$x"});
    auto [ec, value] = co_await s.resolve(io.get_executor());
    BOOST_TEST(!ec, value);
    BOOST_TEST(value == "after-go");
  }());
}

BOOST_AUTO_TEST_CASE(a_literal_value) {
  auto r = resolve(auth::literal_secret{"tok-literal"});
  BOOST_TEST(!r.ec);
  BOOST_TEST(r.text == "tok-literal");
  BOOST_TEST(resolve(auth::literal_secret{""}).ec == std::error_code(error::secret_empty));
}

BOOST_AUTO_TEST_CASE(descriptions_name_the_source_never_the_value_or_arguments) {
  const auth::secret sources[] = {
      auth::environment_variable{"CLAY_TOKEN"}, auth::secret_file{"/run/secrets/unity"},
      auth::secret_command{{"vault", "read", "-field=hunter2"}}, auth::literal_secret{"hunter2"}};
  std::ostringstream os;
  for (const auto& s : sources) os << s << "; ";
  BOOST_TEST(os.str() ==
             "environment variable CLAY_TOKEN; file /run/secrets/unity; command vault; literal "
             "value; ");
}

BOOST_AUTO_TEST_SUITE_END()
