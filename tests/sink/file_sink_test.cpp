#include "sink_testing.hpp"

#include <eventwire/sink/file_sink.hpp>
#include <eventwire/testing/temporary_directory.hpp>

#include <boost/asio/io_context.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace asio = boost::asio;
namespace fs = std::filesystem;
using eventwire::sink::file_sink;
using eventwire::sink::file_sink_options;

namespace {

std::string contents(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::size_t lines_of(const fs::path& p) {
  const std::string text = contents(p);
  return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(file_sink_output)

BOOST_AUTO_TEST_CASE(batches_are_appended_across_restarts) {
  const eventwire::testing::temporary_directory dir;
  file_sink_options o;
  o.path = (dir.path() / "events.ndjson").string();
  for (int run = 0; run < 2; ++run) {
    asio::io_context io;
    file_sink sink(o);
    BOOST_TEST_REQUIRE(!sink.open());
    eventwire::testing::run(io, [&]() -> asio::awaitable<void> {
      const auto batch = eventwire::testing::numbered_batch("s", run * 10, 10);
      BOOST_TEST(!co_await sink.write(batch));
      BOOST_TEST(!co_await sink.close());
    }());
  }
  BOOST_TEST(lines_of(o.path) == 20u);
  BOOST_TEST(contents(o.path).find("\"id\":\"19\"") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(files_rotate_by_size_and_keep_a_bounded_number) {
  const eventwire::testing::temporary_directory dir;
  file_sink_options o;
  o.path = (dir.path() / "events.ndjson").string();
  o.rotate_bytes = 1000;
  o.keep_files = 2;
  o.sync = file_sink_options::sync_policy::never;
  asio::io_context io;
  file_sink sink(o);
  std::size_t total = 0;
  eventwire::testing::run(io, [&]() -> asio::awaitable<void> {
    for (int i = 0; i < 20; ++i) {
      const auto batch = eventwire::testing::numbered_batch("s", i * 5, 5);
      total += 5;
      BOOST_TEST(!co_await sink.write(batch));
    }
    BOOST_TEST(!co_await sink.close());
  }());
  BOOST_TEST(fs::exists(o.path + ".1"));
  BOOST_TEST(fs::exists(o.path + ".2"));
  BOOST_TEST(!fs::exists(o.path + ".3"));
  BOOST_TEST(fs::file_size(o.path) < 1000u + 5 * 400u);
  BOOST_TEST(contents(o.path).find("\"id\":\"99\"") != std::string::npos, "the newest events are in PATH");
}

BOOST_AUTO_TEST_CASE(an_unwritable_path_is_a_clear_error) {
  file_sink_options o;
  o.path = "/nonexistent-dir/events.ndjson";
  file_sink sink(o);
  const auto ec = sink.open();
  BOOST_TEST((ec == std::errc::no_such_file_or_directory), ec.message());
}

BOOST_AUTO_TEST_SUITE_END()
