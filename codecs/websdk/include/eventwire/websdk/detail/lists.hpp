#pragma once

// Arrays of strings into reusable storage. Internal to the codec.

#include <eventwire/websdk/detail/decode_pass.hpp>

#include <cstddef>
#include <span>
#include <vector>

namespace eventwire::websdk::detail {

// Reads an array of strings (or null, for none) into `storage` and points `out` at it. Each list
// of one message has a storage of its own, so the span stays valid.
inline bool string_list(decode_pass& pass, const key_path& at, std::size_t max_elements,
                        std::vector<json::raw_string>& storage,
                        std::span<const json::raw_string>& out) {
  storage.clear();
  out = {};
  if (pass.reader().try_null()) return true;
  const bool ok = pass.array(at, max_elements, [&](std::size_t, const key_path& path) {
    return pass.string(path, storage.emplace_back());
  });
  out = storage;
  return ok;
}

}  // namespace eventwire::websdk::detail
