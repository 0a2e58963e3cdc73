#pragma once

#include <boost/asio/buffer.hpp>

#include <cstddef>
#include <cstring>
#include <memory>
#include <string_view>

namespace eventwire::net::detail {

// Bytes read from a socket and not yet decoded. The decoder takes every byte it is given (it
// copies what it cannot finish), so the buffer is empty before each read and every read lands
// at its start, up to its whole capacity.
class receive_buffer {
 public:
  explicit receive_buffer(std::size_t capacity) : capacity_(capacity) {}

  std::string_view pending() const noexcept { return {data_.get() + begin_, end_ - begin_}; }
  bool empty() const noexcept { return begin_ == end_; }
  void consume(std::size_t n) noexcept {
    begin_ += n;
    if (begin_ == end_) begin_ = end_ = 0;
  }

  // Room for the next read: all of the buffer when it is empty, else what follows the pending bytes.
  boost::asio::mutable_buffer space() {
    if (!data_) data_ = std::make_unique_for_overwrite<char[]>(capacity_);
    return {data_.get() + end_, capacity_ - end_};
  }
  void commit(std::size_t n) noexcept { end_ += n; }

  // Keeps `bytes` (what arrived with the upgrade response) as pending, growing if need be.
  void assign(std::string_view bytes) {
    clear();
    if (bytes.empty()) return;
    if (bytes.size() > capacity_) capacity_ = bytes.size();
    data_ = std::make_unique_for_overwrite<char[]>(capacity_);
    std::memcpy(data_.get(), bytes.data(), bytes.size());
    begin_ = 0;
    end_ = bytes.size();
  }
  void clear() noexcept { begin_ = end_ = 0; }

 private:
  std::unique_ptr<char[]> data_;  // allocated at the first read
  std::size_t capacity_;
  std::size_t begin_ = 0;
  std::size_t end_ = 0;
};

}  // namespace eventwire::net::detail
