// Differential fuzzing of the handshake decoder: the stream (a handshake response, then hub
// records) fed whole and cut where the first 16 input bytes say must give the same outcome, the
// same consumed count and the same records after it.

#include <eventwire/signalr/handshake.hpp>
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
  handshake_decoder handshake;
  handshake.max_response_size = max;
  record_framer framer;
  std::vector<std::string> out;
  std::size_t consumed = 0;
  bool stopped = false;
  eventwire::testing::feed_in_chunks(stream, cuts, [&](std::string_view piece) {
    if (stopped) return;
    if (!handshake.succeeded()) {
      const codec::feed_result r = handshake.feed(piece);
      EVENTWIRE_FUZZ_CHECK(r.consumed <= piece.size());
      consumed += r.consumed;
      if (r.state == codec::status::error) {
        EVENTWIRE_FUZZ_CHECK(handshake.error());
        out.push_back("error " + handshake.error().message() + " " + std::string(handshake.server_error()));
        stopped = true;
        return;
      }
      if (r.state == codec::status::need_more) {
        EVENTWIRE_FUZZ_CHECK(r.consumed == piece.size());
        return;
      }
      EVENTWIRE_FUZZ_CHECK(piece[r.consumed - 1] == record_separator);
      out.push_back("ok " + std::to_string(consumed));
      piece.remove_prefix(r.consumed);
    }
    for (codec::feed_result r; (r = framer.feed(piece)).state == codec::status::event;) {
      piece.remove_prefix(r.consumed);
      out.emplace_back(framer.record());
    }
  });
  if (!stopped) {
    if (const std::error_code ec = handshake.finish()) out.push_back("finish " + ec.message());
    else if (const std::error_code fec = framer.finish()) out.push_back("finish " + fec.message());
  }
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < seed_size) return 0;
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const std::string_view seed = input.substr(0, seed_size);
  const std::string_view stream = input.substr(seed_size);
  const std::size_t max = 2 + static_cast<unsigned char>(seed[0]);

  const auto whole = run(stream, {}, max);
  const auto cuts = eventwire::testing::cuts_from_seed(seed, stream.size());
  EVENTWIRE_FUZZ_CHECK(run(stream, cuts, max) == whole);
  return 0;
}
