#pragma once

#include <eventwire/codec/feed_result.hpp>
#include <eventwire/multipart/detail/delimiter_matcher.hpp>
#include <eventwire/multipart/detail/line_probe.hpp>
#include <eventwire/multipart/event.hpp>
#include <eventwire/multipart/header_field.hpp>
#include <eventwire/multipart/limits.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

namespace eventwire::multipart {

// Splits a never-ending multipart/mixed body into part, body and heartbeat events as bytes arrive.
// A pure state machine: no I/O, no clock, no exceptions for bad input.
//
// Delimiter lines are "--" boundary, or the boundary alone when it starts with "--" (Genetec), then
// an optional "--" that closes the stream, spaces or tabs, and CR LF or LF. Before the first
// delimiter, lines are skipped (a preamble such as `ConnectionId:<guid>`). After a delimiter, a
// heartbeat_line is reported and never becomes a part; header lines follow, ended by a blank line
// or, leniently, by the first line that is not a header, which then begins the body. With a
// Content-Length the body is exactly that many bytes; without, it ends before the line break that
// precedes the next delimiter line.
//
// feed() stops after each event: status::event with `consumed` up to the end of it; call feed()
// again with the rest (even when nothing is left) until it returns need_more, which means every
// byte was consumed. The event's views (current()) live until the next feed, finish or reset call.
class splitter {
 public:
  explicit splitter(std::string_view boundary, limits lim = {});

  codec::feed_result feed(std::string_view input);
  // Marks the end of input; call until it returns something other than status::event. A part cut
  // short is then an error; a stream cut between parts is not. Call reset() before feeding again.
  codec::feed_result finish();
  void reset();

  const event& current() const noexcept { return current_; }
  // Set on status::error and kept until reset(); an invalid boundary keeps it for good.
  std::error_code error() const noexcept { return error_; }
  const limits& configured_limits() const noexcept { return limits_; }
  // Memory kept for header blocks and lines that span inputs: at most
  // max(max_header_block, detail::delimiter::max_line), allocated once.
  std::size_t buffer_capacity() const noexcept { return held_.capacity(); }

  friend std::ostream& operator<<(std::ostream& os, const splitter& s);

 private:
  enum class state : unsigned char {
    preamble,     // before the first delimiter
    part_start,   // after a delimiter, before anything of the next part
    headers,      // inside a header block
    body,         // a body that ends at the next delimiter
    sized_body,   // a body of Content-Length bytes
    after_sized,  // after a Content-Length body, before the next delimiter
    epilogue,     // after the close delimiter
  };
  struct cursor;

  codec::feed_result feed_lines(std::string_view in);
  codec::feed_result feed_body(std::string_view in);
  codec::feed_result feed_sized_body(std::string_view in);
  codec::feed_result finish_lines();
  std::optional<codec::feed_result> end_line(cursor& c);
  codec::feed_result end_header_block(cursor& c, detail::line_kind terminal);
  codec::feed_result begin_body_in_line(cursor& c);
  codec::feed_result part_begin(std::string_view block, detail::line_kind terminal,
                                std::size_t consumed);
  codec::feed_result end_part(std::size_t consumed, bool closing);
  codec::feed_result heartbeat(std::string_view line, std::size_t consumed);
  codec::feed_result close(std::size_t consumed);
  codec::feed_result emit_body(std::string_view bytes, std::size_t consumed);
  codec::feed_result fail(std::error_code ec, std::size_t consumed);
  std::optional<codec::feed_result> emit_pending();
  std::error_code parse_fields(std::string_view block);
  std::error_code count(std::size_t n) noexcept;
  std::string_view unit_view(cursor& c, std::size_t end);
  void keep_unit(cursor& c);
  void next_unit(cursor& c);
  void next_line_in_block(cursor& c);
  void reset_unit() noexcept;
  void hold(std::string_view bytes);
  void release_event_buffers() noexcept;
  bool in_header_area() const noexcept {
    return state_ == state::part_start || state_ == state::headers;
  }
  detail::line_rules rules() const noexcept;

  detail::delimiter delimiter_;
  limits limits_;
  std::size_t held_limit_;
  std::error_code boundary_error_;

  state state_ = state::preamble;
  std::error_code error_;
  event current_;
  std::vector<header_field> fields_;
  std::optional<std::uint64_t> content_length_;

  // Lines outside bodies. A unit is a line, or in the header area the whole header block; when it
  // spans inputs its bytes so far are in held_.
  std::string held_;
  bool unit_held_ = false;
  std::size_t counted_ = 0;     // bytes of the unit read so far, checked against its limit
  std::size_t line_start_ = 0;  // offset of the current line within the unit
  detail::line_kind line_kind_ = detail::line_kind::undecided;
  detail::line_probe probe_;

  // Bodies. A possible delimiter line at the end of an input waits in tail_.
  detail::delimiter_matcher matcher_;
  std::array<char, detail::delimiter::max_line> tail_{};
  std::size_t tail_size_ = 0;
  std::uint64_t body_size_ = 0;
  std::uint64_t remaining_ = 0;

  // Events owed to the caller, emitted by the next calls with nothing consumed.
  bool pending_prefix_ = false;  // a body's first bytes, read as a line, wait in held_
  std::size_t prefix_begin_ = 0;
  bool pending_part_end_ = false;
  bool pending_close_ = false;
  std::error_code pending_error_;
  bool release_held_ = false;
  bool release_tail_ = false;
};

}  // namespace eventwire::multipart
