#pragma once

#include <eventwire/multipart/detail/delimiter_matcher.hpp>

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace eventwire::multipart::detail {

// What a line outside a body is. header, continuation and plain can be known before the line's
// LF (the rest of the line then belongs to it); the others are known at the LF.
enum class line_kind : unsigned char {
  undecided,
  header,           // `name: value`
  continuation,     // starts with a space or tab after a header: folds into the previous value
  plain,            // none of the others
  blank,            // CR LF or LF alone
  delimiter,        // a delimiter line
  close_delimiter,  // a close delimiter line
  heartbeat,        // heartbeat_line
};

// Which kinds a line may be where it is.
struct line_rules {
  bool headers = false;
  bool continuation = false;
  bool heartbeat = false;
};

// Classifies one line a byte at a time, reading only as far as needed to decide: the first byte
// of a JSON body (`{`) decides at once, a header name is read up to its colon.
class line_probe {
 public:
  void start(line_rules rules) noexcept;
  // The verdict after one more byte of the line. Once header, continuation or plain, stop feeding
  // bytes until the LF; the byte that made a line plain may be the first byte of something else.
  line_kind step(const delimiter& d, char c) noexcept;
  // Steps through `bytes` until the line is decided, skimming a header name in one loop. `used`
  // counts the bytes that belong to the line: where headers are allowed, the byte that made the
  // line plain begins the body instead and is not counted.
  struct run_result {
    line_kind kind;
    std::size_t used;
  };
  run_result run(const delimiter& d, std::string_view bytes) noexcept;
  // What the line read so far is if the input ends here (no LF).
  line_kind at_end() const noexcept;

 private:
  enum class head : unsigned char { dead, first, name, colon, continuation };
  enum class blank : unsigned char { dead, empty, after_cr };
  static constexpr std::uint8_t heartbeat_dead = 0xff;

  line_kind decided() const noexcept;

  line_rules rules_;
  delimiter_matcher delimiter_;
  head head_ = head::dead;
  blank blank_ = blank::dead;
  std::uint8_t heartbeat_ = heartbeat_dead;  // bytes of heartbeat_line matched; +1 after its CR
};

}  // namespace eventwire::multipart::detail
