#pragma once

#include <eventwire/event/event_batch.hpp>

#include <boost/asio/awaitable.hpp>

#include <cstdint>
#include <system_error>
#include <tuple>

namespace eventwire::event {

// Where a source hands its events: the pipeline to the sinks.
// - Backpressure: publish() waits while the pipeline is full, so a slow sink slows the source
//   (a push source stops reading its socket; memory stays bounded).
// - Acknowledgement: acknowledged(n) completes once every sink made batches 1..n durable. A pull
//   source (Unity) advances its checkpoint only then; a push source need not wait.
// Batches of one source are delivered in order. Call from the executor's thread only.
class delivery {
 public:
  virtual ~delivery() = default;

  // Takes the batch's events (the batch is left empty, ready for reuse) and returns their
  // sequence number for this source (1, 2, ...), or an error when the pipeline is closed.
  virtual boost::asio::awaitable<std::tuple<std::error_code, std::uint64_t>> publish(event_batch& batch) = 0;

  // Completes once every sink acknowledged every batch up to and including `sequence`, or with
  // an error when the pipeline closed first.
  virtual boost::asio::awaitable<std::error_code> acknowledged(std::uint64_t sequence) = 0;
};

}  // namespace eventwire::event
