// The splitter outside bodies: the preamble, heartbeats, delimiter lines and header blocks, read
// line by line. A line or header block that spans inputs is kept in held_.

#include <eventwire/multipart/splitter.hpp>

#include <eventwire/multipart/detail/ascii.hpp>
#include <eventwire/multipart/error.hpp>

#include <cassert>
#include <charconv>
#include <cstring>

namespace eventwire::multipart {

using codec::feed_result;
using codec::status;
using detail::line_kind;

// Where one feed_lines call is in its input. The current unit (a line, or a header block) began
// at unit_begin in this input, or, when unit_held_, in an earlier input: its first bytes are then
// held_[0, held_base) and in[0, appended) has been appended after them.
struct splitter::cursor {
  std::string_view in;
  std::size_t pos = 0;
  std::size_t unit_begin = 0;
  std::size_t held_base = 0;
  std::size_t appended = 0;
};

detail::line_rules splitter::rules() const noexcept {
  switch (state_) {
    case state::part_start: return {.headers = true, .continuation = false, .heartbeat = true};
    case state::headers: return {.headers = true, .continuation = true, .heartbeat = false};
    default: return {.headers = false, .continuation = false, .heartbeat = true};
  }
}

feed_result splitter::feed_lines(std::string_view in) {
  cursor c{in, 0, 0, unit_held_ ? held_.size() : 0, 0};
  while (c.pos < in.size()) {
    if (line_kind_ == line_kind::undecided) {
      const auto [k, used] = probe_.run(delimiter_, in.substr(c.pos));
      c.pos += used;
      if (const auto ec = count(used)) return fail(ec, c.pos);
      if (k == line_kind::undecided) break;
      line_kind_ = k;
      if (k == line_kind::plain) {
        // In the header area the byte that made the line plain is the body's, not the line's.
        if (in_header_area()) return begin_body_in_line(c);
        if (state_ == state::after_sized) return fail(error::data_after_body, c.pos);
        if (unit_held_) {  // a skipped preamble line need not be kept
          held_.clear();
          unit_held_ = false;
        }
      }
      if (in[c.pos - 1] == '\n') {
        if (auto event = end_line(c)) return *event;
        continue;
      }
    }
    // The line's kind is known; its remaining bytes only count until its LF.
    const void* lf = std::memchr(in.data() + c.pos, '\n', in.size() - c.pos);
    const std::size_t stop =
        lf != nullptr ? static_cast<std::size_t>(static_cast<const char*>(lf) - in.data()) + 1
                      : in.size();
    if (const auto ec = count(stop - c.pos)) return fail(ec, stop);
    c.pos = stop;
    if (lf != nullptr) {
      if (auto event = end_line(c)) return *event;
    }
  }
  keep_unit(c);
  return {in.size(), status::need_more};
}

std::optional<feed_result> splitter::end_line(cursor& c) {
  switch (line_kind_) {
    case line_kind::delimiter:
    case line_kind::close_delimiter:
      if (state_ == state::headers) return end_header_block(c, line_kind_);
      if (line_kind_ == line_kind::close_delimiter) return close(c.pos);
      state_ = state::part_start;
      next_unit(c);
      return std::nullopt;
    case line_kind::heartbeat: {
      std::string_view line = unit_view(c, c.pos).substr(line_start_);
      line.remove_suffix(1);
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      return heartbeat(line, c.pos);
    }
    case line_kind::blank:
      if (in_header_area()) return end_header_block(c, line_kind::blank);
      next_unit(c);
      return std::nullopt;
    case line_kind::header:
    case line_kind::continuation:
      state_ = state::headers;
      next_line_in_block(c);
      return std::nullopt;
    case line_kind::plain:  // a preamble line
    case line_kind::undecided:
      break;
  }
  next_unit(c);
  return std::nullopt;
}

feed_result splitter::end_header_block(cursor& c, line_kind terminal) {
  const std::string_view block = unit_view(c, c.pos).substr(0, line_start_);
  return part_begin(block, terminal, c.pos);
}

// The line that ends the header area is not a header: the body begins with it. Its bytes read so
// far hold no line break (at most a CR that the next byte showed is not one); they are copied to
// held_ and emitted as the body's first bytes by the next call.
feed_result splitter::begin_body_in_line(cursor& c) {
  const std::string_view unit = unit_view(c, c.pos);
  const std::string_view prefix = unit.substr(line_start_);
  if (!prefix.empty()) {
    if (unit_held_) {
      prefix_begin_ = line_start_;
    } else {
      hold(prefix);
      prefix_begin_ = 0;
      release_held_ = true;
    }
    pending_prefix_ = true;
  }
  return part_begin(unit.substr(0, line_start_), line_kind::plain, c.pos);
}

feed_result splitter::part_begin(std::string_view block, line_kind terminal, std::size_t consumed) {
  if (const auto ec = parse_fields(block)) return fail(ec, consumed);
  current_ = event{event_kind::part_begin, fields_, content_length_, {}};
  body_size_ = 0;
  if (terminal == line_kind::delimiter || terminal == line_kind::close_delimiter) {
    if (content_length_.value_or(0) > 0) {
      pending_error_ = error::body_shorter_than_content_length;
    } else {
      pending_part_end_ = true;
      pending_close_ = terminal == line_kind::close_delimiter;
    }
    state_ = pending_close_ ? state::epilogue : state::part_start;
  } else if (content_length_) {
    state_ = state::sized_body;
    remaining_ = *content_length_;
    if (remaining_ == 0 && !pending_prefix_) {
      pending_part_end_ = true;
      state_ = state::after_sized;
    }
  } else {
    state_ = state::body;
    if (terminal == line_kind::blank) matcher_.start_at_line_start();
    else matcher_.stop();  // the body's first line is known not to be a delimiter
  }
  reset_unit();
  return {consumed, status::event};
}

std::error_code splitter::parse_fields(std::string_view block) {
  fields_.clear();
  content_length_.reset();
  while (!block.empty()) {
    const std::size_t lf = block.find('\n');
    std::string_view line = block.substr(0, lf);
    block.remove_prefix(lf == std::string_view::npos ? block.size() : lf + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (!line.empty() && detail::is_space(line.front())) {
      const std::string_view more = detail::trim(line);
      if (fields_.empty() || more.empty()) continue;
      std::string_view& value = fields_.back().value;
      const char* begin = value.empty() ? more.data() : value.data();
      value = {begin, static_cast<std::size_t>(more.data() + more.size() - begin)};
      continue;
    }
    if (fields_.size() == limits_.max_header_fields) return error::too_many_header_fields;
    const std::size_t colon = line.find(':');
    fields_.push_back({line.substr(0, colon), detail::trim(line.substr(colon + 1))});
  }
  for (const header_field& f : fields_) {
    if (!detail::iequals(f.name, "Content-Length")) continue;
    std::uint64_t n = 0;
    const char* last = f.value.data() + f.value.size();
    const auto [end, ec] = std::from_chars(f.value.data(), last, n);
    if (f.value.empty() || ec != std::errc{} || end != last) return error::invalid_content_length;
    if (content_length_ && *content_length_ != n) return error::invalid_content_length;
    content_length_ = n;
  }
  if (content_length_ && *content_length_ > limits_.max_body) return error::body_too_large;
  return {};
}

feed_result splitter::finish_lines() {
  const std::size_t line_bytes = counted_ - line_start_;
  line_kind k = line_kind_;
  if (k == line_kind::undecided) k = line_bytes == 0 ? line_kind::blank : probe_.at_end();
  std::string_view line;
  if (unit_held_) {
    line = std::string_view(held_).substr(line_start_);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  }
  const bool closing = k == line_kind::close_delimiter;
  switch (state_) {
    case state::headers:
      if (k == line_kind::delimiter || closing)
        return part_begin(std::string_view(held_).substr(0, line_start_), k, 0);
      return fail(error::truncated_part, 0);
    case state::part_start:
      if (closing) return close(0);
      if (k == line_kind::heartbeat) return heartbeat(line, 0);
      if (line_bytes != 0 && k != line_kind::delimiter && k != line_kind::blank)
        return fail(error::truncated_part, 0);
      break;
    default:  // preamble, after_sized: a line that was not a delimiter failed when it was read
      if (closing) return close(0);
      if (k == line_kind::heartbeat) return heartbeat(line, 0);
      break;
  }
  reset_unit();
  return {0, status::need_more};
}

std::error_code splitter::count(std::size_t n) noexcept {
  counted_ += n;
  if (in_header_area())
    return counted_ > limits_.max_header_block ? make_error_code(error::header_block_too_large)
                                               : std::error_code{};
  return counted_ > limits_.max_line ? make_error_code(error::line_too_long) : std::error_code{};
}

std::string_view splitter::unit_view(cursor& c, std::size_t end) {
  if (!unit_held_) return c.in.substr(c.unit_begin, end - c.unit_begin);
  if (end > c.appended) {
    hold(c.in.substr(c.appended, end - c.appended));
    c.appended = end;
  }
  return std::string_view(held_).substr(0, c.held_base + end);
}

// At the end of an input, keeps the bytes of the current unit that a later input may need.
void splitter::keep_unit(cursor& c) {
  if (!in_header_area() && line_kind_ != line_kind::undecided) return;  // a line being skipped
  if (unit_held_) {
    hold(c.in.substr(c.appended));
  } else {
    assert(held_.empty());
    hold(c.in.substr(c.unit_begin));
    unit_held_ = true;
  }
}

void splitter::next_unit(cursor& c) {
  if (unit_held_) {  // no event views it: free it now
    held_.clear();
    unit_held_ = false;
  }
  reset_unit();
  c.unit_begin = c.pos;
}

void splitter::next_line_in_block(cursor& c) {
  line_start_ = unit_held_ ? c.held_base + c.pos : c.pos - c.unit_begin;
  line_kind_ = line_kind::undecided;
  probe_.start(rules());
}

// Starts a new unit after an event; held_ may still back that event, so it is released later.
void splitter::reset_unit() noexcept {
  if (unit_held_) release_held_ = true;
  unit_held_ = false;
  counted_ = 0;
  line_start_ = 0;
  line_kind_ = line_kind::undecided;
  probe_.start(rules());
}

void splitter::hold(std::string_view bytes) {
  if (held_.capacity() < held_limit_) held_.reserve(held_limit_);
  assert(held_.size() + bytes.size() <= held_limit_);
  held_.append(bytes);
}

}  // namespace eventwire::multipart
