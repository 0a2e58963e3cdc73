#pragma once

#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <exception>

namespace eventwire::testing {

// Runs `test` on `io` until it ends, failing if that takes longer than `limit`; an exception
// thrown by the test is rethrown here.
inline void run(boost::asio::io_context& io, boost::asio::awaitable<void> test,
                std::chrono::steady_clock::duration limit = std::chrono::seconds(20)) {
  bool done = false;
  std::exception_ptr failure;
  io.restart();
  boost::asio::co_spawn(io, std::move(test), [&](std::exception_ptr e) {
    done = true;
    failure = e;
  });
  const auto deadline = std::chrono::steady_clock::now() + limit;
  while (!done && std::chrono::steady_clock::now() < deadline) io.run_one_until(deadline);
  BOOST_REQUIRE_MESSAGE(done, "the test coroutine did not finish in time");
  if (failure) std::rethrow_exception(failure);
}

}  // namespace eventwire::testing
