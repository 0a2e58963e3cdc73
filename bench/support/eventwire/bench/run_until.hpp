#pragma once

#include <eventwire/bench/fail.hpp>

#include <boost/asio/io_context.hpp>

#include <chrono>
#include <string>

namespace eventwire::bench {

// Runs `io` one handler at a time until `done()` holds; fails the program (naming `what`) if
// that takes longer than `limit`.
template <class Done>
void run_until(boost::asio::io_context& io, Done done, const std::string& what,
               std::chrono::steady_clock::duration limit = std::chrono::seconds(60)) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  while (!done()) {
    if (std::chrono::steady_clock::now() >= deadline) fail("timed out waiting for " + what);
    if (io.stopped()) io.restart();
    io.run_one_until(deadline);
  }
}

}  // namespace eventwire::bench
