#pragma once

#include <eventwire/websocket/mask.hpp>

#include <cstdint>
#include <span>

namespace eventwire::net::detail {

// Random bytes for masking keys and the Sec-WebSocket-Key nonce: a SplitMix64 generator seeded
// from std::random_device. Fast enough to draw a key per frame; the keys only need to be
// unpredictable to scripts sharing the path (RFC 6455 section 10.3), not secret.
class mask_key_source {
 public:
  mask_key_source();

  websocket::mask_key next_key() noexcept;
  void fill(std::span<std::uint8_t> out) noexcept;

 private:
  std::uint64_t next() noexcept;

  std::uint64_t state_;
};

}  // namespace eventwire::net::detail
