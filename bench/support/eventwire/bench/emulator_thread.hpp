#pragma once

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/use_future.hpp>

#include <future>
#include <thread>
#include <type_traits>
#include <utility>

namespace eventwire::bench {

// An io_context on its own thread, where an emulator lives, so that the client measured on the
// benchmark's thread pays none of the server's work (Google Benchmark's CPU time is that of the
// benchmark's thread). Emulators must be made, called and destroyed on this thread: call().
class emulator_thread {
 public:
  emulator_thread() : work_(io_.get_executor()), thread_([this] { io_.run(); }) {}
  ~emulator_thread() {
    work_.reset();
    io_.stop();
    thread_.join();
  }
  emulator_thread(const emulator_thread&) = delete;
  emulator_thread& operator=(const emulator_thread&) = delete;

  boost::asio::any_io_executor executor() { return io_.get_executor(); }

  // Runs `f` on the emulator's thread and returns what it returned (or rethrows).
  template <class F>
  std::invoke_result_t<F&> call(F f) {
    std::packaged_task<std::invoke_result_t<F&>()> task(std::move(f));
    auto result = task.get_future();
    // Wrapped: Asio takes a bare packaged_task for a completion token and asks its future again.
    boost::asio::post(io_, [task = std::move(task)]() mutable { task(); });
    return result.get();
  }

  // Runs the coroutine `start()` returns (called on the emulator's thread) to its end and
  // returns its result.
  template <class Start>
  auto await(Start start) {
    return boost::asio::co_spawn(io_, std::move(start), boost::asio::use_future).get();
  }

 private:
  boost::asio::io_context io_;
  boost::asio::executor_work_guard<boost::asio::io_context::executor_type> work_;
  std::thread thread_;
};

}  // namespace eventwire::bench
