#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace eventwire::emulator::detail {

// The records queued for one connection, in order, each ending with 0x1E. The writer takes them
// all at once (swapping buffers, so both keep their capacity) and cuts them into WebSocket
// messages with cut_message().
class signalr_outbox {
 public:
  void append(std::string_view record) {
    queued_.append(record);
    ++records_queued_;
  }
  bool empty() const noexcept { return queued_.empty(); }
  std::size_t bytes() const noexcept { return queued_.size(); }
  // Records ever appended: a record's sequence number is this count just after its append.
  std::uint64_t records_queued() const noexcept { return records_queued_; }
  // Moves everything queued into `batch`, whose previous content is dropped.
  void take(std::string& batch) {
    batch.clear();
    batch.swap(queued_);
  }
  void clear() noexcept { queued_.clear(); }

 private:
  std::string queued_;
  std::uint64_t records_queued_ = 0;
};

// One WebSocket message cut from the front of a batch of whole records.
struct message_cut {
  std::size_t bytes = 0;
  std::size_t records = 0;
  std::size_t hub_messages = 0;  // records that are neither a ping nor a handshake response
};

// The next message at the front of `batch`: up to `max_records` records (0: any number) within
// `max_bytes` (a lone record may be larger), holding at most `max_hub_messages` hub messages.
// Empty only when `batch` is empty or the first record is a hub message and
// `max_hub_messages` is 0.
message_cut cut_message(std::string_view batch, std::size_t max_records, std::size_t max_bytes,
                        std::uint64_t max_hub_messages);

// Whether a record (0x1E included) is a hub message: not a ping, not a handshake response.
bool is_hub_message(std::string_view record) noexcept;

}  // namespace eventwire::emulator::detail
