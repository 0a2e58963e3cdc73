#pragma once

// The skeleton of the differential codec harnesses whose input is 16 bytes that choose the cut
// points, one byte of flags, then the bytes fed to the codec.

#include <check.hpp>
#include <eventwire/testing/chunks.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace eventwire::fuzzing {

struct seeded_input {
  std::string_view seed;  // 16 bytes: up to 8 cut points (testing::cuts_from_seed)
  unsigned char flags = 0;
  std::string_view stream;

  std::vector<std::size_t> cuts() const { return testing::cuts_from_seed(seed, stream.size()); }
};

// Nothing when the input is shorter than its 17-byte prefix.
inline std::optional<seeded_input> split_seeded_input(const std::uint8_t* data, std::size_t size) {
  if (size < 17) return std::nullopt;
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  return seeded_input{input.substr(0, 16), static_cast<unsigned char>(input[16]), input.substr(17)};
}

// `run(cuts)` feeds the stream cut at `cuts` and returns what came out. It must give the same
// whole, at the seed's cuts and, for a stream of at most `byte_by_byte_up_to` bytes, byte by
// byte. Returns the whole run.
template <class Run>
auto same_whole_and_split(const seeded_input& in, Run&& run, std::size_t byte_by_byte_up_to = 2048) {
  const auto whole = run(std::span<const std::size_t>{});
  const std::vector<std::size_t> cuts = in.cuts();
  EVENTWIRE_FUZZ_CHECK(run(std::span<const std::size_t>(cuts)) == whole);
  if (in.stream.size() <= byte_by_byte_up_to) {
    const std::vector<std::size_t> bytes = testing::every_byte(in.stream.size());
    EVENTWIRE_FUZZ_CHECK(run(std::span<const std::size_t>(bytes)) == whole);
  }
  return whole;
}

}  // namespace eventwire::fuzzing
