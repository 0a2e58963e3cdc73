#pragma once

// A TCP forwarder on 127.0.0.1 in front of one emulator port, with the network faults of the
// fault suite: the server process gone (connections reset, new ones refused), the server paused
// (SIGSTOP: nothing read or written, new connections left in the listen backlog) and a connection
// cut in the middle of what the server sends.

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>

#include <cstddef>
#include <cstdint>
#include <list>
#include <memory>

namespace eventwire::faults {

class fault_proxy {
 public:
  // Listens on a free port of 127.0.0.1 and forwards each connection to 127.0.0.1:upstream_port.
  fault_proxy(boost::asio::any_io_executor ex, std::uint16_t upstream_port);
  ~fault_proxy();
  fault_proxy(const fault_proxy&) = delete;
  fault_proxy& operator=(const fault_proxy&) = delete;

  std::uint16_t port() const noexcept { return port_; }
  // For a server that must know the proxy's port before its own exists (0: not yet known).
  void set_upstream_port(std::uint16_t port) noexcept { upstream_port_ = port; }

  // The server process killed: every connection is reset (RST) on both sides and the port
  // refuses connections until come_up() listens on it again.
  void go_down();
  void come_up();
  // The server process paused (SIGSTOP) and resumed (SIGCONT): while frozen nothing is read or
  // written on any connection and new connections wait in the kernel's backlog.
  void freeze();
  void thaw();
  // The next chunk the server sends on any connection (2 bytes at least) is forwarded only in
  // its first half; then that connection is reset on both sides: a record or part cut in two.
  void cut_next() noexcept { cut_armed_ = true; }
  bool cut_pending() const noexcept { return cut_armed_; }

  std::uint64_t connections_accepted() const noexcept { return accepted_; }
  std::uint64_t cuts() const noexcept { return cuts_; }

 private:
  struct link;
  void listen();
  void accept_next();
  void start_link(std::shared_ptr<link> l);
  void pump(std::shared_ptr<link> l, bool downstream);
  void after_read(std::shared_ptr<link> l, bool downstream, std::size_t n);
  void reset(link& l);

  boost::asio::any_io_executor ex_;
  std::uint16_t upstream_port_;
  std::uint16_t port_ = 0;
  std::unique_ptr<boost::asio::ip::tcp::acceptor> acceptor_;
  std::list<std::weak_ptr<link>> links_;
  std::list<std::shared_ptr<link>> held_;  // accepted while frozen
  bool down_ = false;
  bool frozen_ = false;
  bool cut_armed_ = false;
  std::uint64_t accepted_ = 0;
  std::uint64_t cuts_ = 0;
  std::shared_ptr<bool> alive_ = std::make_shared<bool>(true);
};

}  // namespace eventwire::faults
