// kill -9 at random moments while draining 100,000 notifications loses nothing: a child process
// runs the webroot-unity source with a delivery that appends every event id to a file and fsyncs
// it before acknowledging (as the file sink does); the parent, which serves the emulator on its
// own thread, kills the child with SIGKILL at random moments and starts it again, until a child
// has seen the last notification. Then every id is in the file, and each restart repeated at
// most one page (1000 ids).

#include "unity_testing.hpp"

#include <eventwire/event/delivery.hpp>
#include <eventwire/source/webroot_unity_source.hpp>

#include <boost/asio/detached.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/post.hpp>

#include <fstream>
#include <set>
#include <thread>

#include <csignal>
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

namespace t = eventwire::testing;
namespace event = eventwire::event;
namespace source = eventwire::source;
namespace emulator = eventwire::emulator;
namespace asio = boost::asio;
using namespace std::chrono_literals;

namespace {

constexpr std::uint64_t total = 100000;

// Appends each event id as a line and fsyncs before publish() returns; acknowledges at once.
class file_ids_delivery final : public event::delivery {
 public:
  explicit file_ids_delivery(const std::string& path) : fd_(::open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644)) {}
  ~file_ids_delivery() override { ::close(fd_); }

  asio::awaitable<std::tuple<std::error_code, std::uint64_t>> publish(event::event_batch& batch) override {
    std::string text;
    for (std::size_t i = 0; i < batch.size(); ++i) {
      text += batch[i].id;
      text += '\n';
      if (batch[i].id == last_id) saw_last = true;
    }
    batch.clear();
    std::size_t written = 0;
    while (written < text.size()) {
      const auto n = ::write(fd_, text.data() + written, text.size() - written);
      if (n <= 0) co_return std::tuple{std::make_error_code(std::errc::io_error), std::uint64_t{0}};
      written += static_cast<std::size_t>(n);
    }
    ::fsync(fd_);
    co_return std::tuple{std::error_code{}, ++sequence_};
  }
  asio::awaitable<std::error_code> acknowledged(std::uint64_t) override { co_return std::error_code{}; }

  std::string last_id;
  bool saw_last = false;

 private:
  int fd_;
  std::uint64_t sequence_ = 0;
};

// The child: runs the source until it published the last notification, then exits 0.
[[noreturn]] void run_child(const eventwire::net::url& base, const eventwire::net::url& token_url,
                            const std::filesystem::path& dir) {
  asio::io_context io;
  eventwire::auth::oauth2_settings s;
  s.token_url = token_url;
  s.client_id = "eventwire";
  s.client_secret = eventwire::auth::literal_secret{"unity-emulator-secret"};
  eventwire::auth::oauth2_token_provider tokens(io.get_executor(), std::move(s));
  eventwire::state::file_checkpoint_store checkpoints({.directory = dir / "state"});
  source::webroot_unity_options o;
  o.name = "webroot";
  o.poller.base_url = base;
  o.poller.subscription_id = t::unity_fixture::subscription;
  o.poller.poll_interval = 1s;
  o.poller.retry = eventwire::session::reconnect_policy::exponential(10ms, 2.0, 100ms).jitter(0);
  source::webroot_unity_source src(io.get_executor(), o, tokens, checkpoints);
  file_ids_delivery out((dir / "ids.txt").string());
  out.last_id = emulator::unity_emulator::event_id(total);
  int code = 2;
  asio::co_spawn(io, [&]() -> asio::awaitable<void> {
    // The handler publishes, then the source stores the position; stop once the last page is in.
    auto ec = co_await src.run(out);
    code = ec ? 3 : 0;
  }, asio::detached);
  while (!out.saw_last && io.run_one()) {
  }
  std::_Exit(out.saw_last ? 0 : code);
}

}  // namespace

BOOST_AUTO_TEST_CASE(sigkill_at_random_moments_loses_no_notification) {
  eventwire::testing::temporary_directory dir;
  std::filesystem::create_directories(dir.path());
  asio::io_context io;
  std::optional<emulator::unity_emulator> emu;
  emu.emplace(io.get_executor(), emulator::unity_emulator_options{});
  emu->generate(total);
  const auto base = emu->base_url();
  const auto token_url = emu->token_url();
  auto guard = asio::make_work_guard(io);
  std::thread server([&] { io.run(); });

  std::mt19937 random(std::random_device{}());
  int restarts = 0;
  bool finished = false;
  while (!finished && restarts < 60) {
    const pid_t pid = ::fork();
    BOOST_REQUIRE(pid >= 0);
    if (pid == 0) run_child(base, token_url, dir.path());
    // A random moment: the child is killed wherever it is (sleeping here is the point). Shorter
    // than a whole run on a quiet machine (100,000 notifications took 0.3-0.5 s in Release), so
    // that every run restarts some children; at most 60 before the last one runs to the end.
    std::this_thread::sleep_for(std::chrono::milliseconds(5 + random() % 55));
    int status = 0;
    if (::waitpid(pid, &status, WNOHANG) == pid) {
      BOOST_REQUIRE(WIFEXITED(status));
      BOOST_REQUIRE_EQUAL(WEXITSTATUS(status), 0);
      finished = true;
      break;
    }
    ::kill(pid, SIGKILL);
    ::waitpid(pid, &status, 0);
    if (WIFEXITED(status)) {
      BOOST_REQUIRE_EQUAL(WEXITSTATUS(status), 0);
      finished = true;
    } else {
      ++restarts;
    }
  }
  if (!finished) {  // let the last one run to the end
    const pid_t pid = ::fork();
    BOOST_REQUIRE(pid >= 0);
    if (pid == 0) run_child(base, token_url, dir.path());
    int status = 0;
    ::waitpid(pid, &status, 0);
    BOOST_REQUIRE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  }
  asio::post(io, [&] {
    emu->stop();
    guard.reset();
  });
  server.join();

  std::ifstream in(dir.path() / "ids.txt");
  std::set<std::string> seen;
  std::size_t lines = 0;
  std::size_t partial = 0;  // a kill in the middle of write()
  for (std::string line; std::getline(in, line);) {
    ++lines;
    if (line.size() == 36) seen.insert(line);
    else ++partial;
  }
  BOOST_TEST(partial <= static_cast<std::size_t>(restarts));
  BOOST_TEST_MESSAGE("restarts: " << restarts << ", lines: " << lines);
  BOOST_TEST(restarts > 0);
  BOOST_TEST(seen.size() == total);
  for (std::uint64_t n = 1; n <= total; n += 997) BOOST_TEST(seen.count(emulator::unity_emulator::event_id(n)) == 1u);
  BOOST_TEST(seen.count(emulator::unity_emulator::event_id(total)) == 1u);
  // Each kill repeats at most the page in flight (and a kill during the write a partial one).
  BOOST_TEST(lines - total <= static_cast<std::size_t>(restarts) * 1000u);
}
