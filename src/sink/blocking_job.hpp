#pragma once

#include <boost/asio/async_result.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/thread_pool.hpp>

#include <functional>
#include <system_error>

namespace eventwire::sink::detail {

// Runs `job` (which blocks: a system call, a blocking client) on `pool` and completes with its
// result on the caller's executor, whose work is kept while the job runs, so the event loop never
// waits on it.
template <class Token>
auto run_blocking(boost::asio::thread_pool& pool, std::function<std::error_code()> job, Token&& token) {
  namespace asio = boost::asio;
  return asio::async_initiate<Token, void(std::error_code)>(
      [&pool](auto handler, std::function<std::error_code()> blocking) {
        auto work = asio::make_work_guard(asio::get_associated_executor(handler));
        asio::post(pool, [handler = std::move(handler), work = std::move(work), blocking = std::move(blocking)]() mutable {
          const std::error_code ec = blocking();
          auto ex = work.get_executor();
          asio::post(ex, [handler = std::move(handler), ec]() mutable { std::move(handler)(ec); });
          work.reset();
        });
      },
      token, std::move(job));
}

}  // namespace eventwire::sink::detail
