#include <eventwire/multipart/detail/line_probe.hpp>

#include <eventwire/multipart/detail/ascii.hpp>
#include <eventwire/multipart/event.hpp>

namespace eventwire::multipart::detail {

void line_probe::start(line_rules rules) noexcept {
  rules_ = rules;
  delimiter_.start_at_line_start();
  head_ = rules.headers || rules.continuation ? head::first : head::dead;
  blank_ = blank::empty;
  heartbeat_ = rules.heartbeat ? 0 : heartbeat_dead;
}

line_kind line_probe::step(const delimiter& d, char c) noexcept {
  const match m = delimiter_.step(d, c);
  if (m == match::open) return line_kind::delimiter;
  if (m == match::close) return line_kind::close_delimiter;

  constexpr auto beat_size = static_cast<std::uint8_t>(heartbeat_line.size());
  if (heartbeat_ < beat_size) {
    heartbeat_ = to_lower(c) == to_lower(heartbeat_line[heartbeat_])
                     ? static_cast<std::uint8_t>(heartbeat_ + 1)
                     : heartbeat_dead;
  } else if (heartbeat_ != heartbeat_dead) {
    if (c == '\n') return line_kind::heartbeat;
    heartbeat_ = heartbeat_ == beat_size && c == '\r' ? static_cast<std::uint8_t>(beat_size + 1)
                                                 : heartbeat_dead;
  }

  if (blank_ != blank::dead) {
    if (c == '\n') return line_kind::blank;
    blank_ = blank_ == blank::empty && c == '\r' ? blank::after_cr : blank::dead;
  }

  switch (head_) {
    case head::first:
      if (is_space(c)) head_ = rules_.continuation ? head::continuation : head::dead;
      else head_ = rules_.headers && is_tchar(c) ? head::name : head::dead;
      break;
    case head::name:
      if (c == ':') head_ = head::colon;
      else if (!is_tchar(c)) head_ = head::dead;
      break;
    case head::dead:
    case head::colon:
    case head::continuation:
      break;
  }

  if (c == '\n') return decided();
  if (delimiter_.active() || heartbeat_ != heartbeat_dead || blank_ != blank::dead ||
      head_ == head::name)
    return line_kind::undecided;
  return decided();
}

line_probe::run_result line_probe::run(const delimiter& d, std::string_view bytes) noexcept {
  std::size_t i = 0;
  while (i < bytes.size()) {
    // Only a header name is still possible: skip its characters without the other recognisers.
    if (head_ == head::name && !delimiter_.active() && heartbeat_ == heartbeat_dead &&
        blank_ == blank::dead) {
      while (i < bytes.size() && is_tchar(bytes[i])) ++i;
      if (i == bytes.size()) break;
    }
    const line_kind k = step(d, bytes[i]);
    if (k == line_kind::undecided) {
      ++i;
      continue;
    }
    if (k == line_kind::plain && rules_.headers) return {k, i};
    return {k, i + 1};
  }
  return {line_kind::undecided, i};
}

line_kind line_probe::decided() const noexcept {
  if (head_ == head::colon) return line_kind::header;
  if (head_ == head::continuation) return line_kind::continuation;
  return line_kind::plain;
}

line_kind line_probe::at_end() const noexcept {
  const match m = delimiter_.at_end();
  if (m == match::open) return line_kind::delimiter;
  if (m == match::close) return line_kind::close_delimiter;
  if (heartbeat_ != heartbeat_dead && heartbeat_ >= heartbeat_line.size()) return line_kind::heartbeat;
  if (blank_ != blank::dead) return line_kind::blank;
  return decided();
}

}  // namespace eventwire::multipart::detail
