// The RaiseCustomEvent payload reader. Input layout: 16 bytes that choose up to 8 cut points,
// one byte of flags (bit 0: a small payload limit), then the multipart/form-data body, read with
// the boundary `b`. Fed whole, cut, and (when short) byte by byte, it must give the same payload
// or error, never one larger than its limit.

#include <check.hpp>
#include <eventwire/testing/chunks.hpp>
#include <eventwire/websdk/custom_event_payload_reader.hpp>

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace {

namespace websdk = eventwire::websdk;
namespace multipart = eventwire::multipart;

std::string read(std::string_view body, std::span<const std::size_t> cuts, const multipart::limits& limits) {
  websdk::custom_event_payload_reader reader(limits);
  std::error_code ec = reader.start("multipart/form-data; boundary=b");
  EVENTWIRE_FUZZ_CHECK(!ec);
  eventwire::testing::feed_in_chunks(body, cuts, [&](std::string_view piece) {
    if (!ec) ec = reader.feed(piece);
  });
  if (!ec) ec = reader.finish();
  if (ec) return "error: " + ec.message();
  EVENTWIRE_FUZZ_CHECK(reader.payload().has_value());
  EVENTWIRE_FUZZ_CHECK(reader.payload()->size() <= limits.max_body);
  return "payload: " + *reader.payload();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  constexpr std::size_t header = 17;
  if (size < header) return 0;
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const std::string_view body = input.substr(header);
  multipart::limits limits;
  if (input[16] & 1) limits.max_body = 16;
  const std::string whole = read(body, {}, limits);
  const auto cuts = eventwire::testing::cuts_from_seed(input.substr(0, 16), body.size());
  EVENTWIRE_FUZZ_CHECK(read(body, cuts, limits) == whole);
  if (body.size() <= 256) {
    const auto bytes = eventwire::testing::every_byte(body.size());
    EVENTWIRE_FUZZ_CHECK(read(body, bytes, limits) == whole);
  }
  return 0;
}
