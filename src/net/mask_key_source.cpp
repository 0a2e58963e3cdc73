#include "detail/mask_key_source.hpp"

#include <algorithm>
#include <cstring>
#include <random>

namespace eventwire::net::detail {

mask_key_source::mask_key_source() {
  std::random_device device;
  state_ = static_cast<std::uint64_t>(device()) << 32 | device();
}

std::uint64_t mask_key_source::next() noexcept {
  std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

websocket::mask_key mask_key_source::next_key() noexcept {
  websocket::mask_key key;
  fill(key);
  return key;
}

void mask_key_source::fill(std::span<std::uint8_t> out) noexcept {
  for (std::size_t i = 0; i < out.size(); i += 8) {
    const std::uint64_t bits = next();
    std::memcpy(out.data() + i, &bits, std::min<std::size_t>(8, out.size() - i));
  }
}

}  // namespace eventwire::net::detail
