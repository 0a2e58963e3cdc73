// Fuzzing of the hub message decoder with the encoder as its partner: decoding never crashes,
// and a message that decodes, once encoded again, decodes to the same fields.

#include <eventwire/signalr/hub_message_decoder.hpp>
#include <eventwire/signalr/record_framer.hpp>

#include "check.hpp"
#include "signalr_testing.hpp"

#include <algorithm>
#include <cstdio>
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <string_view>

using namespace eventwire;
using namespace eventwire::signalr;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view record(reinterpret_cast<const char*>(data), size);
  hub_message first;
  const std::error_code ec = decode_hub_message(record, first);
  if (ec) {
    EVENTWIRE_FUZZ_CHECK(!ec.message().empty());
    return 0;
  }
  std::ostringstream printed;
  printed << first;
  const std::string fields = signalr::testing::canonical(first);  // walks every view

  std::string encoded;
  if (!signalr::testing::reencode(first, encoded)) {
    EVENTWIRE_FUZZ_CHECK(std::holds_alternative<unknown_message>(first));
    return 0;
  }
  EVENTWIRE_FUZZ_CHECK(!encoded.empty() && encoded.back() == record_separator);
  EVENTWIRE_FUZZ_CHECK(std::count(encoded.begin(), encoded.end(), record_separator) == 1);
  hub_message second;
  const std::error_code again = decode_hub_message(std::string_view(encoded).substr(0, encoded.size() - 1), second);
  if (again) std::fprintf(stderr, "re-decoding %s failed: %s\n", encoded.c_str(), again.message().c_str());
  EVENTWIRE_FUZZ_CHECK(!again);
  EVENTWIRE_FUZZ_CHECK(first.index() == second.index());
  EVENTWIRE_FUZZ_CHECK(signalr::testing::canonical_encodable(first) == signalr::testing::canonical(second));
  return 0;
}
