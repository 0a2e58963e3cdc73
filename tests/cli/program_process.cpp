#include "program_process.hpp"

#include <boost/test/unit_test.hpp>

#include <csignal>
#include <cstdio>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

namespace eventwire::testing {

namespace {

std::string read_all(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

running_program::running_program(const std::vector<std::string>& args,
                                 const std::map<std::string, std::string>& environment) {
  const std::string out_path = scratch_.file("stdout"), err_path = scratch_.file("stderr");
  std::fflush(nullptr);  // or the child writes this process's buffered output again
  pid_ = ::fork();
  BOOST_REQUIRE(pid_ >= 0);
  if (pid_ == 0) {
    if (std::freopen(out_path.c_str(), "w", stdout) == nullptr) ::_exit(126);
    if (std::freopen(err_path.c_str(), "w", stderr) == nullptr) ::_exit(126);
    // The test's own sockets (emulators, servers) are not the program's: a child that held them
    // would keep a port open after the test closed it.
    ::close_range(3, ~0U, 0);
    for (const auto& [name, value] : environment) ::setenv(name.c_str(), value.c_str(), 1);
    std::vector<char*> argv{const_cast<char*>(EVENTWIRE_PROGRAM)};
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    ::execv(EVENTWIRE_PROGRAM, argv.data());
    ::_exit(127);
  }
}

running_program::~running_program() {
  if (pid_ <= 0) return;
  ::kill(pid_, SIGKILL);
  ::waitpid(pid_, nullptr, 0);
}

void running_program::signal(int number) {
  if (pid_ > 0) ::kill(pid_, number);
}

std::string running_program::err_so_far() const { return read_all(scratch_.file("stderr")); }

std::string running_program::wait_for_err(const std::string& text, std::chrono::seconds limit) const {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  std::string err = err_so_far();
  while (err.find(text) == std::string::npos && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    err = err_so_far();
  }
  return err;
}

outcome running_program::finish() {
  outcome o;
  int status = 0;
  if (pid_ > 0 && ::waitpid(pid_, &status, 0) == pid_)
    o.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  pid_ = -1;
  o.out = read_all(scratch_.file("stdout"));
  o.err = read_all(scratch_.file("stderr"));
  return o;
}

outcome run_program(const std::vector<std::string>& args, const std::map<std::string, std::string>& environment) {
  return running_program(args, environment).finish();
}

}  // namespace eventwire::testing
