#pragma once

// Reads a JetStream stream's messages in order, as they arrive, into a delivery_log: what the
// NATS sink delivered, as the server keeps it.

#include "delivery_log.hpp"

#include <cstdint>
#include <string>

struct __natsConnection;
struct __jsCtx;

namespace eventwire::faults {

class nats_stream_reader {
 public:
  nats_stream_reader(std::string url, std::string stream) : url_(std::move(url)), stream_(std::move(stream)) {}
  ~nats_stream_reader();
  nats_stream_reader(const nats_stream_reader&) = delete;
  nats_stream_reader& operator=(const nats_stream_reader&) = delete;

  // Hands every message stored since the last call to `log`; returns how many. A server that is
  // down (or a stream not yet made) reads as nothing new; the connection is made again later.
  std::size_t poll(delivery_log& log);
  // Messages in the stream by the last successful poll.
  std::uint64_t stored() const noexcept { return next_sequence_ - 1; }

 private:
  bool connect();
  void disconnect();

  std::string url_;
  std::string stream_;
  __natsConnection* connection_ = nullptr;
  __jsCtx* js_ = nullptr;
  std::uint64_t next_sequence_ = 1;
};

}  // namespace eventwire::faults
