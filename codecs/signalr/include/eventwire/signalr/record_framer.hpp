#pragma once

#include <eventwire/codec/feed_result.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <system_error>

namespace eventwire::signalr {

// The byte that ends every SignalR JSON record (ASCII record separator).
inline constexpr char record_separator = '\x1e';

// Splits a SignalR byte stream into records at each 0x1E, incrementally.
//
// The view returned by record() lives until the next call to feed(), finish() or reset(), and
// no longer than the input it came from when it points into that input.
//
//   for (std::string_view in = bytes; !in.empty();) {
//     const auto r = framer.feed(in);
//     if (r.state == codec::status::error) return framer.error();
//     in.remove_prefix(r.consumed);
//     if (r.state == codec::status::event) handle(framer.record());
//   }
class record_framer {
 public:
  static constexpr std::size_t default_max_record_size = std::size_t{1} << 20;

  // Largest record accepted, in bytes, without its separator. Passing it is an error as soon as
  // the bytes seen of one record exceed it.
  std::size_t max_record_size = default_max_record_size;

  // Consumes input up to and including the next separator (status::event, record() is ready),
  // or all of it when there is none (status::need_more, the partial record is kept). A record
  // that lies wholly inside `input` is a view into it; only a record that spans inputs is copied.
  codec::feed_result feed(std::string_view input);

  // The record found by the last feed() (without its separator).
  std::string_view record() const noexcept { return record_; }

  // The input has ended: an error when part of a record is still buffered.
  std::error_code finish();

  // The first error; it sticks until reset().
  std::error_code error() const noexcept { return error_; }

  // Bytes of an incomplete record held so far.
  std::size_t buffered() const noexcept { return record_in_tail_ ? 0 : tail_.size(); }

  void reset() noexcept;

 private:
  codec::feed_result fail(std::error_code ec);
  // Whether `more` bytes can join the buffered part of a record without passing the limit.
  bool fits(std::size_t more) const noexcept;

  std::string tail_;           // the start of a record that spans inputs
  std::string_view record_;    // the last record found
  bool record_in_tail_ = false;  // record_ views tail_, which the next feed clears
  std::error_code error_;
};

}  // namespace eventwire::signalr
