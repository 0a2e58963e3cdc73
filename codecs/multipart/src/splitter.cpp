#include <eventwire/multipart/splitter.hpp>

#include <eventwire/multipart/boundary.hpp>
#include <eventwire/multipart/error.hpp>

#include <algorithm>
#include <cassert>
#include <ostream>

namespace eventwire::multipart {

using codec::feed_result;
using codec::status;
using detail::line_kind;
using detail::match;

splitter::splitter(std::string_view boundary, limits lim)
    : delimiter_(boundary),
      limits_(lim),
      held_limit_(std::max(lim.max_header_block, detail::delimiter::max_line)) {
  if (!is_valid_boundary(boundary)) boundary_error_ = error::invalid_boundary;
  reset();
}

void splitter::reset() {
  state_ = state::preamble;
  error_ = boundary_error_;
  current_ = event{};
  fields_.clear();
  content_length_.reset();
  held_.clear();
  reset_unit();
  matcher_.stop();
  tail_size_ = 0;
  body_size_ = remaining_ = 0;
  pending_prefix_ = pending_part_end_ = pending_close_ = false;
  pending_error_.clear();
  release_held_ = release_tail_ = false;
}

feed_result splitter::feed(std::string_view input) {
  if (error_) return {0, status::error};
  release_event_buffers();
  if (auto pending = emit_pending()) return *pending;
  switch (state_) {
    case state::body: return feed_body(input);
    case state::sized_body: return feed_sized_body(input);
    case state::epilogue: return {input.size(), status::need_more};
    case state::preamble:
    case state::part_start:
    case state::headers:
    case state::after_sized: break;
  }
  return feed_lines(input);
}

feed_result splitter::finish() {
  if (error_) return {0, status::error};
  release_event_buffers();
  if (auto pending = emit_pending()) return *pending;
  switch (state_) {
    case state::body:
      if (matcher_.active() && tail_size_ > 0) {
        const match m = matcher_.at_end();
        if (m == match::open || m == match::close) {
          matcher_.stop();
          tail_size_ = 0;
          return end_part(0, m == match::close);
        }
      }
      return fail(error::truncated_part, 0);
    case state::sized_body: return fail(error::truncated_part, 0);
    case state::epilogue: return {0, status::need_more};
    case state::preamble:
    case state::part_start:
    case state::headers:
    case state::after_sized: break;
  }
  return finish_lines();
}

// ---- events ---------------------------------------------------------------------------------

feed_result splitter::heartbeat(std::string_view line, std::size_t consumed) {
  current_ = event{event_kind::heartbeat, {}, {}, line};
  reset_unit();
  return {consumed, status::event};
}

feed_result splitter::close(std::size_t consumed) {
  current_ = event{event_kind::close, {}, {}, {}};
  state_ = state::epilogue;
  reset_unit();
  return {consumed, status::event};
}

feed_result splitter::fail(std::error_code ec, std::size_t consumed) {
  error_ = ec;
  return {consumed, status::error};
}

std::optional<feed_result> splitter::emit_pending() {
  if (pending_prefix_) {
    pending_prefix_ = false;
    std::string_view prefix = std::string_view(held_).substr(prefix_begin_);
    if (state_ != state::sized_body) return emit_body(prefix, 0);
    const auto n = static_cast<std::size_t>(std::min<std::uint64_t>(remaining_, prefix.size()));
    remaining_ -= n;
    if (n < prefix.size()) {
      pending_error_ = error::data_after_body;
    } else if (remaining_ == 0) {
      pending_part_end_ = true;
      state_ = state::after_sized;
      reset_unit();
    }
    if (n > 0) {
      current_ = event{event_kind::body, {}, {}, prefix.substr(0, n)};
      return feed_result{0, status::event};
    }
  }
  if (pending_part_end_) {
    pending_part_end_ = false;
    current_ = event{event_kind::part_end, {}, {}, {}};
    return feed_result{0, status::event};
  }
  if (pending_close_) {
    pending_close_ = false;
    current_ = event{event_kind::close, {}, {}, {}};
    return feed_result{0, status::event};
  }
  if (pending_error_) {
    const std::error_code ec = pending_error_;
    pending_error_.clear();
    return fail(ec, 0);
  }
  return std::nullopt;
}

void splitter::release_event_buffers() noexcept {
  if (release_tail_) {
    tail_size_ = 0;
    release_tail_ = false;
  }
  if (release_held_ && !pending_prefix_) {
    held_.clear();
    release_held_ = false;
  }
}

std::ostream& operator<<(std::ostream& os, const splitter& s) {
  static constexpr const char* names[] = {"preamble", "part_start", "headers",  "body",
                                          "sized_body", "after_sized", "epilogue"};
  os << "multipart::splitter{" << names[static_cast<int>(s.state_)];
  if (s.error_) os << ", error: " << s.error_.message();
  return os << '}';
}

}  // namespace eventwire::multipart
