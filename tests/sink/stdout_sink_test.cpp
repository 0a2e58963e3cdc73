#include "sink_testing.hpp"

#include <eventwire/sink/stdout_sink.hpp>

#include <boost/asio/io_context.hpp>
#include <boost/json/parse.hpp>

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <cstdlib>
#include <string>

namespace asio = boost::asio;
using eventwire::sink::stdout_sink;

namespace {

std::string read_all(int fd) {
  std::string out;
  char buffer[4096];
  for (ssize_t n; (n = ::read(fd, buffer, sizeof buffer)) > 0;) out.append(buffer, static_cast<std::size_t>(n));
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(stdout_sink_output)

BOOST_AUTO_TEST_CASE(a_pipe_receives_one_json_line_per_event) {
  int fds[2];
  BOOST_TEST_REQUIRE(::pipe(fds) == 0);
  asio::io_context io;
  {
    stdout_sink sink(io.get_executor(), fds[1]);
    eventwire::testing::run(io, [&]() -> asio::awaitable<void> {
      const auto batch = eventwire::testing::numbered_batch("s", 0, 3);
      BOOST_TEST(!co_await sink.write(batch));
    }());
  }
  ::close(fds[1]);
  const std::string text = read_all(fds[0]);
  ::close(fds[0]);
  std::size_t lines = 0;
  for (std::size_t from = 0, nl; (nl = text.find('\n', from)) != std::string::npos; from = nl + 1) {
    const auto value = boost::json::parse(std::string_view(text).substr(from, nl - from));
    BOOST_TEST(value.at("id").as_string() == std::to_string(lines));
    ++lines;
  }
  BOOST_TEST(lines == 3u);
  BOOST_TEST(text.back() == '\n');
}

BOOST_AUTO_TEST_CASE(a_regular_file_is_written_with_blocking_writes) {
  char path[] = "/tmp/eventwire-stdout-XXXXXX";
  const int fd = ::mkstemp(path);
  BOOST_TEST_REQUIRE(fd >= 0);
  asio::io_context io;
  {
    stdout_sink sink(io.get_executor(), fd);
    eventwire::testing::run(io, [&]() -> asio::awaitable<void> {
      const auto batch = eventwire::testing::numbered_batch("s", 0, 2);
      BOOST_TEST(!co_await sink.write(batch));
    }());
  }
  ::lseek(fd, 0, SEEK_SET);
  const std::string text = read_all(fd);
  ::close(fd);
  ::unlink(path);
  BOOST_TEST(std::count(text.begin(), text.end(), '\n') == 2);
}

BOOST_AUTO_TEST_CASE(a_closed_reader_is_an_error_not_a_crash) {
  int fds[2];
  BOOST_TEST_REQUIRE(::pipe(fds) == 0);
  ::close(fds[0]);
  std::signal(SIGPIPE, SIG_IGN);
  asio::io_context io;
  stdout_sink sink(io.get_executor(), fds[1]);
  ::close(fds[1]);
  eventwire::testing::run(io, [&]() -> asio::awaitable<void> {
    const auto batch = eventwire::testing::numbered_batch("s", 0, 1);
    BOOST_TEST(static_cast<bool>(co_await sink.write(batch)));
  }());
}

BOOST_AUTO_TEST_SUITE_END()
