#pragma once

// Feeding one input to a codec in pieces, shared by the unit tests and the fuzz harnesses.

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <memory>
#include <span>
#include <string_view>
#include <vector>

namespace eventwire::testing {

// Cuts `input` at the ascending offsets `cuts` and calls feed(piece) for each piece in order.
// Each piece lives in a heap buffer of its own that is freed as soon as feed returns, so a codec
// that keeps a view past the feed it came from reads freed memory and ASan reports it.
template <class Feed>
void feed_in_chunks(std::string_view input, std::span<const std::size_t> cuts, Feed&& feed) {
  std::size_t begin = 0;
  auto emit = [&](std::size_t end) {
    const std::size_t n = end - begin;
    auto piece = std::make_unique<char[]>(n == 0 ? 1 : n);
    if (n != 0) std::memcpy(piece.get(), input.data() + begin, n);
    feed(std::string_view(piece.get(), n));
    begin = end;
  };
  for (std::size_t cut : cuts) {
    if (cut <= begin || cut >= input.size()) continue;
    emit(cut);
  }
  emit(input.size());
}

// Cuts after every byte: 1, 2, ..., size-1.
inline std::vector<std::size_t> every_byte(std::size_t size) {
  std::vector<std::size_t> cuts;
  for (std::size_t i = 1; i < size; ++i) cuts.push_back(i);
  return cuts;
}

// Up to `max_cuts` ascending cut offsets into an input of `size` bytes, chosen by `seed` bytes
// (two per cut). Fuzz harnesses take the seed from the front of their input.
inline std::vector<std::size_t> cuts_from_seed(std::string_view seed, std::size_t size,
                                               std::size_t max_cuts = 8) {
  std::vector<std::size_t> cuts;
  if (size < 2) return cuts;
  for (std::size_t i = 0; i + 1 < seed.size() && cuts.size() < max_cuts; i += 2) {
    const auto v = static_cast<std::size_t>(static_cast<unsigned char>(seed[i])) << 8 |
                   static_cast<unsigned char>(seed[i + 1]);
    cuts.push_back(1 + v % (size - 1));
  }
  std::sort(cuts.begin(), cuts.end());
  cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
  return cuts;
}

}  // namespace eventwire::testing
