#pragma once

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>

#include <future>
#include <thread>

namespace eventwire::testing {

// An io_context running on its own thread, for emulators that a child process talks to; the
// destructor stops it. Touch what runs on it only through call().
class server_thread {
 public:
  server_thread() : work_(io_.get_executor()), thread_([this] { io_.run(); }) {}
  ~server_thread() {
    work_.reset();
    io_.stop();
    thread_.join();
  }
  server_thread(const server_thread&) = delete;
  server_thread& operator=(const server_thread&) = delete;

  boost::asio::io_context& io() noexcept { return io_; }

  // Runs `fn` on the thread and returns its result.
  template <class F>
  auto call(F fn) {
    std::packaged_task<decltype(fn())()> task(std::move(fn));
    auto result = task.get_future();
    boost::asio::post(io_, [&task] { task(); });
    return result.get();
  }

 private:
  boost::asio::io_context io_;
  boost::asio::executor_work_guard<boost::asio::io_context::executor_type> work_;
  std::thread thread_;
};

}  // namespace eventwire::testing
