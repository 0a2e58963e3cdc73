#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace eventwire::json {

// Where a whole-value decoder is in the document, as a chain of stack frames: costs nothing until
// an error needs it rendered (`p.r[2].i`, `Notifications[3].EventType`; the document itself
// renders as the empty path).
class key_path {
 public:
  key_path() = default;

  key_path member(std::string_view key) const noexcept { return key_path(this, key, 0, false); }
  key_path element(std::size_t index) const noexcept { return key_path(this, {}, index, true); }

  // Appends the rendered path to `out`; an empty key renders as `""`.
  void render(std::string& out) const;

 private:
  key_path(const key_path* parent, std::string_view key, std::size_t index, bool is_element) noexcept
      : parent_(parent), key_(key), index_(index), is_element_(is_element) {}

  const key_path* parent_ = nullptr;  // null for the document
  std::string_view key_;              // a member's key
  std::size_t index_ = 0;             // an array element's index
  bool is_element_ = false;
};

}  // namespace eventwire::json
