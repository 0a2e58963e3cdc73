#pragma once

#include <eventwire/event/event_batch.hpp>

#include <boost/asio/awaitable.hpp>

#include <string>
#include <system_error>

namespace eventwire::sink {

// Where normalized events go. write() returns once every event of the batch is as durable as the
// sink promises (written to stdout, appended or synced to a file, acknowledged by NATS): that is
// the sink's acknowledgement. An error means nothing of the batch may be counted as delivered;
// the pipeline retries it.
class sink {
 public:
  virtual ~sink() = default;
  virtual const std::string& name() const noexcept = 0;
  virtual boost::asio::awaitable<std::error_code> write(const event::event_batch& batch) = 0;
  // Makes everything written durable and releases the sink (at shutdown).
  virtual boost::asio::awaitable<std::error_code> close() = 0;
};

}  // namespace eventwire::sink
