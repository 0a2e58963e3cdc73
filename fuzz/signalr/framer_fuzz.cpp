// Differential fuzzing of the record framer: the stream fed whole, cut where the first 16 input
// bytes say, and byte by byte must give the same records and error, and all must match a plain
// split at 0x1E. The record limit (1 to 1021 bytes, chosen by the first byte) is small so that it is reached.

#include <eventwire/signalr/error.hpp>
#include <eventwire/signalr/record_framer.hpp>
#include <eventwire/testing/chunks.hpp>

#include "check.hpp"

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

using namespace eventwire;
using namespace eventwire::signalr;

namespace {

constexpr std::size_t seed_size = 16;

std::vector<std::string> run(std::string_view stream, std::span<const std::size_t> cuts, std::size_t max) {
  record_framer framer;
  framer.max_record_size = max;
  std::vector<std::string> out;
  bool failed = false;
  eventwire::testing::feed_in_chunks(stream, cuts, [&](std::string_view piece) {
    while (!failed) {
      const codec::feed_result r = framer.feed(piece);
      EVENTWIRE_FUZZ_CHECK(r.consumed <= piece.size());
      if (r.state == codec::status::error) {
        EVENTWIRE_FUZZ_CHECK(r.consumed == 0 && framer.error());
        EVENTWIRE_FUZZ_CHECK(framer.buffered() <= max);
        out.push_back("error " + framer.error().message());
        failed = true;
        return;
      }
      EVENTWIRE_FUZZ_CHECK(framer.buffered() <= max);
      if (r.state == codec::status::need_more) {
        EVENTWIRE_FUZZ_CHECK(r.consumed == piece.size());
        return;
      }
      EVENTWIRE_FUZZ_CHECK(r.consumed >= 1 && piece[r.consumed - 1] == record_separator);
      EVENTWIRE_FUZZ_CHECK(framer.record().size() <= max);
      out.emplace_back(framer.record());
      piece.remove_prefix(r.consumed);
    }
  });
  if (!failed)
    if (const std::error_code ec = framer.finish()) out.push_back("error " + ec.message());
  return out;
}

// The same result computed the simple way.
std::vector<std::string> reference(std::string_view stream, std::size_t max) {
  std::vector<std::string> out;
  for (;;) {
    const std::size_t end = stream.find(record_separator);
    const std::string_view record = stream.substr(0, end);
    if (record.size() > max) {
      out.push_back("error " + make_error_code(error::record_too_large).message());
      return out;
    }
    if (end == std::string_view::npos) {
      if (!record.empty()) out.push_back("error " + make_error_code(error::record_incomplete).message());
      return out;
    }
    out.emplace_back(record);
    stream.remove_prefix(end + 1);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < seed_size) return 0;
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const std::string_view seed = input.substr(0, seed_size);
  const std::string_view stream = input.substr(seed_size);
  const std::size_t max = 1 + std::size_t{static_cast<unsigned char>(seed[0])} * 4;

  const auto expected = reference(stream, max);
  EVENTWIRE_FUZZ_CHECK(run(stream, {}, max) == expected);
  const auto cuts = eventwire::testing::cuts_from_seed(seed, stream.size());
  EVENTWIRE_FUZZ_CHECK(run(stream, cuts, max) == expected);
  if (stream.size() <= 4096) {
    const auto bytes = eventwire::testing::every_byte(stream.size());
    EVENTWIRE_FUZZ_CHECK(run(stream, bytes, max) == expected);
  }
  return 0;
}
