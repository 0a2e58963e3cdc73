// Fuzzing of the negotiate response decoder: never crashes, gives the same answer twice, and what
// it accepts is coherent (a version-0 token is the connectionId, a rejection carries its text).

#include <eventwire/signalr/error.hpp>
#include <eventwire/signalr/negotiate.hpp>

#include "check.hpp"

#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <string_view>

using namespace eventwire;
using namespace eventwire::signalr;

namespace {

std::string describe(std::string_view body) {
  negotiate_response r;
  const std::error_code ec = decode_negotiate_response(body, r);
  std::ostringstream os;
  if (ec) os << "error " << ec.message();
  if (!ec || ec == error::negotiate_rejected) os << ' ' << r;
  return os.str();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view body(reinterpret_cast<const char*>(data), size);
  negotiate_response r;
  const std::error_code ec = decode_negotiate_response(body, r);
  if (ec == error::negotiate_rejected) EVENTWIRE_FUZZ_CHECK(std::holds_alternative<negotiate_failure>(r));
  if (!ec) {
    EVENTWIRE_FUZZ_CHECK(!std::holds_alternative<negotiate_failure>(r));
    if (const auto* offer = std::get_if<connection_offer>(&r)) {
      if (offer->negotiate_version < 1)
        EVENTWIRE_FUZZ_CHECK(offer->connection_token.escaped == offer->connection_id.escaped);
      bool websockets_text = false;
      for (const transport_offer& t : offer->transports)
        for (const json::raw_string& f : t.transfer_formats)
          websockets_text = websockets_text || (t.transport.equals("WebSockets") && f.equals("Text"));
      EVENTWIRE_FUZZ_CHECK(offers_websockets_text(*offer) == websockets_text);
    }
  }
  EVENTWIRE_FUZZ_CHECK(describe(body) == describe(body));
  return 0;
}
