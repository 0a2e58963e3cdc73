#pragma once

#include <eventwire/codec/feed_result.hpp>

#include <benchmark/benchmark.h>

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace eventwire::bench {

// Feeds `bytes` to a decoder (feed() and current(), as every eventwire codec has) in reads of
// `read_size` bytes, as a socket would hand them over, and calls on_event(decoder.current()) for
// each event. False when the decoder failed.
template <class Decoder, class OnEvent>
bool feed_in_reads(Decoder& decoder, std::string_view bytes, std::size_t read_size, OnEvent&& on_event) {
  for (std::size_t at = 0; at < bytes.size(); at += read_size) {
    std::string_view piece = bytes.substr(at, read_size);
    for (;;) {
      const auto r = decoder.feed(piece);
      piece.remove_prefix(r.consumed);
      if (r.state == codec::status::error) return false;
      if (r.state != codec::status::event) break;
      on_event(decoder.current());
    }
  }
  return true;
}

// The read size a benchmark's argument asks for: 0 means the whole input at once.
inline std::size_t read_size_of(const benchmark::State& state, std::size_t input_size) {
  return state.range(0) == 0 ? input_size : static_cast<std::size_t>(state.range(0));
}

// Bytes and items per second for `input_size` bytes holding `items` items per iteration.
inline void report_throughput(benchmark::State& state, std::size_t input_size, std::size_t items) {
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * input_size));
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * items));
}

}  // namespace eventwire::bench
