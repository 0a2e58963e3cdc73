#include "child_program.hpp"

#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <system_error>

namespace eventwire::faults {

namespace asio = boost::asio;
using namespace std::chrono_literals;

namespace {

void redirect(const std::string& path, int fd) {
  const int target = ::open(path.empty() ? "/dev/null" : path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0640);
  if (target < 0) ::_exit(126);
  ::dup2(target, fd);
}

}  // namespace

child_program::child_program(const std::string& program, const std::vector<std::string>& args,
                             const std::string& stdout_path, const std::string& stderr_path) {
  std::vector<char*> argv{const_cast<char*>(program.c_str())};
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  std::fflush(nullptr);  // or the child writes this process's buffered output again
  pid_ = ::fork();
  if (pid_ < 0) throw std::system_error(errno, std::generic_category(), "fork");
  if (pid_ == 0) {
    redirect(stdout_path, STDOUT_FILENO);
    redirect(stderr_path, STDERR_FILENO);
    // Asio's sockets are not close-on-exec: without this the child would keep the proxies'
    // listening ports (a "killed" server's port would stay open).
    ::close_range(3, ~0U, 0);
    ::execvp(program.c_str(), argv.data());
    ::_exit(127);
  }
}

child_program::~child_program() {
  if (status_ || pid_ <= 0) return;
  ::kill(pid_, SIGKILL);
  ::waitpid(pid_, nullptr, 0);
}

void child_program::signal(int number) noexcept {
  if (!status_ && pid_ > 0) ::kill(pid_, number);
}

std::optional<int> child_program::poll() {
  if (status_ || pid_ <= 0) return status_;
  int status = 0;
  if (::waitpid(pid_, &status, WNOHANG) == pid_)
    status_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return status_;
}

asio::awaitable<std::optional<int>> child_program::wait(std::chrono::steady_clock::duration limit) {
  asio::steady_timer tick(co_await asio::this_coro::executor);
  const auto deadline = std::chrono::steady_clock::now() + limit;
  while (!poll() && std::chrono::steady_clock::now() < deadline) {
    tick.expires_after(20ms);
    co_await tick.async_wait(asio::use_awaitable);
  }
  co_return poll();
}

asio::awaitable<int> child_program::stop(std::chrono::steady_clock::duration grace) {
  signal(SIGTERM);
  auto ended = co_await wait(grace);
  if (!ended) {
    signal(SIGKILL);
    ended = co_await wait(10s);
  }
  co_return ended.value_or(-1);
}

}  // namespace eventwire::faults
