#pragma once

// The rows' one way of waiting: look (poll the sink, the emulators) every 20 ms until a
// condition holds, with a bound, and stop early when the program under test ended.

#include "child_program.hpp"

#include <boost/asio/awaitable.hpp>

#include <chrono>
#include <functional>

namespace eventwire::faults {

// Calls `look`, then checks `done`, every 20 ms: true once `done` holds, false when `limit` has
// passed or `program` ended first.
boost::asio::awaitable<bool> watch_until(child_program& program, const std::function<void()>& look,
                                         const std::function<bool()>& done, std::chrono::steady_clock::duration limit);

}  // namespace eventwire::faults
