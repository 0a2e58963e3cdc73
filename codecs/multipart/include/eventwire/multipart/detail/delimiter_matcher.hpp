#pragma once

#include <eventwire/multipart/boundary.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace eventwire::multipart::detail {

// The texts that open a delimiter line: "--" boundary, and, when the boundary itself starts with
// "--" (Genetec's "--GENETECBOUNDARY" is sent bare on the wire), the boundary alone.
class delimiter {
 public:
  static constexpr std::size_t max_padding = 16;  // spaces or tabs accepted after a delimiter
  // Line break before, "--" boundary, "--" closing mark, padding, CR LF.
  static constexpr std::size_t max_line = 2 + 2 + max_boundary_size + 2 + max_padding + 2;

  delimiter() = default;
  explicit delimiter(std::string_view boundary) noexcept;  // a valid boundary

  // form 0: "--" boundary; form 1: the boundary alone, or "" when it does not start with "--".
  std::string_view text(std::size_t form) const noexcept;

 private:
  std::array<char, 2 + max_boundary_size> text_{};
  std::uint8_t size_ = 0;
  bool bare_ = false;
};

enum class match : unsigned char { maybe, no, open, close };

// Recognises one delimiter line a byte at a time, so a line cut across two inputs is found without
// looking at any byte twice: an optional line break (CR LF or LF), a delimiter text, an optional
// "--" closing mark, transport padding and the line's own CR LF or LF. After a CR, an LF is always
// accepted, so a rejected candidate never splits a CR LF pair.
class delimiter_matcher {
 public:
  void start_at_line_break() noexcept;  // the next byte must be CR or LF
  void start_at_line_start() noexcept;  // the next byte is the first of a line
  void stop() noexcept { lead_ = lead::idle; }
  bool active() const noexcept { return lead_ != lead::idle; }

  match step(const delimiter& d, char c) noexcept;
  // Steps through `bytes` until a verdict other than maybe, comparing the delimiter text in bulk.
  // `used` counts the bytes taken; the byte that said no is not taken.
  struct run_result {
    match verdict;
    std::size_t used;
  };
  run_result run(const delimiter& d, std::string_view bytes) noexcept;
  // What the bytes seen so far are if the input ends here: a delimiter missing only its line end
  // is accepted.
  match at_end() const noexcept;

 private:
  enum class lead : unsigned char { idle, line_break, after_cr, line };
  enum class phase : unsigned char { dead, text, after_text, closing_dash, padding, cr };
  struct track {
    phase at = phase::dead;
    std::uint8_t index = 0;
    std::uint8_t padding = 0;
    bool closing = false;
  };
  static match step(track& t, std::string_view text, char c) noexcept;
  std::size_t compare_texts(const delimiter& d, std::string_view bytes, bool& all_dead) noexcept;
  void start_tracks() noexcept;

  lead lead_ = lead::idle;
  std::array<track, 2> tracks_{};
};

}  // namespace eventwire::multipart::detail
