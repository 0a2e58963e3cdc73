#pragma once

#include <eventwire/source/source.hpp>
#include <eventwire/state/lease_store.hpp>

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/steady_timer.hpp>

#include <memory>

namespace eventwire::cli {

// Runs a source only while this instance holds its lease (state::lease_store, named after the
// source): until then it waits as a standby and asks again every third of the lease's TTL, so a
// second instance takes over when the first stops (at once after a release, within the TTL after
// kill -9). While the source runs the lease is renewed every third of the TTL; when another
// instance took it, the source is stopped and run() ends with state::error::lease_lost. A store
// that cannot be reached keeps the standby waiting and, past the TTL, stops a running source:
// its lease may be someone else's by then.
class leased_source final : public source::source {
 public:
  leased_source(boost::asio::any_io_executor ex, std::unique_ptr<eventwire::source::source> inner, state::lease_store& leases);

  const std::string& name() const noexcept override { return inner_->name(); }
  boost::asio::awaitable<std::error_code> run(event::delivery& out) override;
  boost::asio::awaitable<void> stop() override;
  const eventwire::source::source_statistics& statistics() const noexcept override { return inner_->statistics(); }

 private:
  boost::asio::awaitable<bool> acquire();
  boost::asio::awaitable<void> keep(std::error_code& lost);
  boost::asio::awaitable<std::error_code> run_inner(event::delivery& out);

  std::unique_ptr<eventwire::source::source> inner_;
  state::lease_store& leases_;
  boost::asio::steady_timer timer_;
  bool stopping_ = false;
  bool running_ = false;
  bool lost_stop_ = false;
};

}  // namespace eventwire::cli
