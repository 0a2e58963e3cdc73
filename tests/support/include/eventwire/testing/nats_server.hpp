#pragma once

// A real nats-server with JetStream for tests, on a free loopback port with its store in a
// temporary directory.

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>

#include <nats/nats.h>

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <thread>

namespace eventwire::testing {

inline std::uint16_t free_port() {
  boost::asio::io_context io;
  boost::asio::ip::tcp::acceptor a(io, {boost::asio::ip::make_address("127.0.0.1"), 0});
  return a.local_endpoint().port();
}

inline bool accepts_connections(std::uint16_t port) {
  boost::asio::io_context io;
  boost::asio::ip::tcp::socket s(io);
  boost::system::error_code ec;
  s.connect({boost::asio::ip::make_address("127.0.0.1"), port}, ec);
  return !ec;
}

// nats-server with JetStream on 127.0.0.1:port, its store in a temporary directory.
class nats_server {
 public:
  nats_server() : port_(free_port()) {
    char name[] = "/tmp/eventwire-nats-XXXXXX";
    dir_ = ::mkdtemp(name);
    start();
  }
  ~nats_server() {
    stop();
    std::filesystem::remove_all(dir_);
  }

  void start() {
    const std::string port = std::to_string(port_);
    pid_ = ::fork();
    if (pid_ == 0) {
      const int quiet = ::open("/dev/null", O_WRONLY);
      ::dup2(quiet, STDOUT_FILENO);
      ::dup2(quiet, STDERR_FILENO);
      ::execlp("nats-server", "nats-server", "-js", "-a", "127.0.0.1", "-p", port.c_str(), "-sd", dir_.c_str(),
               static_cast<char*>(nullptr));
      ::_exit(127);
    }
    // Ready when it accepts connections; an upper bound, not a guess.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (!accepts_connections(port_) && std::chrono::steady_clock::now() < deadline)
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    if (!accepts_connections(port_))
      throw std::runtime_error("nats-server did not start (is it installed? scripts/setup.sh)");
  }
  void stop() {
    if (pid_ <= 0) return;
    ::kill(pid_, SIGTERM);
    ::waitpid(pid_, nullptr, 0);
    pid_ = -1;
  }
  std::string url() const { return "nats://127.0.0.1:" + std::to_string(port_); }

  // Messages in `stream`, asked from the server itself.
  std::uint64_t messages(const std::string& stream) const {
    natsConnection* nc = nullptr;
    jsCtx* js = nullptr;
    jsStreamInfo* info = nullptr;
    std::uint64_t n = 0;
    if (natsConnection_ConnectTo(&nc, url().c_str()) == NATS_OK && natsConnection_JetStream(&js, nc, nullptr) == NATS_OK &&
        js_GetStreamInfo(&info, js, stream.c_str(), nullptr, nullptr) == NATS_OK) {
      n = info->State.Msgs;
    }
    if (info) jsStreamInfo_Destroy(info);
    if (js) jsCtx_Destroy(js);
    if (nc) natsConnection_Destroy(nc);
    return n;
  }

 private:
  std::uint16_t port_;
  std::string dir_;
  pid_t pid_ = -1;
};

}  // namespace eventwire::testing
