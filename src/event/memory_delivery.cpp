#include <eventwire/event/memory_delivery.hpp>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/use_awaitable.hpp>

namespace eventwire::event {

namespace asio = boost::asio;
using clock = std::chrono::steady_clock;

namespace {
constexpr auto use_tuple = asio::as_tuple(asio::use_awaitable);

std::error_code closed_error() { return std::make_error_code(std::errc::operation_canceled); }
}  // namespace

memory_delivery::memory_delivery(asio::any_io_executor ex) : changed_(std::move(ex), clock::time_point::max()) {}

void memory_delivery::wake() { changed_.cancel(); }

asio::awaitable<std::tuple<std::error_code, std::uint64_t>> memory_delivery::publish(event_batch& batch) {
  while (!closed_ && capacity_ != 0 && events_.size() >= capacity_) co_await changed_.async_wait(use_tuple);
  if (closed_) co_return std::tuple{closed_error(), std::uint64_t{0}};
  for (std::size_t i = 0; i < batch.size(); ++i) {
    const event_view e = batch[i];
    events_.push_back({batch.source(), std::string(e.id), std::string(e.type), std::string(e.subject),
                       std::string(e.line)});
  }
  batch.clear();
  ++sequence_;
  if (!holding_) acknowledged_ = sequence_;
  wake();
  co_return std::tuple{std::error_code{}, sequence_};
}

asio::awaitable<std::error_code> memory_delivery::acknowledged(std::uint64_t sequence) {
  while (!closed_ && acknowledged_ < sequence) co_await changed_.async_wait(use_tuple);
  co_return acknowledged_ >= sequence ? std::error_code{} : closed_error();
}

asio::awaitable<bool> memory_delivery::wait_for_events(std::size_t n, clock::duration timeout) {
  const auto deadline = clock::now() + timeout;
  asio::steady_timer guard(changed_.get_executor(), deadline);
  guard.async_wait([this](boost::system::error_code ec) {
    if (!ec) wake();
  });
  while (events_.size() < n && !closed_ && clock::now() < deadline) co_await changed_.async_wait(use_tuple);
  guard.cancel();
  co_return events_.size() >= n;
}

std::vector<memory_delivery::stored_event> memory_delivery::take_all() {
  std::vector<stored_event> out;
  out.swap(events_);
  wake();
  return out;
}

void memory_delivery::release_acknowledgements() {
  holding_ = false;
  acknowledged_ = sequence_;
  wake();
}

void memory_delivery::close() {
  closed_ = true;
  wake();
}

}  // namespace eventwire::event
