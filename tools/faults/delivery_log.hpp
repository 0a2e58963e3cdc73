#pragma once

// What reached the file sink: tails the NDJSON file the eventwire program appends to and notes,
// for each event it can identify, when it was first seen and how often it came.

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <unordered_map>

namespace eventwire::faults {

class delivery_log {
 public:
  using clock = std::chrono::steady_clock;
  // The identity (the emulator's sequence number) of one delivered line; std::nullopt: none.
  using identify = std::function<std::optional<std::uint64_t>(std::string_view line)>;

  // Largest line accepted; a longer one is an error (std::errc::message_size).
  static constexpr std::size_t max_line = 1024 * 1024;

  delivery_log(std::string path, identify id) : path_(std::move(path)), identify_(std::move(id)) {}

  // Reads what was appended since the last call (a missing file is empty); returns the number of
  // new lines.
  std::size_t poll(std::error_code& ec);
  // One delivered line from elsewhere (a NATS stream's message).
  void take(std::string_view line, clock::time_point now);

  struct arrival {
    clock::time_point first_seen;
    std::uint32_t times = 0;
  };
  const std::unordered_map<std::uint64_t, arrival>& arrivals() const noexcept { return arrivals_; }
  std::uint64_t lines() const noexcept { return lines_; }
  std::uint64_t unidentified() const noexcept { return unidentified_; }
  std::uint64_t duplicates() const noexcept { return duplicates_; }
  clock::time_point last_arrival() const noexcept { return last_arrival_; }

 private:

  std::string path_;
  identify identify_;
  std::uint64_t offset_ = 0;
  std::string partial_;
  std::unordered_map<std::uint64_t, arrival> arrivals_;
  std::uint64_t lines_ = 0;
  std::uint64_t unidentified_ = 0;
  std::uint64_t duplicates_ = 0;
  clock::time_point last_arrival_{};
};

// The digits right after the first `key` in `text`; std::nullopt: no key, or no digits after it.
std::optional<std::uint64_t> number_after(std::string_view text, std::string_view key);
// The number after "fwseq-" in a line: how the hub and Web SDK targets mark their events.
std::optional<std::uint64_t> marked_sequence(std::string_view line);
// "fwseq-N", the marker of event N.
std::string sequence_marker(std::uint64_t n);

}  // namespace eventwire::faults
