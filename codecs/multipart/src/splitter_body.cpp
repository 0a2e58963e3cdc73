// The splitter inside bodies: a delimiter search that jumps from line break to line break with
// memchr and holds back, in tail_, a possible delimiter line cut by the end of an input.

#include <eventwire/multipart/splitter.hpp>

#include <eventwire/multipart/error.hpp>

#include <algorithm>
#include <cassert>
#include <cstring>

namespace eventwire::multipart {

using codec::feed_result;
using codec::status;
using detail::match;

feed_result splitter::feed_body(std::string_view in) {
  std::size_t pos = 0;
  if (matcher_.active()) {  // a delimiter line may have begun in an earlier input
    const auto [m, used] = matcher_.run(delimiter_, in);
    if (m == match::open || m == match::close) {
      tail_size_ = 0;
      return end_part(used, m == match::close);
    }
    assert(tail_size_ + used <= tail_.size());
    std::memcpy(tail_.data() + tail_size_, in.data(), used);
    tail_size_ += used;
    if (m == match::maybe) return {in.size(), status::need_more};
    pos = used;
    if (tail_size_ > 0) {  // not a delimiter after all: the held bytes are body
      release_tail_ = true;
      return emit_body({tail_.data(), tail_size_}, pos);
    }
  }

  const std::size_t start = pos;
  std::size_t from = pos;
  for (;;) {
    const void* hit = std::memchr(in.data() + from, '\n', in.size() - from);
    if (hit == nullptr) {
      std::size_t keep = in.size();
      if (keep > start && in[keep - 1] == '\r') {  // may be the start of CR LF delimiter
        --keep;
        matcher_.start_at_line_break();
        matcher_.step(delimiter_, '\r');
        tail_[0] = '\r';
        tail_size_ = 1;
      }
      if (keep == start) return {in.size(), status::need_more};
      return emit_body(in.substr(start, keep - start), in.size());
    }
    const auto lf = static_cast<std::size_t>(static_cast<const char*>(hit) - in.data());
    const std::size_t candidate = lf > start && in[lf - 1] == '\r' ? lf - 1 : lf;
    matcher_.start_at_line_break();
    const auto [m, used] = matcher_.run(delimiter_, in.substr(candidate));
    if (m == match::open || m == match::close) {
      if (candidate == start) return end_part(candidate + used, m == match::close);
      matcher_.stop();  // found again, from its line break, by the next call
      return emit_body(in.substr(start, candidate - start), candidate);
    }
    if (m == match::maybe) {  // the input ends inside what may be a delimiter line
      tail_size_ = in.size() - candidate;
      assert(tail_size_ <= tail_.size());
      std::memcpy(tail_.data(), in.data() + candidate, tail_size_);
      if (candidate == start) return {in.size(), status::need_more};
      return emit_body(in.substr(start, candidate - start), in.size());
    }
    from = lf + 1;
  }
}

feed_result splitter::feed_sized_body(std::string_view in) {
  const auto n = static_cast<std::size_t>(std::min<std::uint64_t>(remaining_, in.size()));
  if (n == 0) return {0, status::need_more};
  remaining_ -= n;
  if (remaining_ == 0) {
    pending_part_end_ = true;
    state_ = state::after_sized;
    reset_unit();
  }
  current_ = event{event_kind::body, {}, {}, in.substr(0, n)};
  return {n, status::event};
}

feed_result splitter::emit_body(std::string_view bytes, std::size_t consumed) {
  const std::uint64_t room = limits_.max_body - body_size_;
  if (bytes.size() > room) {
    if (room == 0) return fail(error::body_too_large, consumed);
    bytes = bytes.substr(0, static_cast<std::size_t>(room));
    pending_error_ = error::body_too_large;
  }
  body_size_ += bytes.size();
  current_ = event{event_kind::body, {}, {}, bytes};
  return {consumed, status::event};
}

feed_result splitter::end_part(std::size_t consumed, bool closing) {
  current_ = event{event_kind::part_end, {}, {}, {}};
  if (closing) {
    pending_close_ = true;
    state_ = state::epilogue;
  } else {
    state_ = state::part_start;
  }
  reset_unit();
  return {consumed, status::event};
}

}  // namespace eventwire::multipart
