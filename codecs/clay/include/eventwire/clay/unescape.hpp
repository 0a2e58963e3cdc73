#pragma once

#include <eventwire/json/raw_string.hpp>

#include <cstddef>

namespace eventwire::clay {

// Decodes the escapes of `s` (a JSON string the reader has validated) into `out`, which has room
// for `capacity` bytes, and sets `written` to the decoded length. Returns false, with `out`
// partly written, when the decoded text needs more than `capacity` bytes. Never writes past
// `capacity`. Eight bytes are copied at a time between backslashes, in one pass.
bool unescape(const json::raw_string& s, char* out, std::size_t capacity,
              std::size_t& written) noexcept;

}  // namespace eventwire::clay
