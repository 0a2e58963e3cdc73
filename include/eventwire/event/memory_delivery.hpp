#pragma once

#include <eventwire/event/delivery.hpp>

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/steady_timer.hpp>

#include <chrono>
#include <cstddef>
#include <string>
#include <vector>

namespace eventwire::event {

// A delivery that keeps every event in memory and acknowledges at once: for tests of sources
// and for benchmarks. hold_acknowledgements() makes acknowledged() wait until release(), to test
// what a source does while its sink is behind; capacity makes publish() wait (backpressure).
class memory_delivery final : public delivery {
 public:
  explicit memory_delivery(boost::asio::any_io_executor ex);

  boost::asio::awaitable<std::tuple<std::error_code, std::uint64_t>> publish(event_batch& batch) override;
  boost::asio::awaitable<std::error_code> acknowledged(std::uint64_t sequence) override;

  struct stored_event {
    std::string source, id, type, subject, line;
  };
  const std::vector<stored_event>& events() const noexcept { return events_; }
  std::uint64_t batches() const noexcept { return sequence_; }

  // Completes when at least n events arrived (true) or at the timeout (false); no polling.
  boost::asio::awaitable<bool> wait_for_events(std::size_t n,
                                               std::chrono::steady_clock::duration timeout = std::chrono::seconds(10));

  // publish() waits while this many events are stored and not yet taken with take_all().
  void set_capacity(std::size_t events) noexcept { capacity_ = events; }
  std::vector<stored_event> take_all();

  void hold_acknowledgements() noexcept { holding_ = true; }
  void release_acknowledgements();
  // Closes the pipeline: waiting and later calls fail with std::errc::operation_canceled.
  void close();

 private:
  void wake();
  boost::asio::steady_timer changed_;
  std::vector<stored_event> events_;
  std::uint64_t sequence_ = 0;
  std::uint64_t acknowledged_ = 0;
  std::size_t capacity_ = 0;  // 0: unbounded
  bool holding_ = false;
  bool closed_ = false;
};

}  // namespace eventwire::event
