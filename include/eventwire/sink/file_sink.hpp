#pragma once

#include <eventwire/sink/sink.hpp>

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

namespace eventwire::sink {

struct file_sink_options {
  std::string path;  // appended to; created with mode 0640 when missing
  enum class sync_policy : unsigned char {
    every_batch,  // fdatasync before acknowledging each batch (nothing acknowledged is lost)
    interval,     // fdatasync at most every sync_interval; acknowledged once written
    never,        // the kernel decides; acknowledged once written
  } sync = sync_policy::every_batch;
  std::chrono::steady_clock::duration sync_interval = std::chrono::seconds(1);
  // When the file reaches this size it is renamed to PATH.1 (PATH.1 to PATH.2, ... up to
  // keep_files) and a new file begins. 0: never rotate.
  std::uint64_t rotate_bytes = 0;
  unsigned keep_files = 5;
};

// NDJSON appended to a file, one write per batch, synced as the policy says. The writes and
// syncs run on a thread of the sink's own; the event loop never waits on the disk.
class file_sink final : public sink {
 public:
  explicit file_sink(file_sink_options options);
  ~file_sink() override;

  const std::string& name() const noexcept override;
  boost::asio::awaitable<std::error_code> write(const event::event_batch& batch) override;
  boost::asio::awaitable<std::error_code> close() override;

  // Opens (or creates) the file now, to report a bad path at start-up.
  std::error_code open();

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

}  // namespace eventwire::sink
