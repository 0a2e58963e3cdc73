#pragma once

#include <eventwire/event/delivery.hpp>
#include <eventwire/session/reconnect_policy.hpp>
#include <eventwire/sink/sink.hpp>

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace eventwire::sink {

struct pipeline_options {
  // Bytes of rendered events waiting for the sinks, over all sources; publish() waits beyond it.
  std::size_t max_queued_bytes = std::size_t{16} << 20;
  // A batch published while others wait is appended to its source's newest waiting batch while
  // that holds fewer bytes than this (one sink write for many small batches).
  std::size_t max_merged_bytes = std::size_t{1} << 20;
  // Delays between attempts when a sink fails a batch; retried forever (nothing is dropped).
  session::reconnect_policy retry = session::reconnect_policy::exponential(
      std::chrono::milliseconds(100), 2.0, std::chrono::seconds(10));
  std::function<void(std::string_view)> log;  // one line per sink failure and recovery
};

struct pipeline_statistics {
  std::uint64_t events = 0;   // delivered to every sink
  std::uint64_t batches = 0;
  std::uint64_t sink_failures = 0;
  std::size_t queued_bytes = 0;
  std::size_t queued_batches = 0;
};

// What one sink acknowledged and how often it failed.
struct sink_statistics {
  std::string name;
  std::uint64_t events = 0;
  std::uint64_t batches = 0;
  std::uint64_t failures = 0;  // failed writes, each retried
};

// What one source published into the pipeline (rendered CloudEvents lines) and what of it every
// sink acknowledged.
struct source_delivery_statistics {
  std::uint64_t events = 0;
  std::uint64_t bytes = 0;
  std::uint64_t batches = 0;
  std::uint64_t acknowledged_events = 0;
};

// Carries batches from the sources to every sink, in order: each batch goes to each sink in
// turn and counts as acknowledged for its source once every sink wrote it. A failing sink is
// retried with the retry policy while the queue fills up and publish() starts waiting
// (backpressure), so nothing is dropped and memory stays bounded.
class pipeline {
 public:
  pipeline(boost::asio::any_io_executor ex, std::vector<std::unique_ptr<sink>> sinks, pipeline_options options = {});
  ~pipeline();
  pipeline(const pipeline&) = delete;
  pipeline& operator=(const pipeline&) = delete;

  // The delivery a source publishes to; sequence numbers count per source name. The reference
  // stays valid as long as the pipeline.
  event::delivery& for_source(std::string_view source_name);

  // Delivers everything queued, then closes the sinks; later publishes fail. Never hangs longer
  // than the sinks take (a sink that keeps failing is given up after one more attempt).
  boost::asio::awaitable<void> drain_and_close();

  const pipeline_statistics& statistics() const noexcept;
  std::size_t sink_count() const noexcept;
  // One entry per sink, in the order given.
  const std::vector<sink_statistics>& per_sink() const noexcept;
  // Zeros for a source that never published.
  source_delivery_statistics per_source(std::string_view source_name) const;

  struct impl;

 private:
  std::shared_ptr<impl> impl_;
};

}  // namespace eventwire::sink
