#pragma once

// Runs a splitter or a part_assembler over an input cut at given offsets and renders what came
// out as text, so every test can compare the whole, split and byte-by-byte runs and read well.

#include <eventwire/multipart/limits.hpp>

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace eventwire::multipart::testing {

inline constexpr std::string_view genetec_boundary = "--GENETECBOUNDARY";

// Every event, one string each, adjacent body events merged (how a body is cut depends on the
// inputs), then "error: <message>" if the run failed. Also reports any breach of the feed
// contract (consumed > size, need_more with bytes left) as a line of its own.
std::vector<std::string> split_events(std::string_view boundary, std::string_view input,
                                      std::span<const std::size_t> cuts, limits lim = {});

// The same for a part_assembler: one string per part, heartbeat or close.
std::vector<std::string> assembled_items(std::string_view boundary, std::string_view input,
                                         std::span<const std::size_t> cuts, limits lim = {});

// Feeds `input` whole and renders each event followed by "@<offset>", the input offset its feed
// consumed up to, so a test can check that bytes after an event are left for the next call.
std::vector<std::string> events_at_offsets(std::string_view boundary, std::string_view input);

// A decode function for eventwire::testing::check_all_splits.
inline auto splitter_decoder(std::string_view boundary, limits lim = {}) {
  return [boundary, lim](std::string_view input, std::span<const std::size_t> cuts) {
    return split_events(boundary, input, cuts, lim);
  };
}

inline auto assembler_decoder(std::string_view boundary, limits lim = {}) {
  return [boundary, lim](std::string_view input, std::span<const std::size_t> cuts) {
    return assembled_items(boundary, input, cuts, lim);
  };
}

}  // namespace eventwire::multipart::testing
