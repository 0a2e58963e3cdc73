#include <eventwire/multipart/detail/delimiter_matcher.hpp>

#include <algorithm>
#include <cstring>

namespace eventwire::multipart::detail {

delimiter::delimiter(std::string_view boundary) noexcept {
  const std::size_t n = std::min(boundary.size(), max_boundary_size);
  text_[0] = text_[1] = '-';
  std::copy_n(boundary.data(), n, text_.data() + 2);
  size_ = static_cast<std::uint8_t>(n + 2);
  bare_ = n > 2 && boundary.substr(0, 2) == "--";
}

std::string_view delimiter::text(std::size_t form) const noexcept {
  if (form == 0) return {text_.data(), size_};
  if (bare_) return {text_.data() + 2, static_cast<std::size_t>(size_ - 2)};
  return {};
}

void delimiter_matcher::start_tracks() noexcept {
  for (track& t : tracks_) t = track{phase::text};
  lead_ = lead::line;
}

void delimiter_matcher::start_at_line_break() noexcept { lead_ = lead::line_break; }

void delimiter_matcher::start_at_line_start() noexcept { start_tracks(); }

match delimiter_matcher::step(track& t, std::string_view text, char c) noexcept {
  switch (t.at) {
    case phase::dead:
      return match::no;
    case phase::text:
      if (text.empty() || c != text[t.index]) break;
      if (++t.index == text.size()) t.at = phase::after_text;
      return match::maybe;
    case phase::after_text:
      if (c == '-') {
        t.at = phase::closing_dash;
        return match::maybe;
      }
      [[fallthrough]];
    case phase::padding:
      if (c == ' ' || c == '\t') {
        if (++t.padding > delimiter::max_padding) break;
        t.at = phase::padding;
        return match::maybe;
      }
      if (c == '\r') {
        t.at = phase::cr;
        return match::maybe;
      }
      if (c == '\n') return t.closing ? match::close : match::open;
      break;
    case phase::closing_dash:
      if (c != '-') break;
      t.closing = true;
      t.at = phase::padding;
      return match::maybe;
    case phase::cr:
      if (c == '\n') return t.closing ? match::close : match::open;
      break;
  }
  t.at = phase::dead;
  return match::no;
}

match delimiter_matcher::step(const delimiter& d, char c) noexcept {
  switch (lead_) {
    case lead::idle:
      return match::no;
    case lead::line_break:
      if (c == '\r') {
        lead_ = lead::after_cr;
        return match::maybe;
      }
      if (c != '\n') break;
      start_tracks();
      return match::maybe;
    case lead::after_cr:
      if (c != '\n') break;
      start_tracks();
      return match::maybe;
    case lead::line: {
      match verdict = match::no;
      for (std::size_t form = 0; form < tracks_.size(); ++form) {
        const match m = step(tracks_[form], d.text(form), c);
        if (m == match::open || m == match::close) {
          lead_ = lead::idle;
          return m;  // the standard form wins a tie
        }
        if (m == match::maybe) verdict = match::maybe;
      }
      if (verdict == match::no) lead_ = lead::idle;
      return verdict;
    }
  }
  lead_ = lead::idle;
  return match::no;
}

// While every live track is still reading its text, compares the next bytes with each text at
// once. Returns how many bytes that settled; when it killed every track, all_dead is set and the
// result is the offset of the byte that killed the last one.
std::size_t delimiter_matcher::compare_texts(const delimiter& d, std::string_view bytes,
                                             bool& all_dead) noexcept {
  std::size_t span = bytes.size();
  for (std::size_t form = 0; form < tracks_.size(); ++form) {
    track& t = tracks_[form];
    if (t.at == phase::text && d.text(form).empty()) t.at = phase::dead;  // no bare form
    if (t.at == phase::dead) continue;
    if (t.at != phase::text) return 0;
    span = std::min(span, d.text(form).size() - t.index);
  }
  if (span < 2) return 0;
  std::size_t last_death = 0;
  bool any_alive = false;
  for (std::size_t form = 0; form < tracks_.size(); ++form) {
    track& t = tracks_[form];
    if (t.at == phase::dead) continue;
    const std::string_view text = d.text(form).substr(t.index, span);
    const std::size_t equal =
        std::memcmp(text.data(), bytes.data(), span) == 0
            ? span
            : static_cast<std::size_t>(
                  std::mismatch(text.begin(), text.end(), bytes.begin()).first - text.begin());
    if (equal < span) {
      t.at = phase::dead;
      last_death = std::max(last_death, equal);
      continue;
    }
    any_alive = true;
    t.index = static_cast<std::uint8_t>(t.index + span);
    if (t.index == d.text(form).size()) t.at = phase::after_text;
  }
  all_dead = !any_alive;
  return any_alive ? span : last_death;
}

delimiter_matcher::run_result delimiter_matcher::run(const delimiter& d,
                                                     std::string_view bytes) noexcept {
  std::size_t i = 0;
  while (i < bytes.size()) {
    if (lead_ == lead::line) {
      bool all_dead = false;
      const std::size_t settled = compare_texts(d, bytes.substr(i), all_dead);
      if (all_dead) {
        lead_ = lead::idle;
        return {match::no, i + settled};
      }
      i += settled;
      if (i == bytes.size()) break;
    }
    const match m = step(d, bytes[i]);
    if (m == match::no) return {m, i};
    ++i;
    if (m != match::maybe) return {m, i};
  }
  return {match::maybe, i};
}

match delimiter_matcher::at_end() const noexcept {
  if (lead_ != lead::line) return match::no;
  for (const track& t : tracks_) {
    if (t.at == phase::after_text || t.at == phase::padding || t.at == phase::cr)
      return t.closing ? match::close : match::open;
  }
  return match::no;
}

}  // namespace eventwire::multipart::detail
