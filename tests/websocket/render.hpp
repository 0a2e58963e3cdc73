#pragma once

// Runs a frame_decoder over an input cut at given offsets and renders what came out as text, so
// every test can compare the whole, split and byte-by-byte runs and read well.

#include <eventwire/websocket/event.hpp>
#include <eventwire/websocket/frame_decoder.hpp>
#include <eventwire/websocket/role.hpp>

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace eventwire::websocket::testing {

// "text Hello", "binary \x00\x01", "ping Hello", "close 1000 bye"; payloads over 64 bytes as
// their size and a hash.
std::string render(const event& e);

// Every event, one string each, then "end" when finish() succeeded or "error: <message>". A
// breach of the feed contract (consumed > size, need_more with bytes left) is a line of its own.
std::vector<std::string> decoded(role r, std::string_view input, std::span<const std::size_t> cuts,
                                 std::size_t max_message_size = frame_decoder::default_max_message_size);

// A decode function for eventwire::testing::check_all_splits.
inline auto decoder_of(role r, std::size_t max_message_size = frame_decoder::default_max_message_size) {
  return [r, max_message_size](std::string_view input, std::span<const std::size_t> cuts) {
    return decoded(r, input, cuts, max_message_size);
  };
}

// check_all_splits for inputs of any size: every cut in the first and last 64 bytes and every
// 251st between them, then byte by byte.
std::vector<std::string> check_splits(role r, std::string_view input,
                                      std::size_t max_message_size = frame_decoder::default_max_message_size);

// The wire form of the bytes given as hex pairs: frame("81 05") + "Hello".
std::string bytes(std::string_view hex);

}  // namespace eventwire::websocket::testing
