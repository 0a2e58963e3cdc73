#include "leased_source.hpp"

#include "log.hpp"

#include <eventwire/state/error.hpp>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/experimental/awaitable_operators.hpp>
#include <boost/asio/use_awaitable.hpp>

namespace eventwire::cli {

namespace asio = boost::asio;
using namespace boost::asio::experimental::awaitable_operators;
using clock = std::chrono::steady_clock;

leased_source::leased_source(asio::any_io_executor ex, std::unique_ptr<eventwire::source::source> inner,
                             state::lease_store& leases)
    : inner_(std::move(inner)), leases_(leases), timer_(std::move(ex)) {}

// True once the lease is this instance's; false when stopped first.
asio::awaitable<bool> leased_source::acquire() {
  std::string said;  // the last standby line logged, so that each is logged once
  while (!stopping_) {
    bool acquired = false;
    std::string holder;
    const std::error_code ec = leases_.try_acquire(name(), acquired, holder);
    if (acquired) {
      log(log_level::info, name(), "lease acquired by " + leases_.instance() + "; running");
      co_return true;
    }
    std::string line = ec ? "standby: cannot ask for the lease: " + leases_.last_lease_detail()
                          : "standby: " + holder + " runs this source; taking over when it stops";
    if (line != said) log(ec ? log_level::warning : log_level::info, name(), line);
    said = std::move(line);
    timer_.expires_after(leases_.ttl() / 3);
    co_await timer_.async_wait(asio::as_tuple(asio::use_awaitable));
  }
  co_return false;
}

// Renews the lease until the source ends; sets `lost` and stops the source when it cannot.
asio::awaitable<void> leased_source::keep(std::error_code& lost) {
  auto renewed = clock::now();
  while (running_) {
    timer_.expires_after(leases_.ttl() / 3);
    co_await timer_.async_wait(asio::as_tuple(asio::use_awaitable));
    if (!running_) break;
    const std::error_code ec = leases_.renew(name());
    if (!ec) {
      renewed = clock::now();
      continue;
    }
    if (ec != state::error::lease_lost && clock::now() - renewed < leases_.ttl()) {
      log(log_level::warning, name(), "cannot renew the lease: " + leases_.last_lease_detail());
      continue;
    }
    lost = make_error_code(state::error::lease_lost);
    log(log_level::error, name(), "lost the lease (" + leases_.last_lease_detail() + "); stopping this source");
    lost_stop_ = true;
    co_await inner_->stop();
    break;
  }
}

asio::awaitable<std::error_code> leased_source::run_inner(event::delivery& out) {
  const std::error_code ec = co_await inner_->run(out);
  running_ = false;
  timer_.cancel();
  co_return ec;
}

asio::awaitable<std::error_code> leased_source::run(event::delivery& out) {
  if (!co_await acquire()) co_return std::error_code{};
  running_ = true;
  std::error_code lost;
  const std::error_code ended = co_await (run_inner(out) && keep(lost));
  if (lost) co_return lost;
  if (const std::error_code released = leases_.release(name()))
    log(log_level::warning, name(), "cannot release the lease: " + leases_.last_lease_detail());
  co_return ended;
}

asio::awaitable<void> leased_source::stop() {
  stopping_ = true;
  timer_.cancel();
  if (running_ && !lost_stop_) co_await inner_->stop();
}

}  // namespace eventwire::cli
