#pragma once

#include <eventwire/sink/sink.hpp>

#include <boost/asio/any_io_executor.hpp>

#include <memory>

namespace eventwire::sink {

// NDJSON on standard output, one write per batch. A pipe or terminal is written asynchronously
// (a slow reader slows the sources, never the event loop); a regular file with blocking writes.
class stdout_sink final : public sink {
 public:
  // `fd` is the descriptor to write (STDOUT_FILENO; tests pass a pipe); it is duplicated.
  explicit stdout_sink(boost::asio::any_io_executor ex, int fd = 1);
  ~stdout_sink() override;

  const std::string& name() const noexcept override;
  boost::asio::awaitable<std::error_code> write(const event::event_batch& batch) override;
  boost::asio::awaitable<std::error_code> close() override;

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

// Appends each event of `batch` and a line break to `out`.
void append_ndjson(std::string& out, const event::event_batch& batch);

}  // namespace eventwire::sink
