#include <eventwire/websocket/mask.hpp>

#include <cstring>

namespace eventwire::websocket {

void copy_masked(char* out, std::string_view in, const mask_key& key, std::size_t offset) noexcept {
  // The key as it lines up with in[0], repeated over one 8-byte word.
  std::uint8_t pattern[8];
  for (std::size_t i = 0; i < 8; ++i) pattern[i] = key[(offset + i) % 4];
  std::uint64_t word_key;
  std::memcpy(&word_key, pattern, sizeof word_key);

  const char* src = in.data();
  const std::size_t size = in.size();
  std::size_t i = 0;
  for (; i + 8 <= size; i += 8) {
    std::uint64_t w;
    std::memcpy(&w, src + i, sizeof w);
    w ^= word_key;
    std::memcpy(out + i, &w, sizeof w);
  }
  for (; i < size; ++i) out[i] = static_cast<char>(static_cast<std::uint8_t>(src[i]) ^ pattern[i % 8]);
}

void apply_mask(std::span<char> data, const mask_key& key, std::size_t offset) noexcept {
  copy_masked(data.data(), std::string_view(data.data(), data.size()), key, offset);
}

}  // namespace eventwire::websocket
