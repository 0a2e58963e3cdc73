#pragma once

#include <cstdint>
#include <string_view>

namespace eventwire::websocket {

// Checks UTF-8 (RFC 3629) incrementally: a sequence may be cut anywhere between two feeds.
// Overlong forms, surrogates (U+D800..U+DFFF) and code points above U+10FFFF are invalid.
class utf8_validator {
 public:
  // Checks `bytes` as the continuation of everything fed so far; false from the first invalid
  // byte on, until reset().
  bool feed(std::string_view bytes) noexcept;

  // No sequence is left open: the text fed so far may end here.
  bool complete() const noexcept { return needed_ == 0 && !failed_; }

  bool failed() const noexcept { return failed_; }

  void reset() noexcept { *this = utf8_validator{}; }

 private:
  bool accept_byte(std::uint8_t byte) noexcept;

  std::uint8_t needed_ = 0;    // continuation bytes still owed by the open sequence
  std::uint8_t lowest_ = 0x80;  // the range the next continuation byte must fall in
  std::uint8_t highest_ = 0xBF;
  bool failed_ = false;
};

// Whether `text` is whole, valid UTF-8.
bool is_valid_utf8(std::string_view text) noexcept;

}  // namespace eventwire::websocket
