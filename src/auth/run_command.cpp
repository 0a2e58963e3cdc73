#include "detail/run_command.hpp"

#include <eventwire/auth/error.hpp>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/buffer.hpp>
#include <boost/asio/experimental/awaitable_operators.hpp>
#include <boost/asio/posix/stream_descriptor.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <array>
#include <csignal>
#include <optional>
#include <vector>

#include <fcntl.h>
#include <spawn.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

namespace eventwire::auth::detail {
namespace {

namespace asio = boost::asio;
using namespace asio::experimental::awaitable_operators;
constexpr auto use_tuple = asio::as_tuple(asio::use_awaitable);

class unique_fd {
 public:
  explicit unique_fd(int fd = -1) noexcept : fd_(fd) {}
  unique_fd(const unique_fd&) = delete;
  unique_fd& operator=(const unique_fd&) = delete;
  ~unique_fd() { reset(); }
  int get() const noexcept { return fd_; }
  int release() noexcept { return std::exchange(fd_, -1); }
  void reset() noexcept {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
  }

 private:
  int fd_;
};

std::string seconds_text(std::chrono::steady_clock::duration d) {
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(d).count();
  if (ms % 1000 == 0) return std::to_string(ms / 1000) + " s";
  return std::to_string(ms) + " ms";
}

// The spawned program, killed with its process group and reaped by the destructor if nobody
// reaped it before (an exception or a destroyed coroutine frame leaves no zombie behind).
class child {
 public:
  explicit child(pid_t pid) noexcept : pid_(pid) {}
  child(const child&) = delete;
  child& operator=(const child&) = delete;
  ~child() {
    if (!reaped_) {
      kill_group();
      reap_blocking();
    }
  }

  pid_t pid() const noexcept { return pid_; }
  void kill_group() noexcept { ::kill(-pid_, SIGKILL); }

  // Only called once the child has exited or was sent SIGKILL, so it returns at once.
  int reap_blocking() noexcept {
    int status = 0;
    while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
    }
    reaped_ = true;
    return status;
  }

 private:
  pid_t pid_;
  bool reaped_ = false;
};

struct spawn_setup {
  posix_spawn_file_actions_t actions;
  posix_spawnattr_t attributes;

  spawn_setup() noexcept {
    posix_spawn_file_actions_init(&actions);
    posix_spawnattr_init(&attributes);
  }
  spawn_setup(const spawn_setup&) = delete;
  spawn_setup& operator=(const spawn_setup&) = delete;
  ~spawn_setup() {
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attributes);
  }

  // stdin from /dev/null, stdout into the pipe, every other descriptor closed; its own process
  // group (so a timeout kills what it started too) and SIGPIPE back to its default.
  int prepare(int pipe_write_end) noexcept {
    if (int e = posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)) return e;
    if (int e = posix_spawn_file_actions_adddup2(&actions, pipe_write_end, 1)) return e;
    if (int e = posix_spawn_file_actions_addclosefrom_np(&actions, 3)) return e;
    sigset_t defaults;
    sigemptyset(&defaults);
    sigaddset(&defaults, SIGPIPE);
    if (int e = posix_spawnattr_setsigdefault(&attributes, &defaults)) return e;
    if (int e = posix_spawnattr_setpgroup(&attributes, 0)) return e;
    return posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF);
  }
};

command_output failure(error e, std::string why) { return {e, {}, std::move(why)}; }

// Waits until the child exits or the deadline passes (then kills it), and reaps it. A pidfd
// makes the exit awaitable; where the kernel has none, the exit is polled every few ms.
asio::awaitable<int> wait_and_reap(asio::any_io_executor ex, child& proc,
                                   asio::steady_timer& deadline, bool& timed_out) {
  const int pidfd = static_cast<int>(::syscall(SYS_pidfd_open, proc.pid(), 0));
  if (pidfd >= 0) {
    asio::posix::stream_descriptor exit_signal(ex, pidfd);
    auto first =
        co_await (exit_signal.async_wait(asio::posix::stream_descriptor::wait_read, use_tuple) ||
                  deadline.async_wait(use_tuple));
    const bool exited = first.index() == 0 && !std::get<0>(std::get<0>(first));
    if (!exited) {
      timed_out = timed_out || first.index() == 1;
      proc.kill_group();
    }
    co_return proc.reap_blocking();
  }
  asio::steady_timer poll(ex);
  for (;;) {
    int status = 0;
    if (::waitpid(proc.pid(), &status, WNOHANG) == proc.pid()) {
      proc.reap_blocking();  // marks it reaped; waitpid then fails with ECHILD at once
      co_return status;
    }
    if (std::chrono::steady_clock::now() >= deadline.expiry()) {
      timed_out = true;
      proc.kill_group();
      co_return proc.reap_blocking();
    }
    poll.expires_after(std::chrono::milliseconds(5));
    auto [ec] = co_await poll.async_wait(use_tuple);
    if (ec) {
      proc.kill_group();
      co_return proc.reap_blocking();
    }
  }
}

}  // namespace

asio::awaitable<command_output> run_command(asio::any_io_executor ex,
                                            const secret_command& command) {
  if (command.argv.empty() || command.argv.front().empty())
    co_return failure(error::secret_command_not_started, "secret command has no program");
  const std::string& program = command.argv.front();

  int ends[2];
  if (::pipe2(ends, O_CLOEXEC) != 0) {
    co_return failure(error::secret_command_not_started,
                      "secret command " + program +
                          " could not be started: pipe: " + std::generic_category().message(errno));
  }
  unique_fd read_end(ends[0]);
  unique_fd write_end(ends[1]);

  std::vector<char*> argv;
  argv.reserve(command.argv.size() + 1);
  for (const auto& arg : command.argv) argv.push_back(const_cast<char*>(arg.c_str()));
  argv.push_back(nullptr);

  pid_t pid = -1;
  {
    spawn_setup setup;
    int e = setup.prepare(write_end.get());
    if (e == 0)
      e = ::posix_spawnp(&pid, argv[0], &setup.actions, &setup.attributes, argv.data(), environ);
    if (e != 0) {
      co_return failure(error::secret_command_not_started,
                        "secret command " + program +
                            " could not be started: " + std::generic_category().message(e));
    }
  }
  child proc(pid);
  write_end.reset();  // the pipe ends when the child (and its children) close stdout

  asio::posix::stream_descriptor pipe(ex, read_end.release());
  asio::steady_timer deadline(ex);
  deadline.expires_after(command.timeout);

  command_output out;
  std::array<char, 4096> chunk;
  bool timed_out = false;
  bool too_large = false;
  boost::system::error_code read_error;
  for (;;) {
    auto got = co_await (pipe.async_read_some(asio::buffer(chunk), use_tuple) ||
                         deadline.async_wait(use_tuple));
    if (got.index() == 1) {
      timed_out = true;
      break;
    }
    auto [ec, n] = std::get<0>(got);
    if (out.output.size() + n > command.size_limit) {
      too_large = true;
      break;
    }
    out.output.append(chunk.data(), n);
    if (ec) {
      if (ec != asio::error::eof) read_error = ec;
      break;
    }
  }
  pipe.close();

  if (timed_out || too_large || read_error) proc.kill_group();
  const int status = co_await wait_and_reap(ex, proc, deadline, timed_out);
  if (timed_out) {
    co_return failure(
        error::secret_command_timeout,
        "secret command " + program + " did not finish within " + seconds_text(command.timeout));
  }
  if (too_large) {
    co_return failure(error::secret_too_large, "secret command " + program + " printed more than " +
                                                   std::to_string(command.size_limit) + " bytes");
  }
  if (read_error) {
    co_return failure(
        error::secret_command_failed,
        "secret command " + program + ": reading its output failed: " + read_error.message());
  }
  if (WIFSIGNALED(status)) {
    co_return failure(
        error::secret_command_killed,
        "secret command " + program + " was ended by signal " + std::to_string(WTERMSIG(status)));
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    co_return failure(
        error::secret_command_failed,
        "secret command " + program + " exited with status " + std::to_string(WEXITSTATUS(status)));
  }
  co_return out;
}

}  // namespace eventwire::auth::detail
