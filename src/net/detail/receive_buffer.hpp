#pragma once

#include <boost/asio/buffer.hpp>

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <memory>
#include <string_view>

namespace eventwire::net::detail {

// Bytes read from a socket and not yet decoded. The decoder takes every byte it is given (it
// copies what it cannot finish), so the buffer is empty before each read and every read lands
// at its start, up to its whole capacity.
//
// The capacity follows the load: a read that fills all the room it was given says more is
// waiting, so the next read gets twice the room, up to `largest`; a read that brings less than a
// quarter of the base capacity says the reader has caught up, and the buffer goes back to its
// base size. Each system call then moves as much as the kernel holds (on loopback under load a
// 1 MiB read costs far less per byte than sixteen of 64 KiB), and an idle or lightly loaded
// connection keeps only the base size.
class receive_buffer {
 public:
  receive_buffer(std::size_t base, std::size_t largest) : base_(base), largest_(std::max(base, largest)), capacity_(base) {}

  std::string_view pending() const noexcept { return {data_.get() + begin_, end_ - begin_}; }
  bool empty() const noexcept { return begin_ == end_; }
  void consume(std::size_t n) noexcept {
    begin_ += n;
    if (begin_ == end_) begin_ = end_ = 0;
  }

  // Room for the next read: all of the buffer when it is empty, else what follows the pending bytes.
  boost::asio::mutable_buffer space() {
    if (empty() && wanted_ != capacity_) {
      data_.reset();
      capacity_ = wanted_;
    }
    if (!data_) data_ = std::make_unique_for_overwrite<char[]>(capacity_);
    return {data_.get() + end_, capacity_ - end_};
  }
  // `n` bytes landed in space(); end_ is still where the read began.
  void commit(std::size_t n) noexcept {
    if (end_ == 0 && n == capacity_) {
      wanted_ = std::min(capacity_ * 2, largest_);
    } else if (n < base_ / 4) {
      wanted_ = base_;
    }
    end_ += n;
  }

  // Keeps `bytes` (what arrived with the upgrade response) as pending, growing if need be.
  void assign(std::string_view bytes) {
    clear();
    if (bytes.empty()) return;
    if (bytes.size() > capacity_) capacity_ = wanted_ = bytes.size();
    data_ = std::make_unique_for_overwrite<char[]>(capacity_);
    std::memcpy(data_.get(), bytes.data(), bytes.size());
    begin_ = 0;
    end_ = bytes.size();
  }
  void clear() noexcept { begin_ = end_ = 0; }

  std::size_t capacity() const noexcept { return capacity_; }

 private:
  std::unique_ptr<char[]> data_;  // allocated at the first read
  std::size_t base_;
  std::size_t largest_;
  std::size_t capacity_;
  std::size_t wanted_ = capacity_;  // the capacity for the next read that starts empty
  std::size_t begin_ = 0;
  std::size_t end_ = 0;
};

}  // namespace eventwire::net::detail
