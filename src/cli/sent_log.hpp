#pragma once

// `eventwire emulate --sent-log FILE`: one line per event the emulator sent, "SEQUENCE MICROS"
// (the event's sequence number, then the wall-clock time in microseconds since the Unix epoch),
// each written with one write(2) as it happens, so a line is on disk even when the emulator is
// killed right after (what the fault suite reads to tell what a killed emulator had sent).

#include <cstdint>
#include <string>
#include <system_error>

namespace eventwire::cli {

class sent_log {
 public:
  sent_log() = default;
  ~sent_log();
  sent_log(const sent_log&) = delete;
  sent_log& operator=(const sent_log&) = delete;

  // Creates or truncates `path`; the error of open(2) otherwise.
  std::error_code open(const std::string& path);
  bool is_open() const noexcept { return fd_ >= 0; }
  // Appends the line of event `sequence`, sent now; a failed write is ignored (the traffic goes
  // on), and counted.
  void record(std::uint64_t sequence) noexcept;
  std::uint64_t failed_writes() const noexcept { return failed_; }

 private:
  int fd_ = -1;
  std::uint64_t failed_ = 0;
};

}  // namespace eventwire::cli
