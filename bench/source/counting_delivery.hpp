#pragma once

#include <eventwire/event/delivery.hpp>

#include <cstdint>
#include <system_error>
#include <tuple>

namespace eventwire::bench {

// A delivery that counts the events of each batch and acknowledges at once: a source's own cost,
// without a sink's.
class counting_delivery final : public event::delivery {
 public:
  boost::asio::awaitable<std::tuple<std::error_code, std::uint64_t>> publish(event::event_batch& batch) override {
    events_ += batch.size();
    batch.clear();
    co_return std::tuple{std::error_code{}, ++sequence_};
  }
  boost::asio::awaitable<std::error_code> acknowledged(std::uint64_t) override { co_return std::error_code{}; }

  std::uint64_t events() const noexcept { return events_; }

 private:
  std::uint64_t events_ = 0;
  std::uint64_t sequence_ = 0;
};

}  // namespace eventwire::bench
